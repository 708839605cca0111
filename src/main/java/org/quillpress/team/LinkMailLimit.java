package org.quillpress.team;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * How many link mails (password reset, sign-up confirmation) the public forms may cause: 3 an hour to one email,
 * and 10 an hour asked for from one network (an IPv4 /24 or an IPv6 /64, whatever the emails: one machine seldom
 * has only one address). Past either, the request is answered as
 * always but no mail is written, so that the forms can neither flood someone's inbox nor be used to find out who
 * has an account.
 */
@ApplicationScoped
class LinkMailLimit {

    static final int PER_EMAIL_AN_HOUR = 3;

    static final int PER_NETWORK_AN_HOUR = 10;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(2)).build();

    private final TimeMeter time;

    @Inject
    LinkMailLimit(Clock clock) {
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** True, and counted, when one more mail may go to {@code email} at the request of {@code address}. */
    boolean tryTake(String address, String email) {
        Bucket byAddress = bucket("n:" + network(address), PER_NETWORK_AN_HOUR);
        Bucket byEmail = bucket("e:" + email.strip().toLowerCase(Locale.ROOT), PER_EMAIL_AN_HOUR);
        if (byAddress.getAvailableTokens() < 1 || byEmail.getAvailableTokens() < 1) {
            return false;
        }
        return byAddress.tryConsume(1) & byEmail.tryConsume(1);
    }

    /** "203.0.113.0/24" for 203.0.113.7, "2001:db8:1:2::/64" for any address in that /64; anything else as is. */
    static String network(String address) {
        if (address == null) {
            return "";
        }
        if (address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return address.substring(0, address.lastIndexOf('.')) + ".0/24";
        }
        if (address.contains(":")) {
            try {
                byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
                if (bytes.length == 16) {
                    StringBuilder prefix = new StringBuilder();
                    for (int i = 0; i < 8; i += 2) {
                        prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                    }
                    return prefix + ":/64";
                }
            } catch (java.net.UnknownHostException e) {
                // not an address literal: counted as it is
            }
        }
        return address;
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.get(key, k -> Bucket.builder().withCustomTimePrecision(time).addLimit(
                Bandwidth.builder().capacity(capacity).refillGreedy(capacity, Duration.ofHours(1)).build()).build());
    }
}
