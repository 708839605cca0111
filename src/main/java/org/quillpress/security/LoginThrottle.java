package org.quillpress.security;

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
 * Limits failed sign-ins: 10 per 15 minutes from one client address and 5 per 15 minutes for one
 * email, refilling gradually. Only failures count. Buckets live per instance, which is enough to make
 * guessing slow; a shared back end (Bucket4j's Redis or JDBC) would make the limit exact across
 * instances.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    // the cache only forgets idle buckets to bound memory; the limit itself is the buckets' refill, on the clock
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(WINDOW).build();

    private final TimeMeter time;

    @Inject
    LoginThrottle(Clock clock) {
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

    /** Seconds until another attempt is allowed, or 0 when one may be made now. */
    public long secondsToWait(String clientAddress, String email) {
        return Math.max(wait(addressKey(clientAddress)), wait(emailKey(email)));
    }

    public void recordFailure(String clientAddress, String email) {
        bucket(addressKey(clientAddress), 10).tryConsume(1);
        bucket(emailKey(email), 5).tryConsume(1);
    }

    private long wait(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1);
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.get(key, k -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, WINDOW).build()).build());
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    private static String emailKey(String email) {
        return "e:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }
}
