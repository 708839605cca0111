package org.quillpress.newsletter;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Mail about new posts: when digests go, and how long a subscription request waits for its confirmation. */
@ConfigMapping(prefix = "quillpress.newsletter")
public interface NewsletterConfig {

    /** The local time, in the site's time zone, at which daily and weekly digests go. */
    @WithDefault("07:00")
    LocalTime digestAt();

    /** The day weekly digests go. */
    @WithDefault("MONDAY")
    DayOfWeek weeklyOn();

    /** How often the digest job looks for subscribers whose digest is due. */
    @WithDefault("1m")
    String checkEvery();

    /** How long the confirmation link of a subscription request works; the request is deleted after. */
    @WithDefault("2D")
    Duration confirmFor();

    /**
     * How recently a post must have been published to be announced: an old post published again, restored or
     * imported is not news.
     */
    @WithDefault("1D")
    Duration announceWithin();
}
