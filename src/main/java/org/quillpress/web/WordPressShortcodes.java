package org.quillpress.web;

import static org.quillpress.web.WordPressHtml.attr;
import static org.quillpress.web.WordPressHtml.stash;
import static org.quillpress.web.WordPressHtml.unescapeAmp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.quillpress.web.WordPressHtml.Attachments;
import org.quillpress.web.WordPressHtml.Image;

/**
 * WordPress's own shortcodes as HTML: {@code [caption]} as a figure with its caption, {@code [gallery]} as a
 * grid of its images, {@code [audio]} and {@code [video]} as the browser's players, {@code [embed]} as a link
 * card. Each finished piece is set aside ({@link WordPressHtml#stash}) so the paragraph rule leaves it whole.
 * Other shortcodes stay as text and are named, as are those whose media are not known.
 */
final class WordPressShortcodes {

    private static final String CORE = "caption|wp_caption|gallery|audio|video|embed|playlist";

    /**
     * WordPress's shortcode grammar: an optional second bracket escapes the shortcode; attributes may hold a
     * slash; an enclosing shortcode runs to its closing tag.
     */
    private static final Pattern SHORTCODE = Pattern.compile("\\[(\\[?)(" + CORE + ")(?![\\w-])"
            + "([^\\]/]*(?:/(?!\\])[^\\]/]*)*?)"
            + "(?:(/)\\]|\\](?:([^\\[]*+(?:\\[(?!/\\2\\])[^\\[]*+)*+)\\[/\\2\\])?)(\\]?)");

    /** Any other shortcode-looking text, for the report: a name right after the bracket, then the end of the tag. */
    private static final Pattern OTHER = Pattern.compile("\\[([a-zA-Z][a-zA-Z0-9_-]*)(?=[\\s\\]/])[^\\[\\]]*\\]");

    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)\\s*=\\s*\"([^\"]*)\"(?:\\s|$)"
            + "|([\\w-]+)\\s*=\\s*'([^']*)'(?:\\s|$)|([\\w-]+)\\s*=\\s*([^\\s'\"]+)(?:\\s|$)"
            + "|\"([^\"]*)\"(?:\\s|$)|'([^']*)'(?:\\s|$)|(\\S+)(?:\\s|$)");

    private static final Pattern CAPTIONED_IMAGE = Pattern
            .compile("((?:<a [^>]+>\\s*)?<img [^>]+>(?:\\s*</a>)?)(.*)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ALIGN = Pattern.compile("align(?:left|right|center|none)");
    private static final Pattern IDS = Pattern.compile("\\d+");

    private static final List<String> AUDIO_SOURCES = List.of("src", "mp3", "m4a", "ogg", "wav", "flac", "wma");
    private static final List<String> VIDEO_SOURCES = List.of("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv");

    private final Attachments attachments;
    private final List<String> stash;
    private final Set<String> notRendered;

    WordPressShortcodes(Attachments attachments, List<String> stash, Set<String> notRendered) {
        this.attachments = attachments;
        this.stash = stash;
        this.notRendered = notRendered;
    }

    /** The text with WordPress's shortcodes rendered and set aside; other shortcodes named and left as text. */
    String apply(String text) {
        if (text.indexOf('[') < 0) {
            return text;
        }
        Matcher others = OTHER.matcher(text);
        while (others.find()) {
            String name = others.group(1).toLowerCase(Locale.ROOT);
            if (!name.matches(CORE) && !(others.start() > 0 && text.charAt(others.start() - 1) == '[')) {
                notRendered.add("[" + name + "]");
            }
        }
        return SHORTCODE.matcher(text).replaceAll(m -> {
            if (!m.group(1).isEmpty() && !m.group(6).isEmpty()) {
                // [[gallery]] is how an author writes the shortcode itself as text
                return Matcher.quoteReplacement(m.group().substring(1, m.group().length() - 1));
            }
            Map<String, String> atts = attributes(m.group(3));
            String content = m.group(5) == null ? "" : m.group(5);
            Optional<String> html = switch (m.group(2)) {
                case "caption", "wp_caption" -> caption(atts, content);
                case "gallery" -> gallery(atts);
                case "audio" -> audio(atts);
                case "video" -> video(atts, content);
                case "embed" -> embed(content);
                default -> Optional.empty();
            };
            if (html.isEmpty()) {
                notRendered.add("[" + m.group(2) + "]" + why(m.group(2)));
                return Matcher.quoteReplacement(m.group(1) + m.group(6));
            }
            return Matcher.quoteReplacement(m.group(1) + stash(stash, html.get()) + m.group(6));
        });
    }

    private static String why(String name) {
        return switch (name) {
            case "gallery" -> " " + SiteLanguage.messages(ContentMessages.class).galleryNotInExport();
            case "audio", "video" -> " " + SiteLanguage.messages(ContentMessages.class).mediaWithoutFile();
            case "playlist" -> " " + SiteLanguage.messages(ContentMessages.class).playlistNotShown();
            default -> "";
        };
    }

    /** The attributes of a shortcode by name (lower case); positional ones by their position ("0", "1"…). */
    static Map<String, String> attributes(String text) {
        Map<String, String> atts = new LinkedHashMap<>();
        String t = text.replaceAll("[\\u00a0\\u200b]+", " ");
        Matcher m = ATTRIBUTE.matcher(t);
        int position = 0;
        while (m.find()) {
            for (int g = 1; g <= 5; g += 2) {
                if (m.group(g) != null) {
                    atts.put(m.group(g).toLowerCase(Locale.ROOT), m.group(g + 1));
                }
            }
            for (int g = 7; g <= 9; g++) {
                if (m.group(g) != null) {
                    atts.put(Integer.toString(position++), m.group(g));
                }
            }
        }
        return atts;
    }

    private Optional<String> caption(Map<String, String> atts, String content) {
        Matcher parts = CAPTIONED_IMAGE.matcher(content.strip());
        String image = content.strip();
        String caption = atts.getOrDefault("caption", "");
        if (parts.matches()) {
            image = parts.group(1);
            if (caption.isEmpty()) {
                caption = parts.group(2).strip();
            }
        }
        if (image.isEmpty()) {
            return Optional.empty();
        }
        String align = atts.getOrDefault("align", "alignnone");
        String classes = "wp-caption" + (ALIGN.matcher(align).matches() ? " " + align : "");
        return Optional.of("<figure class=\"" + classes + "\">" + image
                + (caption.isEmpty() ? "" : "<figcaption class=\"wp-caption-text\">" + caption + "</figcaption>")
                + "</figure>");
    }

    private Optional<String> gallery(Map<String, String> atts) {
        List<Image> images = new ArrayList<>();
        String ids = atts.getOrDefault("ids", atts.getOrDefault("include", ""));
        if (ids.isBlank()) {
            images.addAll(attachments.ofPost());
        } else {
            Matcher id = IDS.matcher(ids);
            int missing = 0;
            while (id.find()) {
                Optional<Image> image = attachments.image(Long.parseLong(id.group()));
                image.ifPresent(images::add);
                missing += image.isEmpty() ? 1 : 0;
            }
            if (missing > 0 && !images.isEmpty()) {
                notRendered.add("[gallery] " + SiteLanguage.messages(ContentMessages.class).gallerySomeNotInExport(missing));
            }
        }
        if (images.isEmpty()) {
            return Optional.empty();
        }
        int columns = columns(atts.getOrDefault("columns", "3"));
        StringBuilder html = new StringBuilder("<div class=\"gallery columns-" + columns + "\">");
        for (Image image : images) {
            html.append("<figure class=\"gallery-item\"><a href=\"").append(attr(image.url())).append("\">")
                    .append(galleryImage(image)).append("</a>");
            if (image.caption() != null && !image.caption().isBlank()) {
                html.append("<figcaption class=\"gallery-caption\">").append(WordPressHtml.text(image.caption()))
                        .append("</figcaption>");
            }
            html.append("</figure>");
        }
        return Optional.of(html.append("</div>").toString());
    }

    /** A gallery's image: from the media library with its other widths when it came in, else as the export had it. */
    private static String galleryImage(Image image) {
        String alt = " alt=\"" + attr(image.alt() == null ? "" : image.alt()) + "\"";
        ImageRenditions.Image stored = image.stored();
        if (stored == null) {
            return "<img src=\"" + attr(image.url()) + "\"" + alt + ">";
        }
        return "<img src=\"" + attr(stored.src()) + "\"" + alt + " width=\"" + stored.width() + "\" height=\""
                + stored.height() + "\" srcset=\"" + attr(stored.srcset()) + "\" sizes=\"" + PostImage.SIZES
                + "\" loading=\"lazy\">";
    }

    private static int columns(String value) {
        try {
            return Math.max(1, Math.min(9, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 3;
        }
    }

    private static Optional<String> firstSource(Map<String, String> atts, List<String> keys) {
        return keys.stream().map(atts::get).filter(v -> v != null && !v.isBlank()).map(v -> unescapeAmp(v.strip()))
                .findFirst();
    }

    private Optional<String> audio(Map<String, String> atts) {
        return firstSource(atts, AUDIO_SOURCES).map(src -> "<audio class=\"wp-audio-shortcode\" controls preload=\"none\""
                + " src=\"" + attr(src) + "\"><a href=\"" + attr(src) + "\">" + WordPressHtml.text(src) + "</a></audio>");
    }

    private Optional<String> video(Map<String, String> atts, String content) {
        Optional<String> source = firstSource(atts, VIDEO_SOURCES);
        if (source.isEmpty() && !content.isBlank()) {
            source = Optional.of(unescapeAmp(content.strip()));
        }
        return source.map(src -> WordPressHtml.card(src).orElseGet(() -> {
            String poster = atts.getOrDefault("poster", "");
            return "<video class=\"wp-video-shortcode\" controls preload=\"metadata\" src=\"" + attr(src) + "\""
                    + dimension("width", atts) + dimension("height", atts)
                    + (poster.isBlank() ? "" : " poster=\"" + attr(unescapeAmp(poster.strip())) + "\"") + "><a href=\""
                    + attr(src) + "\">" + WordPressHtml.text(src) + "</a></video>";
        }));
    }

    private static String dimension(String name, Map<String, String> atts) {
        String value = atts.getOrDefault(name, "").strip();
        return value.matches("\\d{1,4}") ? " " + name + "=\"" + value + "\"" : "";
    }

    private static Optional<String> embed(String content) {
        String url = unescapeAmp(content.strip());
        if (!url.matches("https?://[^\\s<>\"]+")) {
            return Optional.empty();
        }
        return Optional.of(WordPressHtml.card(url)
                .orElse("<p><a href=\"" + attr(url) + "\">" + WordPressHtml.text(url) + "</a></p>"));
    }
}
