package org.quillpress.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The one place that turns instants into the site's local dates and times, and a typed local date-time back into
 * an instant. The site's time zone, date style and language are site settings; {@code SiteSettings} hands them here
 * whenever it loads or saves them. Month names are the language's; the order of day and month is an English
 * choice, so in any other language both written styles are that language's own long date (German "6. Dezember
 * 2026, 17:05"), and ISO stays ISO. They are held statically because template extensions are static and pages render on I/O
 * threads, where nothing may be looked up in the database. Machine-readable dates ({@code <time datetime>}, feeds,
 * the API) stay ISO or RFC with their offset and do not come through here.
 */
public final class SiteTime {

    /** How dates and times are written on pages and in mail. */
    public enum Style {
        /** 6 December 2026, 17:05 */
        DAY_MONTH_YEAR("d MMMM yyyy", "HH:mm"),
        /** December 6, 2026, 5:05 PM */
        MONTH_DAY_YEAR("MMMM d, yyyy", "h:mm a"),
        /** 2026-12-06 17:05 */
        ISO("yyyy-MM-dd", "HH:mm");

        final String date;
        final String time;

        Style(String date, String time) {
            this.date = date;
            this.time = time;
        }

        /** An example, for the settings form. */
        public String example() {
            return DateTimeFormatter.ofPattern(date + (this == ISO ? " " : ", ") + time, Locale.ENGLISH)
                    .format(LocalDateTime.of(2026, 12, 6, 17, 5));
        }

        /** The style a stored or typed name means, or the default for anything else. */
        public static Style parse(String name) {
            for (Style style : values()) {
                if (style.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return style;
                }
            }
            return DAY_MONTH_YEAR;
        }
    }

    private record Local(ZoneId zone, Style style, Locale locale, DateTimeFormatter date, DateTimeFormatter dateTime) {
        static Local of(ZoneId zone, Style style, Locale locale) {
            if (style != Style.ISO && !locale.getLanguage().equals(Locale.ENGLISH.getLanguage())) {
                return new Local(zone, style, locale, DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                        .withZone(zone),
                        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                                .withZone(zone));
            }
            return new Local(zone, style, locale, DateTimeFormatter.ofPattern(style.date, locale).withZone(zone),
                    DateTimeFormatter.ofPattern(style.date + (style == Style.ISO ? " " : ", ") + style.time,
                            locale).withZone(zone));
        }
    }

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private static volatile Local local = Local.of(ZoneId.of("UTC"), Style.DAY_MONTH_YEAR, Locale.ENGLISH);

    private SiteTime() {
    }

    /** Called by the site settings when they load or change. */
    public static void use(ZoneId zone, Style style, Locale language) {
        local = Local.of(zone, style, language);
    }

    public static ZoneId zone() {
        return local.zone();
    }

    public static Style style() {
        return local.style();
    }

    /** A zone id as typed ("Europe/Paris", "UTC", "+02:00"), or null when Java does not know it. */
    public static ZoneId parseZone(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** "6 December 2026" in the site's zone. */
    public static String date(Instant instant) {
        return instant == null ? "" : local.date().format(instant);
    }

    /** "6 December 2026, 17:05" in the site's zone. */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : local.dateTime().format(instant);
    }

    /** "December 2026", in the site's language: a month of the archive. */
    public static String month(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, local.locale()) + " " + month.getYear();
    }

    /** For a datetime-local input: the site's local date and time, to the minute. */
    public static String inputValue(Instant instant) {
        return instant == null ? "" : INPUT.format(instant.atZone(local.zone()));
    }

    /** A local date-time as a datetime-local input sends it, read in the site's zone. */
    public static Instant fromInput(LocalDateTime local) {
        return local.atZone(zone()).toInstant();
    }
}
