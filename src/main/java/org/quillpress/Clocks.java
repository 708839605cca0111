package org.quillpress;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The one source of "now" for every rule that depends on time (scheduling, flood limits, edit windows,
 * automatic closing, tokens, bans, mail retries). Inject {@link Clock} and read it; never call
 * {@code Instant.now()} directly. Tests replace this bean with a clock they can move forward, so a time rule
 * is tested by moving the clock, not by waiting.
 */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
