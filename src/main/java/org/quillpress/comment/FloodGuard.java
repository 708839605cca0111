package org.quillpress.comment;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Flood control: one comment per writer every N seconds and at most M an hour (both settings). A writer
 * is a signed-in account, or a guest's address together with their email. Buckets live per instance;
 * Bucket4j's JDBC or Redis back ends would share them across instances.
 */
@ApplicationScoped
public class FloodGuard {

    @Inject
    DiscussionSettings settings;

    @Inject
    Clock clock;

    /** Bucket4j reads time from the application's clock, so that tests move it instead of waiting. */
    private final TimeMeter time = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return TimeUnit.MILLISECONDS.toNanos(clock.millis());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    };

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

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
}
