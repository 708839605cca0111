package org.quillpress.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.quillpress.comment.FloodLimits;
import org.quillpress.web.RateLimits;

/** Confirmation mails per address and per network, on a clock the test moves. */
class ConfirmationLimitsTest {

    private Instant now = Instant.parse("2026-12-06T12:00:00Z");

    private ConfirmationLimits limits() {
        ConfirmationLimits limits = new ConfirmationLimits();
        limits.rateLimits = RateLimits.inMemory(new java.time.Clock() {
            public Instant instant() {
                return now;
            }

            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        });
        limits.floodLimits = new FloodLimits() {
            public int networkBurst() {
                return 5;
            }

            public Duration networkBurstRefill() {
                return Duration.ofMinutes(10);
            }

            public int networkHourly() {
                return 20;
            }

            public int heldPerMinute() {
                return 30;
            }

            public Optional<List<String>> exemptAddresses() {
                return Optional.empty();
            }
        };
        return limits;
    }

    @Test
    void oneAddressGetsAFewADay() {
        ConfirmationLimits limits = limits();
        for (int i = 0; i < ConfirmationLimits.PER_ADDRESS_A_DAY; i++) {
            assertThat(limits.take("Victim@example.org", "192.0.2." + i)).isTrue();
        }
        assertThat(limits.take("victim@example.org ", "192.0.2.99")).isFalse();
        now = now.plus(Duration.ofDays(1));
        assertThat(limits.take("victim@example.org", "192.0.2.99")).isTrue();
    }

    @Test
    void oneNetworkGetsAFewAnHourWhateverTheAddresses() {
        ConfirmationLimits limits = limits();
        for (int i = 0; i < ConfirmationLimits.PER_NETWORK_AN_HOUR; i++) {
            assertThat(limits.take("someone" + i + "@example.org", "2001:db8:5:6::" + i)).isTrue();
        }
        assertThat(limits.take("someone-else@example.org", "2001:db8:5:6::ffff")).isFalse();
        assertThat(limits.take("someone-else@example.org", "2001:db8:5:7::1")).isTrue();
    }
}
