package org.quillpress.security;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.web.RateLimits;
import org.quillpress.web.RateLimits.Rate;

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
 * The counts are kept by {@link RateLimits}: on PostgreSQL every instance counts against the same allowance, so
 * alternating between instances buys no extra guesses. Only the number of attempts waiting at once is per instance.
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

    private static final List<Rate> PER_EMAIL_AND_ADDRESS_RATE = List.of(Rate.of(PER_EMAIL_AND_ADDRESS, WINDOW));

    private static final List<Rate> PER_ADDRESS_RATE = List.of(Rate.of(PER_ADDRESS, WINDOW));

    private static final List<Rate> PER_EMAIL_RATE = List.of(Rate.of(PER_EMAIL_AN_HOUR, Duration.ofHours(1)));

    private static final List<Rate> PER_KNOWN_DEVICE_RATE = List.of(Rate.of(PER_KNOWN_DEVICE, WINDOW));

    private static final List<Rate> SLOW_LANE_RATE = List.of(Rate.of(1, SLOW_LANE_EVERY));

    private final RateLimits limits;

    private final UninterruptibleBlockingStrategy waiting;

    private final AtomicInteger waiters = new AtomicInteger();

    @Inject
    LoginThrottle(RateLimits limits) {
        this(limits, UninterruptibleBlockingStrategy.PARKING);
    }

    LoginThrottle(RateLimits limits, UninterruptibleBlockingStrategy waiting) {
        this.waiting = waiting;
        this.limits = limits;
    }

    /**
     * Decides whether an attempt may check its password, waiting a little first when its address is slowed down.
     * Returns 0 when it may go ahead now, or the seconds after which to try again when it is refused.
     *
     * @param knownDevice whether the attempt carries a valid known-device cookie for this email
     */
    public long admit(String clientAddress, String email, String knownDevice) {
        if (knownDevice != null && byDevice(knownDevice).available()) {
            return 0;
        }
        long hard = byEmail(email).secondsUntilAvailable();
        if (hard > 0) {
            return hard;
        }
        if (byEmailAndAddress(email, clientAddress).available() && byAddress(clientAddress).available()) {
            return 0;
        }
        return slowLane(clientAddress) ? 0 : MAX_WAIT.toSeconds() + SLOW_LANE_EVERY.toSeconds();
    }

    /** Counts a failed attempt against the email from this address, the address, the email, and the device. */
    public void recordFailure(String clientAddress, String email, String knownDevice) {
        byEmailAndAddress(email, clientAddress).tryTake();
        byAddress(clientAddress).tryTake();
        byEmail(email).tryTake();
        if (knownDevice != null) {
            byDevice(knownDevice).tryTake();
        }
    }

    /** Forgets the failures counted for this email, after its password was reset by mail. */
    public void forget(String email) {
        limits.forget("login.email", normal(email));
        limits.forget("login.email-address", normal(email));
    }

    /**
     * Takes a turn in the slow lane of the address, waiting for it up to {@link #MAX_WAIT}; false when the turn
     * would come later, or too many attempts wait already.
     */
    private boolean slowLane(String clientAddress) {
        if (waiters.incrementAndGet() > MAX_WAITING) {
            waiters.decrementAndGet();
            return false;
        }
        try {
            // the address's lane: one slowed attempt at a time from there, whatever the email
            return limits.limit("login.slow-lane", SLOW_LANE_RATE, clientAddress).takeWaiting(MAX_WAIT, waiting);
        } finally {
            waiters.decrementAndGet();
        }
    }

    private RateLimits.Limit byAddress(String address) {
        return limits.limit("login.address", PER_ADDRESS_RATE, address);
    }

    private RateLimits.Limit byEmail(String email) {
        return limits.limit("login.email", PER_EMAIL_RATE, normal(email));
    }

    private RateLimits.Limit byDevice(String device) {
        return limits.limit("login.device", PER_KNOWN_DEVICE_RATE, device);
    }

    private RateLimits.Limit byEmailAndAddress(String email, String address) {
        return limits.limit("login.email-address", PER_EMAIL_AND_ADDRESS_RATE, normal(email), address);
    }

    private static String normal(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
