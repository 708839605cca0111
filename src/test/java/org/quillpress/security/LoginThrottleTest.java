package org.quillpress.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quillpress.web.RateLimits;

import io.github.bucket4j.UninterruptibleBlockingStrategy;

/**
 * The sign-in limits, on a clock that stands still unless a test moves it. A slowed-down attempt does not really
 * wait here: the waits it would make are recorded instead.
 */
class LoginThrottleTest {

    private static final String OWNER = "owner@example.org";

    private static final String STRANGER = "198.51.100.7";

    private Instant now = Instant.parse("2026-12-06T12:00:00Z");

    private final List<Duration> waits = new ArrayList<>();

    private final LoginThrottle throttle = new LoginThrottle(RateLimits.inMemory(new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }), (UninterruptibleBlockingStrategy) nanos -> waits.add(Duration.ofNanos(nanos)));

    @Test
    void theFirstFiveFailuresFromAnAddressCostNothing() {
        failures(STRANGER, OWNER, LoginThrottle.PER_EMAIL_AND_ADDRESS - 1);

        assertThat(throttle.admit(STRANGER, OWNER, null)).isZero();
        assertThat(waits).isEmpty();
    }

    @Test
    void pastFiveFailuresAnAddressIsSlowedDownToOneAttemptAtATimeNotLockedOut() {
        failures(STRANGER, OWNER, LoginThrottle.PER_EMAIL_AND_ADDRESS);

        assertThat(throttle.admit(STRANGER, OWNER, null)).isZero();
        assertThat(throttle.admit(STRANGER, OWNER, null)).isZero();
        assertThat(waits).containsExactly(LoginThrottle.SLOW_LANE_EVERY);
        // a third attempt at the same moment would wait longer than an attempt may: it is refused
        assertThat(throttle.admit(STRANGER, OWNER, null)).isPositive();
        assertThat(throttle.admit("203.0.113.9", OWNER, null)).isZero();

        now = now.plus(LoginThrottle.SLOW_LANE_EVERY.multipliedBy(2));
        assertThat(throttle.admit(STRANGER, OWNER, null)).isZero();
    }

    @Test
    void someoneGuessingTheOwnersPasswordElsewhereDoesNotSlowTheOwner() {
        failures(STRANGER, OWNER, 20);

        assertThat(throttle.admit("203.0.113.9", OWNER, null)).isZero();
        assertThat(waits).isEmpty();
    }

    @Test
    void tenFailuresFromOneAddressSlowItWhateverTheEmail() {
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            throttle.recordFailure(STRANGER, "guess-" + i + "@example.org", null);
        }

        throttle.admit(STRANGER, "new@example.org", null);
        throttle.admit(STRANGER, "new@example.org", null);
        assertThat(waits).hasSize(1);
        throttle.admit("203.0.113.9", "new@example.org", null);
        assertThat(waits).hasSize(1);
    }

    @Test
    void guessingSpreadOverManyAddressesStopsAtTheHourlyLimitForTheEmail() {
        spreadFailures(OWNER, LoginThrottle.PER_EMAIL_AN_HOUR);

        assertThat(throttle.admit("203.0.113.9", OWNER, null)).isBetween(1L, 3600L + 1);
        now = now.plus(Duration.ofHours(1));
        assertThat(throttle.admit("203.0.113.9", OWNER, null)).isZero();
    }

    @Test
    void aDeviceTheEmailSignedInFromBeforeIsLetInPastTheHourlyLimit() {
        spreadFailures(OWNER, LoginThrottle.PER_EMAIL_AN_HOUR);
        failures(STRANGER, OWNER, 20);

        assertThat(throttle.admit(STRANGER, OWNER, "owners-laptop")).isZero();
        assertThat(waits).isEmpty();
    }

    @Test
    void aKnownDeviceThatKeepsFailingCountsAsUnknown() {
        spreadFailures(OWNER, LoginThrottle.PER_EMAIL_AN_HOUR);
        for (int i = 0; i < LoginThrottle.PER_KNOWN_DEVICE; i++) {
            throttle.recordFailure("203.0.113.9", OWNER, "stolen-cookie");
        }

        assertThat(throttle.admit("203.0.113.9", OWNER, "stolen-cookie")).isPositive();
    }

    @Test
    void aPasswordResetClearsWhatTheEmailsFailuresFilled() {
        spreadFailures(OWNER, LoginThrottle.PER_EMAIL_AN_HOUR);
        failures(STRANGER, OWNER, LoginThrottle.PER_EMAIL_AND_ADDRESS);

        throttle.forget(OWNER.toUpperCase(java.util.Locale.ROOT));

        assertThat(throttle.admit(STRANGER, OWNER, null)).isZero();
        assertThat(waits).isEmpty();
    }

    private void failures(String address, String email, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(address, email, null);
        }
    }

    private void spreadFailures(String email, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure("192.0.2." + i, email, null);
        }
    }
}
