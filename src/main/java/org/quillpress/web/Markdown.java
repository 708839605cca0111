package org.quillpress.web;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.AttributePolicy;
import org.owasp.html.CssSchema;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one place where user Markdown becomes HTML. Rendering happens once, on save; the output of
 * {@link #renderPost} is the only HTML that templates print unescaped.
 */
@ApplicationScoped
public class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            StrikethroughExtension.create(), AutolinkExtension.create());

    /** Only these link schemes survive; commonmark's default sanitizer alone would let data: through. */
    private static final Set<String> PROTOCOLS = Set.of("http", "https", "mailto");

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

    /** Sizes of stored images, from the media package when it is there. */
    @Inject
    Instance<ImageRenditions> renditions;

    /** The images imported WordPress posts show, from the import when it is there. */
    @Inject
    Instance<WordPressMedia> wordPressMedia;

    private final HtmlRenderer postRenderer = postRenderer(false);

    /** For a post whose featured image stands above its text: every image of the text is below the fold. */
    private final HtmlRenderer postRendererBelowFeatured = postRenderer(true);

    private HtmlRenderer postRenderer(boolean belowFeatured) {
        return HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true)
                .urlSanitizer(new DefaultUrlSanitizer(PROTOCOLS))
                .nodeRendererFactory(context -> new PostImage(context, this::renditionOf, belowFeatured)).build();
    }

    /**
     * The classes a post may carry: WordPress's alignment and layout classes, which our stylesheet styles, and
     * a code block's language. Any other class is dropped, and with it any styling an author's HTML could borrow
     * from the site's own stylesheet.
     */
    static final Pattern ALLOWED_CLASS = Pattern.compile("align(?:left|right|center|wide|full|none)"
            + "|wp-block-[a-z0-9-]{1,40}(?:__[a-z0-9-]{1,40})?|size-[a-z0-9_-]{1,40}|wp-image-\\d{1,12}"
            + "|has-text-align-(?:left|center|right|justify)|columns-(?:\\d|default)|is-style-[a-z0-9-]{1,40}"
            + "|wp-caption(?:-text)?|gallery(?:-item|-caption)?|blocks-gallery-(?:grid|item|caption)"
            + "|has-nested-images|is-cropped|is-stacked-on-mobile|has-media-on-the-right"
            + "|is-vertically-aligned-(?:top|center|bottom)|wp-element-button|wp-(?:audio|video)-shortcode"
            + "|embed-card(?:-site|-title)?");
    private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9+#_-]{1,40}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Keeps the allowed classes of a class attribute, in their order; drops the attribute when none is left. */
    private static final AttributePolicy CLASSES = (element, attribute, value) -> {
        StringBuilder kept = new StringBuilder();
        for (String name : WHITESPACE.split(value.strip())) {
            if (ALLOWED_CLASS.matcher(name).matches()
                    || element.equals("code") && CODE_LANGUAGE.matcher(name).matches()) {
                kept.append(kept.isEmpty() ? "" : " ").append(name);
            }
        }
        return kept.isEmpty() ? null : kept.toString();
    };

    private static final Pattern NUMBER = Pattern.compile("\\d{1,6}");

    /** The allow-list applied after rendering: formatting, blocks, links, tables, code, images and players. */
    private static final PolicyFactory POST_POLICY = new HtmlPolicyBuilder()
            .allowCommonBlockElements()
            .allowCommonInlineFormattingElements()
            .allowElements("a", "pre", "code", "hr", "br", "del", "s", "blockquote", "ul", "ol", "li", "dl", "dt",
                    "dd", "table", "thead", "tbody", "tfoot", "caption", "tr", "th", "td", "img", "figure",
                    "figcaption", "abbr", "cite", "q", "kbd", "sup", "sub", "mark", "audio", "video", "source")
            .allowUrlProtocols(PROTOCOLS.toArray(String[]::new))
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("src", "alt", "title").onElements("img")
            .allowAttributes("width", "height").matching(NUMBER).onElements("img", "video")
            .allowAttributes("srcset").matching(PostImage.SRCSET).onElements("img")
            .allowAttributes("sizes").matching(true, PostImage.SIZES).onElements("img")
            .allowAttributes("loading").matching(true, "lazy", "eager").onElements("img")
            .allowAttributes("decoding").matching(true, "async").onElements("img")
            .allowAttributes("src").onElements("audio", "video", "source")
            .allowAttributes("poster").onElements("video")
            .allowAttributes("controls").onElements("audio", "video")
            .allowAttributes("preload").matching(true, "none", "metadata").onElements("audio", "video")
            .allowAttributes("start").matching(NUMBER).onElements("ol")
            .allowAttributes("reversed").onElements("ol")
            .allowAttributes("colspan", "rowspan").matching(NUMBER).onElements("th", "td")
            .allowAttributes("align").matching(true, "left", "right", "center").onElements("th", "td")
            .allowAttributes("class").matching(CLASSES).globally()
            // WordPress's classic editor aligns paragraphs with an inline style: that one property is kept
            .allowStyling(CssSchema.withProperties(Set.of("text-align")))
            .allowAttributes("title").onElements("abbr")
            .requireRelsOnLinks("noopener")
            .toFactory();

    /**
     * Comments: a safe subset. Raw HTML is shown as text, images become their description, links keep
     * only web and mail addresses and carry rel="nofollow ugc noopener".
     */
    private final HtmlRenderer commentRenderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).urlSanitizer(new DefaultUrlSanitizer(PROTOCOLS))
            .nodeRendererFactory(context -> new ImageAsText(context)).build();

    private static final PolicyFactory COMMENT_POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a", "del", "s",
                    "abbr", "cite", "q", "kbd", "hr", "table", "thead", "tbody", "tr", "th", "td")
            .allowUrlProtocols(PROTOCOLS.toArray(String[]::new))
            .allowAttributes("href").onElements("a")
            .allowAttributes("start").matching(NUMBER).onElements("ol")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    /** Renders a reader's comment Markdown to safe HTML. */
    public String renderComment(String markdown) {
        return COMMENT_POLICY.sanitize(commentRenderer.render(parser.parse(markdown == null ? "" : markdown)));
    }

    /** How many links a rendered comment holds, for the moderation rule on link-heavy comments. */
    public static int countLinks(String html) {
        int count = 0;
        for (int at = html.indexOf("<a "); at >= 0; at = html.indexOf("<a ", at + 3)) {
            count++;
        }
        return count;
    }

    /** Writes an image as its alt text: comments may not make readers' browsers load anything. */
    private static final class ImageAsText implements org.commonmark.renderer.NodeRenderer {
        private final org.commonmark.renderer.html.HtmlNodeRendererContext context;

        ImageAsText(org.commonmark.renderer.html.HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(org.commonmark.node.Image.class);
        }

        @Override
        public void render(Node node) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
        }
    }

    private java.util.Optional<ImageRenditions.Image> renditionOf(String src) {
        // a Markdown made with new (unit tests) has no container behind it
        return renditions != null && renditions.isResolvable() ? renditions.get().find(src)
                : java.util.Optional.empty();
    }

    /** Renders a post body written in {@code format} to safe HTML (galleries of a post not yet stored show nothing). */
    public String renderPost(String source, BodyFormat format) {
        return renderPost(source, format, null);
    }

    /**
     * Renders the body of the post with id {@code postId} (null for one not yet stored), written in {@code format},
     * to safe HTML. An imported WordPress body shows its galleries and library images from what its blog's import
     * brought into the media library, so saving an imported post keeps them.
     */
    public String renderPost(String source, BodyFormat format, Long postId) {
        return renderPost(source, format, postId, false);
    }

    /**
     * As {@link #renderPost(String, BodyFormat, Long)}, for a post that shows a featured image above its text when
     * {@code belowFeatured}: then even the text's first image loads lazily.
     */
    public String renderPost(String source, BodyFormat format, Long postId, boolean belowFeatured) {
        if (format != BodyFormat.WORDPRESS) {
            Node document = parser.parse(source == null ? "" : source);
            return clean((belowFeatured ? postRendererBelowFeatured : postRenderer).render(document));
        }
        WordPressHtml.Attachments attachments = postId != null && wordPressMedia != null && wordPressMedia.isResolvable()
                ? wordPressMedia.get().of(postId)
                : WordPressHtml.Attachments.NONE;
        return renderWordPress(source, attachments).html();
    }

    /**
     * Renders a post body from WordPress to safe HTML, its galleries showing {@code attachments}, with what in it
     * could not be rendered (for the import report).
     */
    public WordPressHtml.Rendered renderWordPress(String source, WordPressHtml.Attachments attachments) {
        WordPressHtml.Rendered rendered = WordPressHtml.render(source, withRenditions(attachments));
        return new WordPressHtml.Rendered(clean(rendered.html()), rendered.notRendered());
    }

    /** {@code attachments}, and the library's images by their addresses. */
    private WordPressHtml.Attachments withRenditions(WordPressHtml.Attachments attachments) {
        return new WordPressHtml.Attachments() {
            @Override
            public java.util.Optional<WordPressHtml.Image> image(long wpId) {
                return attachments.image(wpId);
            }

            @Override
            public List<WordPressHtml.Image> ofPost() {
                return attachments.ofPost();
            }

            @Override
            public java.util.Optional<ImageRenditions.Image> stored(String src) {
                return src.isBlank() ? java.util.Optional.empty() : renditionOf(src);
            }
        };
    }

    /**
     * Renders a comment body written in {@code format} to safe HTML; imported WordPress comments keep their
     * HTML within the comment allow-list (links get rel="nofollow ugc noopener").
     */
    public String renderComment(String source, BodyFormat format) {
        return format == BodyFormat.WORDPRESS ? COMMENT_POLICY.sanitize(WordPressHtml.commentToHtml(source))
                : renderComment(source);
    }

    /** Renders an author's Markdown to safe HTML. */
    public String renderPost(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        return clean(postRenderer.render(document));
    }

    /** Post HTML made safe, then the library's images offered in WebP too (after the sanitizer: see {@link Picture}). */
    private String clean(String html) {
        return Picture.offerWebp(POST_POLICY.sanitize(html), this::renditionOf);
    }

    /** The text of the first paragraph of some Markdown, for excerpts and descriptions. */
    public String firstParagraphText(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof org.commonmark.node.Paragraph) {
                return org.commonmark.renderer.text.TextContentRenderer.builder().build().render(node).trim();
            }
        }
        return "";
    }
}
