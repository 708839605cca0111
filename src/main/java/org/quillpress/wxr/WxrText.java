package org.quillpress.wxr;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/** How the import reads WordPress's text: titles with markup and entities, encoded slugs, dates. */
final class WxrText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private WxrText() {
    }

    static String value(Map<String, String> fields, String key) {
        String value = fields.get(key);
        return value == null ? "" : value.strip();
    }

    /**
     * A title as plain text: WordPress titles may hold markup and HTML entities ({@code &#8217;}); the
     * markup goes, the entities become the characters they stand for, and templates escape the result.
     */
    static String cleanTitle(String raw) {
        return SPACES.matcher(unescape(TAG.matcher(raw == null ? "" : raw).replaceAll(""))).replaceAll(" ").strip();
    }

    static String plainText(String html) {
        return cleanTitle(html == null ? "" : html.replaceAll("(?i)<br\\s*/?>|</p>", " "));
    }

    private static final Map<String, String> ENTITIES = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"),
            Map.entry("hellip", "…"), Map.entry("mdash", "—"), Map.entry("ndash", "–"), Map.entry("lsquo", "‘"),
            Map.entry("rsquo", "’"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("laquo", "«"),
            Map.entry("raquo", "»"), Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("trade", "™"));

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

    private static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return ENTITY.matcher(text).replaceAll(m -> {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("#")) {
                try {
                    int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                            ? Integer.parseInt(name.substring(2), 16)
                            : Integer.parseInt(name.substring(1));
                    replacement = Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : m.group();
                } catch (NumberFormatException e) {
                    replacement = m.group();
                }
            } else {
                replacement = ENTITIES.getOrDefault(name, m.group());
            }
            return java.util.regex.Matcher.quoteReplacement(replacement);
        });
    }

    static String decode(String slug) {
        if (slug == null || slug.indexOf('%') < 0) {
            return slug == null ? "" : slug;
        }
        try {
            return URLDecoder.decode(slug, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return slug;
        }
    }

    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /**
     * A WordPress date in UTC: the _gmt field when set (drafts have 0000-00-00 there), else the RSS
     * pubDate (which carries its offset), else the local date read at the blog's usual offset.
     */
    static Instant date(String gmt, String local, String pubDate, ZoneOffset blogOffset) {
        Instant at = wpDate(gmt);
        if (at != null) {
            return at;
        }
        if (pubDate != null && !pubDate.isBlank()) {
            try {
                return ZonedDateTime.parse(pubDate.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                // fall through to the local date
            }
        }
        Instant blogTime = wpDate(local);
        return blogTime == null ? null : blogTime.minusSeconds(blogOffset.getTotalSeconds());
    }

    private static Instant wpDate(String text) {
        if (text == null || text.isBlank() || text.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), WxrNames.DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
