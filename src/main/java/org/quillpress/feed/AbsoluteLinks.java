package org.quillpress.feed;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the site-relative addresses in a post's HTML absolute for a feed, which a reader shows away from the
 * site: {@code href}, {@code src}, {@code poster} and every candidate of a {@code srcset}. The HTML has been
 * through the sanitizer, which always writes attribute values in double quotes, so a pattern over attributes
 * is exact here; addresses that already name a scheme or a host, and fragments, are left alone.
 */
final class AbsoluteLinks {

    private static final Pattern ADDRESS = Pattern.compile("(\\s(?:href|src|poster)=\")(/(?!/)[^\"]*)\"");
    private static final Pattern SRCSET = Pattern.compile("(\\ssrcset=\")([^\"]*)\"");

    private AbsoluteLinks() {
    }

    /** {@code html} with its site-relative addresses prefixed by {@code base} (the site's address, no slash at the end). */
    static String in(String html, String base) {
        if (html == null || html.isEmpty()) {
            return html;
        }
        String origin = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        Matcher addresses = ADDRESS.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 256);
        while (addresses.find()) {
            addresses.appendReplacement(out, Matcher.quoteReplacement(addresses.group(1) + origin
                    + addresses.group(2) + "\""));
        }
        addresses.appendTail(out);
        Matcher sets = SRCSET.matcher(out.toString());
        StringBuilder done = new StringBuilder(out.length() + 256);
        while (sets.find()) {
            sets.appendReplacement(done, Matcher.quoteReplacement(sets.group(1) + srcset(sets.group(2), origin)
                    + "\""));
        }
        sets.appendTail(done);
        return done.toString();
    }

    private static String srcset(String candidates, String origin) {
        StringBuilder out = new StringBuilder(candidates.length() + 128);
        for (String candidate : candidates.split(",")) {
            String trimmed = candidate.strip();
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(trimmed.startsWith("/") && !trimmed.startsWith("//") ? origin + trimmed : trimmed);
        }
        return out.toString();
    }
}
