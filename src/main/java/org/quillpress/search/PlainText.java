package org.quillpress.search;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a rendered body: its tags dropped and character references decoded, so that what is indexed and
 * what a snippet shows is the text a reader sees. The HTML was cleaned when the post was saved, so it holds no
 * scripts or styles whose content would need dropping too.
 */
final class PlainText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'",
            "nbsp", " ", "hellip", "…", "mdash", "—", "ndash", "–");

    private PlainText() {
    }

    static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String text = references(TAG.matcher(html).replaceAll(" "));
        // the snippet marks are private-use characters: a body cannot bring its own
        String plain = text.replace(Snippet.OPEN, ' ').replace(Snippet.CLOSE, ' ');
        return SPACES.matcher(plain).replaceAll(" ").strip();
    }

    /** {@code text} with its character references decoded ("&lt;" becomes "<"), and nothing else changed. */
    static String references(String text) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(String name, String whole) {
        if (name.startsWith("#")) {
            try {
                int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(code) && code != 0 ? new String(Character.toChars(code)) : " ";
            } catch (NumberFormatException e) {
                return whole;
            }
        }
        return NAMED.getOrDefault(name, whole);
    }
}
