package org.quillpress.web;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import io.github.bucket4j.TimeMeter;

/**
 * Bucket4j's time, read from the application's {@link Clock}: every rate limit refills on the clock tests move,
 * so no test waits for a limit's interval.
 */
public final class ClockTimeMeter implements TimeMeter {

    private final Supplier<Clock> clock;

    /** {@code clock} is asked at each reading, so a field may pass an injected clock before it is set. */
    public ClockTimeMeter(Supplier<Clock> clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeNanos() {
        Instant now = clock.get().instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
