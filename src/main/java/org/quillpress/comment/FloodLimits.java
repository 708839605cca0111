package org.quillpress.comment;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits on guests that hold whatever email they type: per network (an IPv4 address, an IPv6 /64), and on
 * the whole site's moderation queue. The per-writer interval and hourly limit are discussion settings.
 */
@ConfigMapping(prefix = "quillpress.flood")
public interface FloodLimits {

    /** Guest comments one network may send in a row. */
    @WithDefault("5")
    int networkBurst();

    /** How long the burst takes to fill up again. */
    @WithDefault("10M")
    Duration networkBurstRefill();

    /** Guest comments one network may send in an hour. */
    @WithDefault("20")
    int networkHourly();

    /** New held comments the whole site takes in a minute; beyond it guests are asked to come back later. */
    @WithDefault("30")
    int heldPerMinute();

    /** Addresses that skip the per-network limits (a trusted gateway that is not a proxy, the tests' loopback). */
    Optional<List<String>> exemptAddresses();
}
