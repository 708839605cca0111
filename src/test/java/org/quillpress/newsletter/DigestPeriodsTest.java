package org.quillpress.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** When a digest is due: at a fixed local time of the site's zone, daily or on one day of the week. */
class DigestPeriodsTest {

    private final DigestPeriods berlin = new DigestPeriods(ZoneId.of("Europe/Berlin"), LocalTime.of(7, 0),
            DayOfWeek.MONDAY);

    @Test
    void aDailyPeriodEndsAtTheLocalTimeOfTheSameDayOnceItHasPassed() {
        // 2026-12-09 is a Wednesday; Berlin is UTC+1 in winter, so 07:00 there is 06:00 UTC
        assertThat(berlin.latestEnd(Frequency.DAILY, Instant.parse("2026-12-09T06:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-09T06:00:00Z"));
        assertThat(berlin.latestEnd(Frequency.DAILY, Instant.parse("2026-12-09T22:30:00Z")))
                .isEqualTo(Instant.parse("2026-12-09T06:00:00Z"));
    }

    @Test
    void beforeTheLocalTimeTheDailyPeriodEndedTheDayBefore() {
        assertThat(berlin.latestEnd(Frequency.DAILY, Instant.parse("2026-12-09T05:59:59Z")))
                .isEqualTo(Instant.parse("2026-12-08T06:00:00Z"));
        // 00:30 in Berlin is still the evening before in UTC: the local date decides
        assertThat(berlin.latestEnd(Frequency.DAILY, Instant.parse("2026-12-08T23:30:00Z")))
                .isEqualTo(Instant.parse("2026-12-08T06:00:00Z"));
    }

    @Test
    void aWeeklyPeriodEndsOnTheChosenDayAtTheLocalTime() {
        // Monday 2026-12-07 07:00 in Berlin
        Instant monday = Instant.parse("2026-12-07T06:00:00Z");
        assertThat(berlin.latestEnd(Frequency.WEEKLY, monday)).isEqualTo(monday);
        assertThat(berlin.latestEnd(Frequency.WEEKLY, Instant.parse("2026-12-13T23:00:00Z"))).isEqualTo(monday);
        assertThat(berlin.latestEnd(Frequency.WEEKLY, Instant.parse("2026-12-14T05:00:00Z"))).isEqualTo(monday);
        assertThat(berlin.latestEnd(Frequency.WEEKLY, Instant.parse("2026-12-07T05:59:00Z")))
                .isEqualTo(Instant.parse("2026-11-30T06:00:00Z"));
    }

    @Test
    void theLocalTimeFollowsSummerTime() {
        // in July Berlin is UTC+2: 07:00 there is 05:00 UTC
        assertThat(berlin.latestEnd(Frequency.DAILY, Instant.parse("2026-07-15T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-07-15T05:00:00Z"));
    }

    @Test
    void aPeriodLastsUntilTheNextMomentAndNoLonger() {
        Instant end = Instant.parse("2026-12-10T06:00:00Z");
        assertThat(berlin.latestEnd(Frequency.DAILY, end.plusSeconds(86_399))).isEqualTo(end);
        assertThat(berlin.latestEnd(Frequency.DAILY, end.plusSeconds(86_400))).isEqualTo(end.plusSeconds(86_400));
        Instant monday = Instant.parse("2026-12-14T06:00:00Z");
        assertThat(berlin.latestEnd(Frequency.WEEKLY, monday.plusSeconds(7 * 86_400 - 1))).isEqualTo(monday);
    }

    @Test
    void mailForEachPostHasNoPeriod() {
        assertThatThrownBy(() -> berlin.latestEnd(Frequency.EACH_POST, Instant.parse("2026-12-09T06:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
