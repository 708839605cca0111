package org.quillpress.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.quillpress.web.Networks;
import org.quillpress.web.RateLimits;

/** How many link mails the public forms may cause, on a clock that stands still unless moved. */
class LinkMailLimitTest {

    @Test
    void aNetworkAsksForAtMostTenMailsAnHourWhicheverOfItsAddressesAsks() {
        LinkMailLimit limit = new LinkMailLimit(
                RateLimits.inMemory(Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC)));
        for (int i = 0; i < LinkMailLimit.PER_NETWORK_AN_HOUR; i++) {
            assertThat(limit.tryTake("198.51.100." + (i + 1), "person" + i + "@example.org")).isTrue();
        }

        assertThat(limit.tryTake("198.51.100.200", "another@example.org")).isFalse();
        assertThat(limit.tryTake("203.0.113.9", "another@example.org")).isTrue();
    }

    @Test
    void oneEmailGetsAtMostThreeMailsAnHour() {
        MovableClock clock = new MovableClock();
        LinkMailLimit limit = new LinkMailLimit(RateLimits.inMemory(clock));
        for (int i = 0; i < LinkMailLimit.PER_EMAIL_AN_HOUR; i++) {
            assertThat(limit.tryTake("192.0.2." + i * 50, "Owner@example.org")).isTrue();
        }

        assertThat(limit.tryTake("203.0.113.9", "owner@example.org")).isFalse();
        clock.now = clock.now.plus(Duration.ofHours(1));
        assertThat(limit.tryTake("203.0.113.9", "owner@example.org")).isTrue();
    }

    @Test
    void networksAreSlash24AndSlash64() {
        assertThat(Networks.wide("203.0.113.77")).isEqualTo("203.0.113.0/24");
        assertThat(Networks.wide("2001:db8:1:2:aaaa::1")).isEqualTo(Networks.wide("2001:db8:1:2::9"))
                .isNotEqualTo(Networks.wide("2001:db8:1:3::9"));
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-06T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
