package org.quillpress.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress's paragraph rule for classic content (its {@code wpautop}), written again in Java: a blank line
 * ends a paragraph and a single line break becomes {@code <br />
 * }, but never between or around block
 * elements, so tables, lists, preformatted text and the like come out as their author wrote them. The
 * steps follow WordPress's order, because each one relies on what the earlier ones did.
 */
final class Autop {

    /** The elements WordPress treats as blocks: no paragraph is opened or closed around their tags. */
    static final String BLOCKS = "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre"
            + "|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup"
            + "|header|footer|nav|figure|figcaption|details|menu|summary)";

    private static final int CI = Pattern.CASE_INSENSITIVE;
    private static final Pattern DOUBLE_BR = Pattern.compile("<br\\s*/?>\\s*<br\\s*/?>", CI);
    private static final Pattern BLOCK_OPEN = Pattern.compile("(<" + BLOCKS + "[\\s/>])", CI);
    private static final Pattern BLOCK_CLOSE = Pattern.compile("(</" + BLOCKS + ">)", CI);
    private static final Pattern HR = Pattern.compile("(<hr\\s*?/?>)", CI);
    private static final Pattern TAG_OR_COMMENT = Pattern.compile("<!--.*?-->|<[^<>]*>", Pattern.DOTALL);
    private static final String NEWLINE_IN_TAG = " <!-- wpnl --> ";
    private static final Pattern MANY_NEWLINES = Pattern.compile("\\n\\n+");
    private static final Pattern PARAGRAPH_SPLIT = Pattern.compile("\\n\\s*\\n");
    private static final Pattern EMPTY_P = Pattern.compile("<p>\\s*</p>");
    private static final Pattern UNCLOSED_IN_DIV = Pattern.compile("<p>([^<]+)</(div|address|form)>", CI);
    private static final Pattern P_AROUND_BLOCK_TAG = Pattern.compile("<p>\\s*(</?" + BLOCKS + "[^>]*>)\\s*</p>", CI);
    private static final Pattern P_AROUND_LI = Pattern.compile("<p>(<li.+?)</p>", CI | Pattern.DOTALL);
    private static final Pattern P_BEFORE_BLOCKQUOTE = Pattern.compile("<p><blockquote([^>]*)>", CI);
    private static final Pattern P_BEFORE_BLOCK_TAG = Pattern.compile("<p>\\s*(</?" + BLOCKS + "[^>]*>)", CI);
    private static final Pattern P_AFTER_BLOCK_TAG = Pattern.compile("(</?" + BLOCKS + "[^>]*>)\\s*</p>", CI);
    private static final Pattern RAW_TEXT = Pattern.compile("<(script|style|svg|math).*?</\\1>", CI | Pattern.DOTALL);
    private static final String PRESERVED_NEWLINE = "<WPPreserveNewline />";
    private static final Pattern ANY_BR = Pattern.compile("<br>|<br/>", CI);
    private static final Pattern LONE_NEWLINE = Pattern.compile("(?<!<br />)\\s*\\n");
    private static final Pattern BR_AFTER_BLOCK_TAG = Pattern.compile("(</?" + BLOCKS + "[^>]*>)\\s*<br />", CI);
    private static final Pattern BR_BEFORE_BLOCK_TAG = Pattern
            .compile("<br />(\\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", CI);
    private static final Pattern LAST_NEWLINE = Pattern.compile("\\n</p>$");

    private Autop() {
    }

    /** The text with its paragraphs and line breaks made explicit, WordPress's way. */
    static String paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String pee = text.replace("\r\n", "\n").replace('\r', '\n') + "\n";

        // preformatted text is set aside whole, so none of what follows touches its line breaks
        List<String> pres = new ArrayList<>();
        pee = setAsidePre(pee, pres);

        pee = DOUBLE_BR.matcher(pee).replaceAll("\n\n");
        pee = BLOCK_OPEN.matcher(pee).replaceAll("\n\n$1");
        pee = BLOCK_CLOSE.matcher(pee).replaceAll("$1\n\n");
        pee = HR.matcher(pee).replaceAll("$1\n\n");

        // a line break inside a tag (between attributes) is not the author's line break
        pee = TAG_OR_COMMENT.matcher(pee)
                .replaceAll(m -> Matcher.quoteReplacement(m.group().replace("\n", NEWLINE_IN_TAG)));

        // the children of option, object, audio and video are not text: no paragraphs between them
        if (pee.contains("<option")) {
            pee = pee.replaceAll("\\s*<option", "<option").replaceAll("</option>\\s*", "</option>");
        }
        if (pee.contains("</object>")) {
            pee = pee.replaceAll("(<object[^>]*>)\\s*", "$1").replaceAll("\\s*</object>", "</object>")
                    .replaceAll("\\s*(</?(?:param|embed)[^>]*>)\\s*", "$1");
        }
        if (pee.contains("<source") || pee.contains("<track")) {
            pee = pee.replaceAll("([<\\[](?:audio|video)[^>\\]]*[>\\]])\\s*", "$1")
                    .replaceAll("\\s*([<\\[]/(?:audio|video)[>\\]])", "$1")
                    .replaceAll("\\s*(<(?:source|track)[^>]*>)\\s*", "$1");
        }
        if (pee.contains("<figcaption")) {
            pee = pee.replaceAll("\\s*(<figcaption[^>]*>)", "$1").replaceAll("</figcaption>\\s*", "</figcaption>");
        }

        pee = MANY_NEWLINES.matcher(pee).replaceAll("\n\n");
        StringBuilder out = new StringBuilder();
        for (String piece : PARAGRAPH_SPLIT.split(pee)) {
            if (!piece.isEmpty()) {
                out.append("<p>").append(trimNewlines(piece)).append("</p>\n");
            }
        }
        pee = out.toString();

        pee = EMPTY_P.matcher(pee).replaceAll("");
        pee = UNCLOSED_IN_DIV.matcher(pee).replaceAll("<p>$1</p></$2>");
        pee = P_AROUND_BLOCK_TAG.matcher(pee).replaceAll("$1");
        pee = P_AROUND_LI.matcher(pee).replaceAll("$1");
        pee = P_BEFORE_BLOCKQUOTE.matcher(pee).replaceAll("<blockquote$1><p>");
        pee = pee.replace("</blockquote></p>", "</p></blockquote>");
        pee = P_BEFORE_BLOCK_TAG.matcher(pee).replaceAll("$1");
        pee = P_AFTER_BLOCK_TAG.matcher(pee).replaceAll("$1");

        // single line breaks, except inside script-like elements, whose text is not prose
        pee = RAW_TEXT.matcher(pee)
                .replaceAll(m -> Matcher.quoteReplacement(m.group().replace("\n", PRESERVED_NEWLINE)));
        pee = ANY_BR.matcher(pee).replaceAll("<br />");
        pee = LONE_NEWLINE.matcher(pee).replaceAll("<br />\n");
        pee = pee.replace(PRESERVED_NEWLINE, "\n");

        pee = BR_AFTER_BLOCK_TAG.matcher(pee).replaceAll("$1");
        pee = BR_BEFORE_BLOCK_TAG.matcher(pee).replaceAll("$1");
        pee = LAST_NEWLINE.matcher(pee).replaceAll("</p>");

        for (int i = 0; i < pres.size(); i++) {
            pee = pee.replace(prePlaceholder(i), pres.get(i));
        }
        return pee.replace(NEWLINE_IN_TAG, "\n").replace(NEWLINE_IN_TAG.strip(), "\n");
    }

    private static String setAsidePre(String pee, List<String> pres) {
        if (!pee.contains("<pre")) {
            return pee;
        }
        String[] parts = pee.split("</pre>", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            int start = parts[i].indexOf("<pre");
            if (start < 0) {
                // a stray closing tag: left where it was
                out.append(parts[i]).append("</pre>");
                continue;
            }
            out.append(parts[i], 0, start).append(prePlaceholder(pres.size()));
            pres.add(parts[i].substring(start) + "</pre>");
        }
        return out.append(parts[parts.length - 1]).toString();
    }

    private static String prePlaceholder(int i) {
        return "<pre wp-pre-tag-" + i + "></pre>";
    }

    private static String trimNewlines(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '\n') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(start, end);
    }
}
