package org.quillpress.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress's conventions for stored HTML, undone before the sanitizer sees it: block-editor comments
 * dropped, the core shortcodes reduced to their content, and text separated by blank lines made into
 * paragraphs (a single line break becomes {@code <br>
 * }), as WordPress's own wpautop does on display.
 * Shortcodes of plugins are kept as text: a reader sees the author's words, never a silently missing bit.
 */
public final class WordPressHtml {

    /** The excerpt break: what comes before it is the teaser. */
    public static final Pattern MORE = Pattern.compile("<!--\\s*more\\b.*?-->", Pattern.DOTALL);

    private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:.*?-->", Pattern.DOTALL);
    private static final Pattern NEXTPAGE = Pattern.compile("<!--\\s*(nextpage|noteaser)\\s*-->");
    private static final Pattern SHORTCODE = Pattern.compile("\\[(/?)([a-zA-Z][a-zA-Z0-9_-]*)((?:\\s[^\\]]*)?)/?\\]");
    private static final Pattern EMBED = Pattern.compile("\\[embed[^\\]]*\\](.*?)\\[/embed\\]", Pattern.DOTALL);
    private static final Pattern PRE = Pattern.compile("<pre\\b.*?</pre>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");
    private static final Pattern STARTS_WITH_BLOCK = Pattern.compile(
            "^</?(p|div|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|pre|table|thead|tbody|tfoot|tr|td|th|figure|figcaption"
                    + "|hr|address|section|article|aside|header|footer|nav|form|fieldset|details|summary|iframe)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Shortcodes WordPress itself defines: their wrappers go, their content (a caption's image) stays. */
    static final Set<String> CORE_SHORTCODES = Set.of("caption", "wp_caption", "gallery", "embed", "audio", "video",
            "playlist");

    private WordPressHtml() {
    }

    /** The HTML with WordPress's block comments and core shortcodes undone and its paragraphs made explicit. */
    public static String toHtml(String source) {
        String text = source == null ? "" : source.replace("\r\n", "\n").replace('\r', '\n');
        text = BLOCK_COMMENT.matcher(text).replaceAll("");
        text = MORE.matcher(text).replaceAll("");
        text = NEXTPAGE.matcher(text).replaceAll("");
        text = EMBED.matcher(text).replaceAll(m -> {
            String url = m.group(1).strip();
            return Matcher.quoteReplacement("<a href=\"" + url.replace("\"", "&quot;") + "\">" + url + "</a>");
        });
        text = SHORTCODE.matcher(text).replaceAll(m -> CORE_SHORTCODES.contains(m.group(2).toLowerCase(Locale.ROOT))
                ? ""
                : Matcher.quoteReplacement(m.group()));
        return paragraphs(text);
    }

    /** The names of shortcodes other than WordPress's own in {@code source}, which are kept as text. */
    public static Set<String> unknownShortcodes(String source) {
        Set<String> names = new TreeSet<>();
        if (source == null || source.indexOf('[') < 0) {
            return names;
        }
        Matcher m = SHORTCODE.matcher(source);
        while (m.find()) {
            String name = m.group(2).toLowerCase(Locale.ROOT);
            if (!CORE_SHORTCODES.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** True when the source holds block-editor comments (they are dropped on display). */
    public static boolean hasBlockComments(String source) {
        return source != null && BLOCK_COMMENT.matcher(source).find();
    }

    private static String paragraphs(String text) {
        // preformatted text keeps its blank lines: set it aside while the rest is split
        List<String> kept = new ArrayList<>();
        Matcher pre = PRE.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (pre.find()) {
            kept.add(pre.group());
            pre.appendReplacement(masked, Matcher.quoteReplacement("\u0000" + (kept.size() - 1) + "\u0000"));
        }
        pre.appendTail(masked);
        StringBuilder out = new StringBuilder();
        for (String block : BLANK_LINES.split(masked.toString().strip())) {
            String b = block.strip();
            if (b.isEmpty()) {
                continue;
            }
            if (b.startsWith("\u0000") || STARTS_WITH_BLOCK.matcher(b).find()) {
                out.append(b).append('\n');
            } else {
                out.append("<p>").append(b.replace("\n", "<br>\n")).append("</p>\n");
            }
        }
        String html = out.toString();
        for (int i = 0; i < kept.size(); i++) {
            html = html.replace("\u0000" + i + "\u0000", kept.get(i));
        }
        return html;
    }
}
