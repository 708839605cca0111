package org.quillpress.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.quarkus.qute.TemplateExtension;

/** How values print in pages. Dates and times are the site's local ones, written by {@link SiteTime}. */
@TemplateExtension
public class TemplateExtensions {

    /** "30 November 2015", in the site's time zone and date style. */
    static String longDate(Instant instant) {
        return SiteTime.date(instant);
    }

    /** "30 November 2015, 14:03", in the site's time zone and date style. */
    static String dateTime(Instant instant) {
        return SiteTime.dateTime(instant);
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

    /** For a datetime-local input, in the site's time zone. */
    public static String inputValue(Instant instant) {
        return SiteTime.inputValue(instant);
    }
}
