package org.quillpress.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

import io.quarkus.arc.Arc;

/**
 * The application's clock in tests: real time plus an offset that only grows. A test of a time rule
 * ("comments close after 14 days", "one comment per 15 s") moves it forward instead of sleeping. Moving it
 * forward never breaks another test: to everything else it looks like time passed.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** The application's clock, for fixtures that are not beans. */
    public static TestClock current() {
        return Arc.container().instance(TestClock.class).get();
    }

    /** Moves the application's time forward. */
    public synchronized void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + by);
        }
        offset = offset.plus(by);
    }

    /** Moves the application's time forward to {@code at}; a time already past leaves it as it is. */
    public synchronized void advanceTo(Instant at) {
        Duration ahead = Duration.between(instant(), at);
        if (!ahead.isNegative()) {
            offset = offset.plus(ahead);
        }
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
