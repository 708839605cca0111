package org.quillpress.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** How values print in pages. Dates are shown in UTC. */
@TemplateExtension
public class TemplateExtensions {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(ZoneOffset.UTC);

    /** "30 November 2015" */
    static String longDate(Instant instant) {
        return instant == null ? "" : LONG_DATE.format(instant);
    }

    /**
     * For {@code <time datetime>} and feeds. Whole seconds: HTML allows at most three digits of a fraction,
     * and the database keeps six.
     */
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** For a query parameter in a link. */
    static String urlEncode(String text) {
        return java.net.URLEncoder.encode(text == null ? "" : text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** For a datetime-local input, in UTC. */
    public static String inputValue(Instant instant) {
        return instant == null ? "" : LOCAL_INPUT.format(instant);
    }
}
