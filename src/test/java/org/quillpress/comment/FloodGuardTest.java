package org.quillpress.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.quillpress.web.RateLimits;

/** The per-network and site-wide limits on their own, with a clock the test moves. */
class FloodGuardTest {

    private final MovableClock clock = new MovableClock();

    private FloodGuard guard(int burst, int hourly, int heldPerMinute, List<String> exempt) {
        FloodGuard guard = new FloodGuard();
        guard.rateLimits = RateLimits.inMemory(clock);
        guard.limits = new FloodLimits() {
            public int networkBurst() {
                return burst;
            }

            public Duration networkBurstRefill() {
                return Duration.ofMinutes(10);
            }

            public int networkHourly() {
                return hourly;
            }

            public int heldPerMinute() {
                return heldPerMinute;
            }

            public Optional<List<String>> exemptAddresses() {
                return Optional.of(exempt);
            }
        };
        return guard;
    }

    @Test
    void aNetworkGetsItsBurstThenWaitsWhateverTheEmail() {
        FloodGuard guard = guard(3, 20, 100, List.of());
        for (int i = 0; i < 3; i++) {
            assertThat(guard.takeForNetwork("192.0.2.7")).isZero();
        }
        assertThat(guard.takeForNetwork("192.0.2.7")).isPositive();
        // another address is another network
        assertThat(guard.takeForNetwork("192.0.2.8")).isZero();
        clock.advance(Duration.ofMinutes(4));
        assertThat(guard.takeForNetwork("192.0.2.7")).isZero();
    }

    @Test
    void theHourlyCapHoldsWhenTheBurstRefills() {
        FloodGuard guard = guard(5, 8, 100, List.of());
        int taken = 0;
        // one every two minutes: the burst alone would let all 30 through
        for (int i = 0; i < 30; i++) {
            if (guard.takeForNetwork("2001:db8::" + i) == 0) {
                taken++;
            }
            clock.advance(Duration.ofMinutes(2));
        }
        // 8 at once, and 8 more refilled over the hour
        assertThat(taken).isBetween(8, 16);
    }

    @Test
    void theSiteTakesOnlySoManyHeldCommentsAMinute() {
        FloodGuard guard = guard(5, 20, 4, List.of());
        for (int i = 0; i < 4; i++) {
            assertThat(guard.takeHeld()).isZero();
        }
        long wait = guard.takeHeld();
        assertThat(wait).isBetween(1L, 60L);
        clock.advance(Duration.ofSeconds(wait));
        assertThat(guard.takeHeld()).isZero();
    }

    @Test
    void anExemptAddressIsNotCounted() {
        FloodGuard guard = guard(1, 1, 100, List.of("10.0.0.1"));
        for (int i = 0; i < 5; i++) {
            assertThat(guard.takeForNetwork("10.0.0.1")).isZero();
        }
    }

    /** A clock that moves only when told. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

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
    }
}
