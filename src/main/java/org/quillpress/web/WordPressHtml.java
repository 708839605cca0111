package org.quillpress.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress's conventions for stored HTML, applied the way WordPress applies them on display, before the
 * sanitizer sees the result: block-editor content keeps its saved markup (block comments go), classic content
 * gets WordPress's paragraph rule ({@link Autop}), WordPress's own shortcodes become HTML
 * ({@link WordPressShortcodes}), and links to video and social sites on a line of their own become link cards
 * that load nothing from elsewhere. Whatever has no counterpart here (a plugin's shortcode, a dynamic block) is
 * named in {@link Rendered#notRendered()} so the import can report it; shortcodes stay visible as text.
 */
public final class WordPressHtml {

    /** The excerpt break: what comes before it is the teaser. */
    public static final Pattern MORE = Pattern.compile("<!--\\s*more\\b.*?-->", Pattern.DOTALL);

    private static final Pattern NEXTPAGE = Pattern.compile("<!--\\s*(nextpage|noteaser)\\s*-->");

    /** A block delimiter as WordPress's block parser reads it: opening, closing or self-closing. */
    private static final Pattern BLOCK_DELIMITER = Pattern.compile(
            "<!--\\s+(/)?wp:([a-z][a-z0-9_-]*/)?([a-z][a-z0-9_-]*)(\\s+\\{.*?\\})?\\s+(/)?-->", Pattern.DOTALL);

    /** Core blocks whose saved HTML is their whole rendering: kept as saved, within the sanitizer's allow-list. */
    private static final Set<String> SAVED_BLOCKS = Set.of("paragraph", "heading", "image", "gallery", "quote",
            "pullquote", "table", "list", "list-item", "code", "preformatted", "verse", "separator", "spacer", "cover",
            "buttons", "button", "columns", "column", "media-text", "group", "html", "freeform", "embed", "shortcode",
            "audio", "video", "more", "nextpage", "details", "missing");

    /** A URL alone on its line (or alone in a paragraph): what WordPress would turn into an embed. */
    private static final Pattern LONE_URL = Pattern.compile("(?m)^(\\s*)(https?://[^\\s<>\"]+)(\\s*)$");
    private static final Pattern LONE_URL_PARAGRAPH = Pattern
            .compile("<p(?: [^>]*)?>\\s*(https?://[^\\s<>\"]+)\\s*</p>", Pattern.CASE_INSENSITIVE);

    private static final Pattern IMG = Pattern.compile("<img\\b([^>]*?)\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMG_ATTRIBUTE = Pattern
            .compile("([a-zA-Z][\\w:-]*)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?");
    private static final Pattern WP_IMAGE = Pattern.compile("(?:^|\\s)wp-image-(\\d{1,12})(?:\\s|$)");

    private static final Pattern STASHED = Pattern.compile("<pre qp-stash-(\\d+)></pre>");

    /** The HTML of some WordPress content, and what in it could not be shown as it was on WordPress. */
    public record Rendered(String html, Set<String> notRendered) {
    }

    /**
     * An image a gallery shows: the address of the file (its largest rendition when it is in the media library),
     * its description and caption, and its stored renditions (null when the file is not in the library).
     */
    public record Image(String url, String alt, String caption, ImageRenditions.Image stored) {
        public Image(String url, String alt, String caption) {
            this(url, alt, caption, null);
        }
    }

    /** The images of the WordPress blog the content came from, for galleries. */
    public interface Attachments {
        /** The image that was the WordPress attachment with this id, if known. */
        Optional<Image> image(long wpId);

        /** The images attached to the post being rendered, in their order (a gallery without ids shows them). */
        List<Image> ofPost();

        /** The stored image at {@code src} (a {@code /media} address), for its other widths. */
        default Optional<ImageRenditions.Image> stored(String src) {
            return Optional.empty();
        }

        /** No images known: galleries are reported as not rendered. */
        Attachments NONE = new Attachments() {
            @Override
            public Optional<Image> image(long wpId) {
                return Optional.empty();
            }

            @Override
            public List<Image> ofPost() {
                return List.of();
            }
        };
    }

    private WordPressHtml() {
    }

    /** The HTML of a post body from WordPress, before sanitizing. */
    public static String toHtml(String source) {
        return render(source, Attachments.NONE).html();
    }

    /** A post body from WordPress as HTML (before sanitizing), with what in it has no counterpart here. */
    public static Rendered render(String source, Attachments attachments) {
        String text = source == null ? "" : source.replace("\r\n", "\n").replace('\r', '\n');
        text = MORE.matcher(text).replaceAll("");
        text = NEXTPAGE.matcher(text).replaceAll("");
        Set<String> notRendered = new LinkedHashSet<>();
        List<String> stash = new ArrayList<>();
        text = responsiveImages(text, attachments);
        text = new WordPressShortcodes(attachments, stash, notRendered).apply(text);
        text = embedLoneLinks(text, stash);
        String html = BLOCK_DELIMITER.matcher(text).find() ? blocks(text, notRendered) : Autop.paragraphs(text);
        return new Rendered(unstash(html, stash), notRendered);
    }

    /** A comment from WordPress as HTML (before sanitizing): paragraphs only, as WordPress runs no shortcodes there. */
    public static String commentToHtml(String source) {
        return Autop.paragraphs(source == null ? "" : source);
    }

    /**
     * Images of the library as the library serves them: an {@code <img>} whose class names a WordPress attachment
     * ({@code wp-image-N}) that came into the media library, or whose address is a library address, gets the
     * library's address, its other widths ({@code srcset}) and a height in the image's own proportions (the width
     * WordPress showed it at is kept). Every other image is left as it was.
     */
    static String responsiveImages(String text, Attachments attachments) {
        Matcher m = IMG.matcher(text);
        if (!m.find()) {
            return text;
        }
        m.reset();
        return m.replaceAll(tag -> Matcher.quoteReplacement(responsive(tag.group(), tag.group(1), attachments)));
    }

    private static String responsive(String tag, String attributeText, Attachments attachments) {
        Map<String, String> atts = new LinkedHashMap<>();
        Matcher a = IMG_ATTRIBUTE.matcher(attributeText);
        while (a.find()) {
            String value = a.group(2) == null ? "" : a.group(2);
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
                value = value.substring(1, value.length() - 1);
            }
            atts.putIfAbsent(a.group(1).toLowerCase(Locale.ROOT), value.replace("\"", "&quot;"));
        }
        Optional<ImageRenditions.Image> stored = Optional.empty();
        Matcher id = WP_IMAGE.matcher(atts.getOrDefault("class", ""));
        if (id.find()) {
            stored = attachments.image(Long.parseLong(id.group(1))).map(Image::stored);
        }
        if (stored.isEmpty()) {
            stored = attachments.stored(unescapeAmp(atts.getOrDefault("src", "")));
        }
        if (stored.isEmpty()) {
            return tag;
        }
        ImageRenditions.Image image = stored.get();
        atts.put("src", attr(image.src()));
        int width = image.width();
        String shown = atts.getOrDefault("width", "").strip();
        if (shown.matches("[1-9]\\d{0,4}") && Integer.parseInt(shown) < width) {
            width = Integer.parseInt(shown);
        }
        atts.put("width", Integer.toString(width));
        atts.put("height", Long.toString(Math.max(1, Math.round((double) width * image.height() / image.width()))));
        atts.put("srcset", attr(image.srcset()));
        atts.put("sizes", PostImage.SIZES);
        StringBuilder out = new StringBuilder("<img");
        atts.forEach((name, value) -> out.append(' ').append(name).append("=\"").append(value).append('"'));
        return out.append(" />").toString();
    }

    /** A placeholder for finished HTML, which the paragraph rule treats as a block and leaves alone. */
    static String stash(List<String> stash, String html) {
        stash.add(html);
        return "<pre qp-stash-" + (stash.size() - 1) + "></pre>";
    }

    private static String unstash(String html, List<String> stash) {
        if (stash.isEmpty()) {
            return html;
        }
        // a stashed piece may hold placeholders of its own (a card inside a caption): repeat until none are left
        String out = html;
        for (int round = 0; round < 3 && out.contains("<pre qp-stash-"); round++) {
            out = STASHED.matcher(out).replaceAll(m -> {
                // the source itself may hold text that looks like a placeholder: only ours are replaced
                int i = m.group(1).length() > 6 ? -1 : Integer.parseInt(m.group(1));
                return Matcher.quoteReplacement(i >= 0 && i < stash.size() ? stash.get(i) : "");
            });
        }
        return out;
    }

    /**
     * Block-editor content: each block keeps its saved HTML (WordPress runs no paragraph rule on it), its
     * delimiters go, and blocks with nothing saved or from plugins are named. Text outside every block (a post
     * partly converted to blocks) gets the paragraph rule, as it had in the classic editor.
     */
    private static String blocks(String text, Set<String> notRendered) {
        StringBuilder out = new StringBuilder();
        Matcher m = BLOCK_DELIMITER.matcher(text);
        int depth = 0;
        int from = 0;
        while (m.find()) {
            String between = text.substring(from, m.start());
            out.append(depth == 0 ? Autop.paragraphs(between) : between);
            from = m.end();
            boolean closing = m.group(1) != null;
            boolean selfClosing = m.group(5) != null;
            String namespace = m.group(2) == null ? "core/" : m.group(2);
            String name = m.group(3);
            boolean known = namespace.equals("core/") && SAVED_BLOCKS.contains(name)
                    || namespace.equals("core-embed/");
            if (!closing && !known) {
                notRendered.add(SiteLanguage.messages(ContentMessages.class)
                        .blockNotShown((namespace.equals("core/") ? "" : namespace) + name));
            }
            if (closing) {
                depth = Math.max(0, depth - 1);
            } else if (!selfClosing) {
                depth++;
            }
        }
        String rest = text.substring(from);
        return out.append(depth == 0 ? Autop.paragraphs(rest) : rest).toString();
    }

    /** Links to video and social sites alone on their line, as WordPress's auto-embed finds them. */
    private static String embedLoneLinks(String text, List<String> stash) {
        String out = LONE_URL_PARAGRAPH.matcher(text).replaceAll(m -> card(m.group(1))
                .map(c -> Matcher.quoteReplacement(stash(stash, c))).orElse(Matcher.quoteReplacement(m.group())));
        return LONE_URL.matcher(out).replaceAll(m -> card(m.group(2))
                .map(c -> Matcher.quoteReplacement(m.group(1) + stash(stash, c) + m.group(3)))
                .orElse(Matcher.quoteReplacement(m.group())));
    }

    /**
     * A link card for a URL of a known embed provider: the site's name and the address, a plain link. Nothing is
     * loaded from the provider until a reader follows the link.
     */
    static Optional<String> card(String rawUrl) {
        String url = unescapeAmp(rawUrl.strip());
        return EmbedSite.of(url).map(site -> "<figure class=\"embed-card\"><a href=\"" + attr(url)
                + "\"><span class=\"embed-card-site\">" + site.label + "</span> <span class=\"embed-card-title\">"
                + text(site.title(url)) + "</span></a></figure>");
    }

    static String unescapeAmp(String url) {
        return url.replace("&#038;", "&").replace("&amp;", "&");
    }

    /** Text for an HTML attribute value in double quotes. */
    static String attr(String value) {
        return text(value).replace("\"", "&quot;");
    }

    /** Text for HTML content. */
    static String text(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The sites whose links WordPress embeds and that get a card here. */
    enum EmbedSite {
        YOUTUBE("YouTube", "(?:www\\.|m\\.)?youtube\\.com|youtu\\.be", "video"),
        VIMEO("Vimeo", "(?:www\\.|player\\.)?vimeo\\.com", "video"),
        X("X", "(?:www\\.|mobile\\.)?(?:twitter|x)\\.com", "post"),
        SOUNDCLOUD("SoundCloud", "(?:www\\.|m\\.)?soundcloud\\.com", "audio"),
        SPOTIFY("Spotify", "open\\.spotify\\.com", "on"),
        INSTAGRAM("Instagram", "(?:www\\.)?instagram\\.com", "post"),
        FLICKR("Flickr", "(?:www\\.)?flickr\\.com|flic\\.kr", "photo"),
        TIKTOK("TikTok", "(?:www\\.)?tiktok\\.com", "video");

        private static final Pattern X_STATUS = Pattern.compile("https?://[^/]+/([A-Za-z0-9_]{1,15})/status/\\d+.*");

        final String label;
        final Pattern url;
        /** What its links lead to, as ContentMessages.embedTitle words it: video, audio, photo, post, or on. */
        final String kind;

        EmbedSite(String label, String hosts, String kind) {
            this.label = label;
            this.url = Pattern.compile("https?://(?:" + hosts + ")(?:[/?#].*)?", Pattern.CASE_INSENSITIVE);
            this.kind = kind;
        }

        static Optional<EmbedSite> of(String url) {
            for (EmbedSite site : values()) {
                if (site.url.matcher(url).matches()) {
                    return Optional.of(site);
                }
            }
            return Optional.empty();
        }

        String title(String url) {
            Matcher status = X_STATUS.matcher(url);
            if (this == X && status.matches()) {
                return SiteLanguage.messages(ContentMessages.class).embedXPost(status.group(1));
            }
            return SiteLanguage.messages(ContentMessages.class).embedTitle(kind, label);
        }
    }
}
