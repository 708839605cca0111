package org.quillpress.comment;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.web.ClockTimeMeter;
import org.quillpress.web.Networks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Flood control: one comment per writer every N seconds and at most M an hour (both settings). A writer
 * is a signed-in account, or a guest's address together with their email. As a guest can type a new email
 * for every comment, guests are also limited per network whatever the email (see {@link FloodLimits}), and
 * the site takes only so many new held comments a minute, so one client cannot bury the moderation queue.
 * Buckets live per instance; Bucket4j's JDBC or Redis back ends would share them across instances.
 */
@ApplicationScoped
public class FloodGuard {

    @Inject
    DiscussionSettings settings;

    @Inject
    FloodLimits limits;

    @Inject
    Clock clock;

    /** Bucket4j reads time from the application's clock, so that tests move it instead of waiting. */
    private final TimeMeter time = new ClockTimeMeter(() -> clock);

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    private final Cache<String, Bucket> networks = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    private volatile Bucket held;

    /** Takes one comment from the writer's allowance; the seconds to wait when there is none left, else 0. */
    public long take(String writerKey) {
        DiscussionSettings.Rules rules = settings.current();
        String key = writerKey + "|" + rules.floodSeconds() + "|" + rules.hourlyLimit();
        Bucket bucket = buckets.get(key, k -> {
            var builder = Bucket.builder().withCustomTimePrecision(time);
            // 0 seconds between comments switches the interval off; the hourly limit still holds
            if (rules.floodSeconds() > 0) {
                builder.addLimit(Bandwidth.builder().capacity(1)
                        .refillIntervally(1, Duration.ofSeconds(rules.floodSeconds())).build());
            }
            return builder.addLimit(Bandwidth.builder().capacity(Math.max(1, rules.hourlyLimit()))
                    .refillGreedy(Math.max(1, rules.hourlyLimit()), Duration.ofHours(1)).build()).build();
        });
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
    }

    /**
     * Takes one guest comment from the allowance of the network the address belongs to; the seconds to wait
     * when there is none left, else 0.
     */
    public long takeForNetwork(String address) {
        if (limits.exemptAddresses().orElse(List.of()).contains(address)) {
            return 0;
        }
        Bucket bucket = networks.get(Networks.of(address), k -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(Math.max(1, limits.networkBurst()))
                        .refillGreedy(Math.max(1, limits.networkBurst()), limits.networkBurstRefill()).build())
                .addLimit(Bandwidth.builder().capacity(Math.max(1, limits.networkHourly()))
                        .refillGreedy(Math.max(1, limits.networkHourly()), Duration.ofHours(1)).build())
                .build());
        return secondsToWait(bucket.tryConsumeAndReturnRemaining(1));
    }

    /** Takes one place in the site's queue of held comments for this minute; the seconds to wait, else 0. */
    public long takeHeld() {
        Bucket bucket = held;
        if (bucket == null) {
            bucket = Bucket.builder().withCustomTimePrecision(time).addLimit(Bandwidth.builder()
                    .capacity(Math.max(1, limits.heldPerMinute()))
                    .refillGreedy(Math.max(1, limits.heldPerMinute()), Duration.ofMinutes(1)).build()).build();
            held = bucket;
        }
        return secondsToWait(bucket.tryConsumeAndReturnRemaining(1));
    }

    private static long secondsToWait(ConsumptionProbe probe) {
        return probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
    }
}
