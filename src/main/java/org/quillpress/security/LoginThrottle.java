package org.quillpress.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.web.ClockTimeMeter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.UninterruptibleBlockingStrategy;

/**
 * Limits failed sign-ins, counting only failures and refilling gradually, without letting a stranger lock the owner
 * out:
 * <ul>
 * <li>5 failures per 15 minutes for one email from one client address, and 10 from one address: past these an
 * address is <em>slowed down</em>, not locked. Its attempts are let through one at a time, one every
 * {@link #SLOW_LANE_EVERY}, each waiting at most {@link #MAX_WAIT}; only attempts that would wait longer are
 * refused. Without a trusted proxy every visitor seems to come from the proxy's address, so locking an address
 * would lock everyone; slowing it keeps the owner in (after a few seconds) and guessing slow.</li>
 * <li>50 failures an hour for one email from everywhere: past this, sign-ins for that email are refused, except
 * from a device it signed in from before ({@link KnownDevices}), so guessing spread over many addresses stops
 * without stopping the owner. A password reset always works and clears these counts.</li>
 * </ul>
 * Buckets live per instance, which is enough to make guessing slow; a shared back end (Bucket4j's Redis or JDBC)
 * would make the limit exact across instances.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    static final int PER_EMAIL_AND_ADDRESS = 5;

    static final int PER_ADDRESS = 10;

    static final int PER_EMAIL_AN_HOUR = 50;

    /** Failures a known device may make before it counts as an unknown one (a stolen cookie guesses no faster). */
    static final int PER_KNOWN_DEVICE = 10;

    static final Duration SLOW_LANE_EVERY = Duration.ofSeconds(5);

    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    /** Slowed-down sign-ins waiting at once on this instance; more are refused, so waiting cannot exhaust threads. */
    static final int MAX_WAITING = 16;

    // the cache only forgets idle buckets to bound memory; the limit itself is the buckets' refill, on the clock
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    private final TimeMeter time;

    private final UninterruptibleBlockingStrategy waiting;

    private final AtomicInteger waiters = new AtomicInteger();

    @Inject
    LoginThrottle(Clock clock) {
        this(clock, UninterruptibleBlockingStrategy.PARKING);
    }

    LoginThrottle(Clock clock, UninterruptibleBlockingStrategy waiting) {
        this.waiting = waiting;
        this.time = new ClockTimeMeter(() -> clock);
    }

    /**
     * Decides whether an attempt may check its password, waiting a little first when its address is slowed down.
     * Returns 0 when it may go ahead now, or the seconds after which to try again when it is refused.
     *
     * @param knownDevice whether the attempt carries a valid known-device cookie for this email
     */
    public long admit(String clientAddress, String email, String knownDevice) {
        if (knownDevice != null && available(deviceKey(knownDevice))) {
            return 0;
        }
        long hard = wait(emailKey(email));
        if (hard > 0) {
            return hard;
        }
        if (available(emailAndAddressKey(email, clientAddress)) && available(addressKey(clientAddress))) {
            return 0;
        }
        return slowLane(clientAddress, email) ? 0 : MAX_WAIT.toSeconds() + SLOW_LANE_EVERY.toSeconds();
    }

    /** Counts a failed attempt against the email from this address, the address, the email, and the device. */
    public void recordFailure(String clientAddress, String email, String knownDevice) {
        bucket(emailAndAddressKey(email, clientAddress), PER_EMAIL_AND_ADDRESS, WINDOW).tryConsume(1);
        bucket(addressKey(clientAddress), PER_ADDRESS, WINDOW).tryConsume(1);
        bucket(emailKey(email), PER_EMAIL_AN_HOUR, Duration.ofHours(1)).tryConsume(1);
        if (knownDevice != null) {
            bucket(deviceKey(knownDevice), PER_KNOWN_DEVICE, WINDOW).tryConsume(1);
        }
    }

    /** Forgets the failures counted for this email, after its password was reset by mail. */
    public void forget(String email) {
        String suffix = "|" + normal(email);
        buckets.invalidate(emailKey(email));
        buckets.asMap().keySet().removeIf(key -> key.startsWith("ea:") && key.endsWith(suffix));
    }

    /**
     * Takes a turn in the slow lane of the address (and of the email from it), waiting for it up to
     * {@link #MAX_WAIT}; false when the turn would come later, or too many attempts wait already.
     */
    private boolean slowLane(String clientAddress, String email) {
        if (waiters.incrementAndGet() > MAX_WAITING) {
            waiters.decrementAndGet();
            return false;
        }
        try {
            // the address's lane: one slowed attempt at a time from there, whatever the email
            return bucket("slow:" + addressKey(clientAddress), 1, SLOW_LANE_EVERY).asBlocking()
                    .tryConsumeUninterruptibly(1, MAX_WAIT, waiting);
        } finally {
            waiters.decrementAndGet();
        }
    }

    private boolean available(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        return bucket == null || bucket.getAvailableTokens() > 0;
    }

    private long wait(String key) {
        if (available(key)) {
            return 0;
        }
        long nanos = buckets.getIfPresent(key).estimateAbilityToConsume(1).getNanosToWaitForRefill();
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

    private static String deviceKey(String device) {
        return "d:" + device;
    }

    private static String emailAndAddressKey(String email, String address) {
        return "ea:" + address + "|" + normal(email);
    }

    private static String normal(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
