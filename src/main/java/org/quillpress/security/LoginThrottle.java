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
 * Limits failed sign-ins, counting only failures and refilling gradually: 5 per 15 minutes for one email from
 * one client address, 10 per 15 minutes from one address, and 50 an hour for one email from everywhere. An email
 * is limited first per address, so that someone guessing the owner's password from elsewhere slows themselves
 * down without locking the owner out; the looser limit per email still stops guessing spread over many
 * addresses. Buckets live per instance, which is enough to make guessing slow; a shared back end (Bucket4j's
 * Redis or JDBC) would make the limit exact across instances.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    static final int PER_EMAIL_AND_ADDRESS = 5;

    static final int PER_ADDRESS = 10;

    static final int PER_EMAIL_AN_HOUR = 50;

    // the cache only forgets idle buckets to bound memory; the limit itself is the buckets' refill, on the clock
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

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
        return Math.max(wait(emailAndAddressKey(email, clientAddress)),
                Math.max(wait(addressKey(clientAddress)), wait(emailKey(email))));
    }

    /** Counts a failed attempt against the email from this address, the address, and the email. */
    public void recordFailure(String clientAddress, String email) {
        bucket(emailAndAddressKey(email, clientAddress), PER_EMAIL_AND_ADDRESS, WINDOW).tryConsume(1);
        bucket(addressKey(clientAddress), PER_ADDRESS, WINDOW).tryConsume(1);
        bucket(emailKey(email), PER_EMAIL_AN_HOUR, Duration.ofHours(1)).tryConsume(1);
    }

    private long wait(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1);
    }

    private Bucket bucket(String key, int capacity, Duration window) {
        return buckets.get(key, k -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build()).build());
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    private static String emailKey(String email) {
        return "e:" + normal(email);
    }

    private static String emailAndAddressKey(String email, String address) {
        return "ea:" + address + "|" + normal(email);
    }

    private static String normal(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
