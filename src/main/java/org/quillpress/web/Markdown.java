package org.quillpress.web;

import java.util.List;
import java.util.Set;

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

    private final HtmlRenderer postRenderer = HtmlRenderer.builder().extensions(EXTENSIONS)
            .sanitizeUrls(true).urlSanitizer(new DefaultUrlSanitizer(PROTOCOLS))
            .nodeRendererFactory(context -> new PostImage(context, this::renditionOf)).build();

    /** The allow-list applied after rendering: formatting, blocks, links, tables, code and images. */
    private static final PolicyFactory POST_POLICY = new HtmlPolicyBuilder()
            .allowCommonBlockElements()
            .allowCommonInlineFormattingElements()
            .allowElements("a", "pre", "code", "hr", "br", "del", "s", "blockquote", "ul", "ol", "li", "dl", "dt",
                    "dd", "table", "thead", "tbody", "tr", "th", "td", "img", "figure", "figcaption", "abbr", "cite",
                    "q", "kbd", "sup", "sub", "mark")
            .allowUrlProtocols(PROTOCOLS.toArray(String[]::new))
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("src", "alt", "title").onElements("img")
            .allowAttributes("width", "height").matching(java.util.regex.Pattern.compile("[1-9][0-9]{0,4}"))
            .onElements("img")
            .allowAttributes("srcset").matching(PostImage.SRCSET).onElements("img")
            .allowAttributes("sizes").matching(true, PostImage.SIZES).onElements("img")
            .allowAttributes("loading").matching(true, "lazy", "eager").onElements("img")
            .allowAttributes("decoding").matching(true, "async").onElements("img")
            .allowAttributes("start").matching(java.util.regex.Pattern.compile("\\d{1,6}")).onElements("ol")
            .allowAttributes("align").matching(true, "left", "right", "center").onElements("th", "td")
            .allowAttributes("class").matching(java.util.regex.Pattern.compile("language-[A-Za-z0-9+#_-]{1,40}"))
            .onElements("code")
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
            .allowAttributes("start").matching(java.util.regex.Pattern.compile("\\d{1,6}")).onElements("ol")
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
        return renditions.isResolvable() ? renditions.get().find(src) : java.util.Optional.empty();
    }

    /** Renders a post body written in {@code format} to safe HTML. */
    public String renderPost(String source, BodyFormat format) {
        return format == BodyFormat.WORDPRESS ? POST_POLICY.sanitize(WordPressHtml.toHtml(source)) : renderPost(source);
    }

    /**
     * Renders a comment body written in {@code format} to safe HTML; imported WordPress comments keep their
     * HTML within the comment allow-list (links get rel="nofollow ugc noopener").
     */
    public String renderComment(String source, BodyFormat format) {
        return format == BodyFormat.WORDPRESS ? COMMENT_POLICY.sanitize(WordPressHtml.toHtml(source))
                : renderComment(source);
    }

    /** Renders an author's Markdown to safe HTML. */
    public String renderPost(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        return POST_POLICY.sanitize(postRenderer.render(document));
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
