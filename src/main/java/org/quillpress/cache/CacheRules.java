package org.quillpress.cache;

import java.util.regex.Pattern;

import org.quillpress.web.Paths;

/**
 * Which addresses the page cache may answer, and the small parts of HTTP it reads. An allow-list: a new
 * page is not cached until it is named here, so a page that shows something per visitor cannot slip in.
 */
final class CacheRules {

    /** Longer request targets are served by the application (and bound the size of a key). */
    static final int MAX_URI_LENGTH = 1024;

    /** A standalone page's address, as BlogResource matches it. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private static final Pattern MONTH = Pattern.compile("\\d{1,2}");

    private CacheRules() {
    }

    /**
     * True for the public pages every guest sees alike: home, posts, standalone pages, the archives, the
     * feeds (a post's comment feed included), the sitemap and robots.txt. Never the API, /q, sign-in, setup, account, admin,
     * writing,
     * moderation or search.
     */
    static boolean cacheablePath(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return false;
        }
        switch (path) {
            case "/", "/feed", "/rss", "/sitemap.xml", "/robots.txt":
                return true;
            default:
                break;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return false;
            }
        }
        int n = segments.length;
        return switch (segments[0]) {
            case "posts" -> n == 2 || n == 4 && segments[2].equals("comments") && segments[3].equals("feed")
                    || n == 5 && segments[2].equals("comments") && segments[3].equals("feed")
                            && segments[4].equals("rss");
            case "authors" -> n == 2;
            case "tags", "categories" -> n == 2 || n == 3 && segments[2].equals("feed")
                    || n == 4 && segments[2].equals("feed") && segments[3].equals("rss");
            case "archive" -> n == 3 && YEAR.matcher(segments[1]).matches() && MONTH.matcher(segments[2]).matches();
            default -> n == 1 && !Paths.isReserved(segments[0]) && SLUG.matcher(segments[0]).matches();
        };
    }

    /** True when {@code acceptEncoding} allows gzip (a q-value of 0 refuses it, RFC 9110, 12.5.3). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean wildcard = null;
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.split(";");
            String coding = parts[0].strip();
            boolean allowed = true;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                    allowed = !isZero(parameter.substring(2).strip());
                }
            }
            if (coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip")) {
                return allowed;
            }
            if (coding.equals("*")) {
                wildcard = allowed;
            }
        }
        return Boolean.TRUE.equals(wildcard);
    }

    private static boolean isZero(String q) {
        try {
            return Double.parseDouble(q) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** True when {@code ifNoneMatch} names {@code etag} by weak comparison, or is "*". */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String wanted = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
