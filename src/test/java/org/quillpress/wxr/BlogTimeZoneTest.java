package org.quillpress.wxr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The blog's time zone, from the dates WordPress writes twice. */
class BlogTimeZoneTest {

    private static BlogTimeZone berlinDates() {
        BlogTimeZone zone = new BlogTimeZone();
        zone.sample("2021-01-10 12:00:00", "2021-01-10 11:00:00");
        zone.sample("2021-07-10 12:00:00", "2021-07-10 10:00:00");
        zone.sample("2021-10-30 12:00:00", "2021-10-30 10:00:00");
        zone.sample("2021-11-01 12:00:00", "2021-11-01 11:00:00");
        return zone;
    }

    @Test
    void aZoneNamedInTheFileWins() {
        assertThat(berlinDates().zone("America/Chicago", "de-DE")).contains(ZoneId.of("America/Chicago"));
    }

    @Test
    void clockChangesAndTheLanguagesCountryGiveTheCountrysZone() {
        assertThat(berlinDates().zone("", "de-DE")).contains(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void withoutACountryTheRegionsUsualZoneIsNamed() {
        ZoneId zone = berlinDates().zone(null, "en").orElseThrow();

        assertThat(zone).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void aNewYorkBlogIsInNewYork() {
        BlogTimeZone zone = new BlogTimeZone();
        zone.sample("2020-02-01 09:00:00", "2020-02-01 14:00:00");
        zone.sample("2020-08-01 09:00:00", "2020-08-01 13:00:00");

        assertThat(zone.zone(null, "en-US")).contains(ZoneId.of("America/New_York"));
    }

    @Test
    void offsetsNoZoneExplainsGiveTheUsualOffsetAndUtcStaysUtc() {
        BlogTimeZone odd = new BlogTimeZone();
        odd.sample("2020-02-01 09:00:00", "2020-02-01 06:00:00");
        odd.sample("2020-02-02 09:00:00", "2020-02-02 06:00:00");
        odd.sample("2020-02-03 09:00:00", "2020-02-03 04:00:00");
        assertThat(odd.zone(null, null)).contains(ZoneOffset.ofHours(3));

        BlogTimeZone utc = new BlogTimeZone();
        utc.sample("2020-02-01 09:00:00", "2020-02-01 09:00:00");
        assertThat(utc.zone(null, null)).contains(ZoneId.of("UTC"));
    }

    @Test
    void unsetDatesAreIgnored() {
        BlogTimeZone zone = new BlogTimeZone();
        zone.sample("2020-02-01 09:00:00", "0000-00-00 00:00:00");

        assertThat(zone.zone(null, null)).isEmpty();
        assertThat(zone.sampleCount()).isZero();
    }
}
