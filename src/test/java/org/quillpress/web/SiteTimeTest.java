package org.quillpress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dates and times in the site's zone and style: the one place pages and mail get them from. */
class SiteTimeTest {

    private static final Instant LATE_EVENING_UTC = Instant.parse("2026-11-30T23:30:00Z");

    @AfterEach
    void backToTheDefault() {
        SiteTime.use(ZoneId.of("UTC"), SiteTime.Style.DAY_MONTH_YEAR, Locale.ENGLISH);
    }

    @Test
    void aDateIsTheDayItIsWhereTheSiteIs() {
        SiteTime.use(ZoneId.of("UTC"), SiteTime.Style.DAY_MONTH_YEAR, Locale.ENGLISH);
        assertThat(SiteTime.date(LATE_EVENING_UTC)).isEqualTo("30 November 2026");

        SiteTime.use(ZoneId.of("Europe/Berlin"), SiteTime.Style.DAY_MONTH_YEAR, Locale.ENGLISH);
        assertThat(SiteTime.date(LATE_EVENING_UTC)).isEqualTo("1 December 2026");
        assertThat(SiteTime.dateTime(LATE_EVENING_UTC)).isEqualTo("1 December 2026, 00:30");
    }

    @Test
    void theStyleChangesHowDatesAndTimesAreWritten() {
        SiteTime.use(ZoneId.of("America/New_York"), SiteTime.Style.MONTH_DAY_YEAR, Locale.ENGLISH);
        assertThat(SiteTime.dateTime(LATE_EVENING_UTC)).isEqualTo("November 30, 2026, 6:30 PM");

        SiteTime.use(ZoneId.of("Asia/Tokyo"), SiteTime.Style.ISO, Locale.ENGLISH);
        assertThat(SiteTime.dateTime(LATE_EVENING_UTC)).isEqualTo("2026-12-01 08:30");
    }

    @Test
    void inAnotherLanguageDatesAreThatLanguagesLongDates() {
        SiteTime.use(ZoneId.of("Europe/Berlin"), SiteTime.Style.DAY_MONTH_YEAR, Locale.GERMAN);
        assertThat(SiteTime.date(LATE_EVENING_UTC)).isEqualTo("1. Dezember 2026");
        assertThat(SiteTime.dateTime(LATE_EVENING_UTC)).startsWith("1. Dezember 2026").endsWith("00:30");
        assertThat(SiteTime.month(YearMonth.of(2026, 3))).isEqualTo("März 2026");

        SiteTime.use(ZoneId.of("Europe/Berlin"), SiteTime.Style.ISO, Locale.GERMAN);
        assertThat(SiteTime.dateTime(LATE_EVENING_UTC)).isEqualTo("2026-12-01 00:30");
    }

    @Test
    void theScheduleFieldIsReadAndWrittenInTheSitesZone() {
        SiteTime.use(ZoneId.of("Asia/Tokyo"), SiteTime.Style.DAY_MONTH_YEAR, Locale.ENGLISH);

        assertThat(SiteTime.inputValue(LATE_EVENING_UTC)).isEqualTo("2026-12-01T08:30");
        assertThat(SiteTime.fromInput(LocalDateTime.parse("2026-12-01T08:30"))).isEqualTo(LATE_EVENING_UTC);
    }

    @Test
    void onlyZonesJavaKnowsAreAccepted() {
        assertThat(SiteTime.parseZone("Europe/Paris")).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(SiteTime.parseZone("Mars/Olympus_Mons")).isNull();
        assertThat(SiteTime.parseZone("")).isNull();
        assertThat(SiteTime.Style.parse("nonsense")).isEqualTo(SiteTime.Style.DAY_MONTH_YEAR);
    }
}
