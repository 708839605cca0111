package org.quillpress.comment;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.web.Networks;
import org.quillpress.web.RateLimits;
import org.quillpress.web.RateLimits.Rate;

/**
 * Flood control: one comment per writer every N seconds and at most M an hour (both settings). A writer
 * is a signed-in account, or a guest's address together with their email. As a guest can type a new email
 * for every comment, guests are also limited per network whatever the email (see {@link FloodLimits}), and
 * the site takes only so many new held comments a minute, so one client cannot bury the moderation queue.
 * The counts are kept by {@link RateLimits}: on PostgreSQL every instance counts against the same allowance.
 */
@ApplicationScoped
public class FloodGuard {

    @Inject
    DiscussionSettings settings;

    @Inject
    FloodLimits limits;

    @Inject
    RateLimits rateLimits;

    /** Takes one comment from the writer's allowance; the seconds to wait when there is none left, else 0. */
    public long take(String writerKey) {
        DiscussionSettings.Rules rules = settings.current();
        Rate hourly = Rate.of(rules.hourlyLimit(), Duration.ofHours(1));
        // 0 seconds between comments switches the interval off; the hourly limit still holds
        List<Rate> rates = rules.floodSeconds() > 0 ? List.of(Rate.oneEvery(Duration.ofSeconds(rules.floodSeconds())), hourly)
                : List.of(hourly);
        return rateLimits.limit("flood.writer", rates, writerKey).take();
    }

    /**
     * Takes one guest comment from the allowance of the network the address belongs to; the seconds to wait
     * when there is none left, else 0.
     */
    public long takeForNetwork(String address) {
        if (limits.exemptAddresses().orElse(List.of()).contains(address)) {
            return 0;
        }
        return rateLimits.limit("flood.network", List.of(Rate.of(limits.networkBurst(), limits.networkBurstRefill()),
                Rate.of(limits.networkHourly(), Duration.ofHours(1))), Networks.of(address)).take();
    }

    /** Takes one place in the site's queue of held comments for this minute; the seconds to wait, else 0. */
    public long takeHeld() {
        return rateLimits.limit("flood.held", List.of(Rate.of(limits.heldPerMinute(), Duration.ofMinutes(1))), "site")
                .take();
    }
}
