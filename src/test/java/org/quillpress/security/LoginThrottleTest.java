package org.quillpress.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The sign-in limits, on a clock that stands still unless a test moves it. */
class LoginThrottleTest {

    private static final String OWNER = "owner@example.org";

    private Instant now = Instant.parse("2026-12-06T12:00:00Z");

    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
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
    });

    @Test
    void fiveWrongPasswordsFromOneAddressStopThatAddressForThatEmail() {
        failures("198.51.100.7", OWNER, LoginThrottle.PER_EMAIL_AND_ADDRESS);

        assertThat(throttle.secondsToWait("198.51.100.7", OWNER)).isPositive();
        assertThat(throttle.secondsToWait("198.51.100.7", "someone-else@example.org")).isZero();
    }

    @Test
    void someoneGuessingTheOwnersPasswordElsewhereDoesNotLockTheOwnerOut() {
        failures("198.51.100.7", OWNER, 20);

        assertThat(throttle.secondsToWait("203.0.113.9", OWNER)).isZero();
    }

    @Test
    void tenFailuresFromOneAddressStopItWhateverTheEmail() {
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            throttle.recordFailure("198.51.100.7", "guess-" + i + "@example.org");
        }

        assertThat(throttle.secondsToWait("198.51.100.7", "new@example.org")).isPositive();
        assertThat(throttle.secondsToWait("203.0.113.9", "new@example.org")).isZero();
    }

    @Test
    void guessingSpreadOverManyAddressesStillStopsAtTheHourlyLimitForTheEmail() {
        for (int i = 0; i < LoginThrottle.PER_EMAIL_AN_HOUR; i++) {
            throttle.recordFailure("198.51.100." + i, OWNER);
        }

        assertThat(throttle.secondsToWait("203.0.113.9", OWNER)).isPositive();
        now = now.plus(Duration.ofHours(1));
        assertThat(throttle.secondsToWait("203.0.113.9", OWNER)).isZero();
    }

    @Test
    void theLimitRefillsAfterFifteenMinutes() {
        failures("198.51.100.7", OWNER, LoginThrottle.PER_EMAIL_AND_ADDRESS);
        assertThat(throttle.secondsToWait("198.51.100.7", OWNER)).isBetween(1L, 15 * 60L + 1);

        now = now.plus(Duration.ofMinutes(15));

        assertThat(throttle.secondsToWait("198.51.100.7", OWNER)).isZero();
    }

    private void failures(String address, String email, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(address, email);
        }
    }
}
