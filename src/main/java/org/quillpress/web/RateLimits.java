package org.quillpress.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.UninterruptibleBlockingStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Where every rate limit of the site keeps its count: the comment flood guard, the sign-in throttle, the
 * confirmation and link mail limits ask here for a {@link Limit} by rule name, rates and subject (an address, an
 * email, …).
 * <p>
 * On PostgreSQL the buckets are rows of {@code rate_limit_bucket}, read and written under {@code SELECT … FOR
 * UPDATE} by Bucket4j's PostgreSQL back end, so every instance of the site counts against the same allowance: two
 * instances do not double a limit. The embedded H2 build is one process, so its buckets stay in memory. Either
 * way time is the application's {@link Clock}, so tests move it instead of waiting.
 * <p>
 * A key holds the rule, hashes of the subject (no email or address is stored in clear) and a fingerprint of the
 * rates, so a limit whose rates change in the settings starts afresh instead of keeping the old ones.
 */
@Singleton
public class RateLimits {

    /** The table of shared buckets (PostgreSQL only), created by the migration V13_1 (PostgreSQL only). */
    static final String TABLE = "rate_limit_bucket";

    /** A row is kept this long after its bucket would be full again; after that it says nothing a fresh one would not. */
    static final Duration KEEP_AFTER_FULL = Duration.ofMinutes(5);

    /** Expired rows one cleanup statement deletes at most, so that it never holds many locks at once. */
    static final int CLEANUP_BATCH = 1000;

    /** One allowance: {@code capacity} takes, given back gradually over {@code period} or all at once at its end. */
    public record Rate(long capacity, Duration period, boolean intervally) {

        /** Up to {@code capacity} in a row, refilled gradually over {@code period}. */
        public static Rate of(long capacity, Duration period) {
            return new Rate(Math.max(1, capacity), period, false);
        }

        /** One, then none until {@code period} has passed: a minimum interval between two takes. */
        public static Rate oneEvery(Duration period) {
            return new Rate(1, period, true);
        }

        Bandwidth bandwidth() {
            var builder = Bandwidth.builder().capacity(capacity);
            return (intervally ? builder.refillIntervally(capacity, period) : builder.refillGreedy(capacity, period))
                    .build();
        }
    }

    private final Store store;

    private final DataSource shared;

    private final Supplier<Clock> clock;

    @Inject
    RateLimits(Clock clock, @ConfigProperty(name = "quarkus.datasource.db-kind", defaultValue = "h2") String dbKind,
            Instance<DataSource> dataSource) {
        this(dbKind.toLowerCase(Locale.ROOT).startsWith("postgres") ? dataSource.get() : null, () -> clock);
    }

    private RateLimits(DataSource shared, Supplier<Clock> clock) {
        this.shared = shared;
        this.clock = clock;
        TimeMeter time = new ClockTimeMeter(clock);
        this.store = shared == null ? new InMemory(time) : new InPostgres(shared, time);
    }

    /** Limits counted in this process only, as on the embedded build; for tests of a rule on its own. */
    public static RateLimits inMemory(Clock clock) {
        return new RateLimits(null, () -> clock);
    }

    /** Limits counted in the PostgreSQL database behind {@code dataSource}, shared with every instance on it. */
    public static RateLimits inPostgres(DataSource dataSource, Clock clock) {
        return new RateLimits(dataSource, () -> clock);
    }

    /**
     * The limit named {@code rule} for one subject (the parts together name it: an address and an email, say),
     * with the given rates; all of them must allow a take.
     */
    public Limit limit(String rule, List<Rate> rates, String... subject) {
        StringBuilder key = new StringBuilder(rule);
        for (String part : subject) {
            key.append(':').append(hash(part));
        }
        key.append(':').append(hash(rates.toString()).substring(0, 8));
        return new Limit(store, key.toString(), rates);
    }

    /** Forgets every limit of {@code rule} whose subject starts with {@code firstPart}, whatever its other parts. */
    public void forget(String rule, String firstPart) {
        store.forget(rule + ":" + hash(firstPart) + ":");
    }

    /**
     * Deletes the shared buckets that are full again (and a while more), so the table holds only the subjects that
     * are being limited. Every instance runs it; each row is deleted by one of them, the others skip it.
     */
    @Scheduled(every = "${quillpress.rate-limits.cleanup-every:10m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpired() {
        if (shared != null) {
            int deleted = deleteExpiredRows();
            if (deleted > 0) {
                Log.debugf("Deleted %d expired rate-limit buckets", deleted);
            }
        }
    }

    /** How many expired rows this call deleted; a test calls it after moving the clock. */
    int deleteExpiredRows() {
        long now = clock.get().millis();
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = shared.getConnection();
                        PreparedStatement delete = connection.prepareStatement("delete from " + TABLE
                                + " where id in (select id from " + TABLE
                                + " where expires_at < ? limit ? for update skip locked)")) {
                    delete.setLong(1, now);
                    delete.setInt(2, CLEANUP_BATCH);
                    return delete.executeUpdate();
                }
            });
            total += deleted;
        } while (deleted == CLEANUP_BATCH);
        return total;
    }

    private static String hash(String part) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
            // hex, not base64: the key is matched with LIKE when forgotten, where '_' would be a wildcard
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** One subject's allowance under one rule. */
    public static final class Limit {

        private final Store store;
        private final String key;
        private final List<Rate> rates;

        Limit(Store store, String key, List<Rate> rates) {
            this.store = store;
            this.key = key;
            this.rates = rates;
        }

        /** Takes one; the whole seconds to wait before one is left when there is none, else 0. */
        public long take() {
            ConsumptionProbe probe = store.use(key, rates, b -> b.tryConsumeAndReturnRemaining(1));
            return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
        }

        /** Takes one if one is left. */
        public boolean tryTake() {
            return store.use(key, rates, b -> b.tryConsume(1));
        }

        /** Whether one is left, without taking it. */
        public boolean available() {
            return store.use(key, rates, b -> b.getAvailableTokens() > 0);
        }

        /** The whole seconds until one is left, 0 when one is left now. */
        public long secondsUntilAvailable() {
            return store.use(key, rates, b -> {
                long nanos = b.estimateAbilityToConsume(1).getNanosToWaitForRefill();
                return nanos <= 0 ? 0L : seconds(nanos);
            });
        }

        /** Takes one, waiting for it with {@code waiting} when it comes within {@code max}; false when it comes later. */
        public boolean takeWaiting(Duration max, UninterruptibleBlockingStrategy waiting) {
            return store.use(key, rates, b -> b.asBlocking().tryConsumeUninterruptibly(1, max, waiting));
        }

        private static long seconds(long nanos) {
            return Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1);
        }
    }

    /** Where the buckets are. */
    interface Store {

        <T> T use(String key, List<Rate> rates, Function<Bucket, T> action);

        void forget(String keyPrefix);
    }

    private static BucketConfiguration configuration(List<Rate> rates) {
        var builder = BucketConfiguration.builder();
        rates.forEach(rate -> builder.addLimit(rate.bandwidth()));
        return builder.build();
    }

    /** One process: buckets in memory, forgotten when idle for longer than the longest rate (a day). */
    private static final class InMemory implements Store {

        private final TimeMeter time;

        private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(500_000)
                .expireAfterAccess(Duration.ofDays(1)).build();

        InMemory(TimeMeter time) {
            this.time = time;
        }

        @Override
        public <T> T use(String key, List<Rate> rates, Function<Bucket, T> action) {
            return action.apply(buckets.get(key, k -> {
                var builder = Bucket.builder().withCustomTimePrecision(time);
                rates.forEach(rate -> builder.addLimit(rate.bandwidth()));
                return builder.build();
            }));
        }

        @Override
        public void forget(String keyPrefix) {
            buckets.asMap().keySet().removeIf(key -> key.startsWith(keyPrefix));
        }
    }

    /** Several instances: buckets in PostgreSQL rows, each change under the row's lock in a transaction of its own. */
    private static final class InPostgres implements Store {

        private final DataSource dataSource;

        private final ProxyManager<String> buckets;

        InPostgres(DataSource dataSource, TimeMeter time) {
            this.dataSource = dataSource;
            this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING).table(TABLE).idColumn("id").stateColumn("state")
                    .clientClock(time).addCustomColumn(new ExpiresAt()).build();
        }

        @Override
        public <T> T use(String key, List<Rate> rates, Function<Bucket, T> action) {
            // Bucket4j commits its own short transaction on its own connection: the caller's transaction (a comment
            // being saved) is set aside meanwhile, and the count stands whether or not the caller's commits
            return QuarkusTransaction.suspendingExisting()
                    .call(() -> action.apply(buckets.getProxy(key, () -> configuration(rates))));
        }

        /**
         * When the row may go, in milliseconds of the application's clock. Bucket4j's own expiry column adds the
         * time to live to the system clock; this one adds it to the clock the bucket counts on, so a test that
         * moves the clock sees its rows expire with it.
         */
        private static final class ExpiresAt implements CustomColumnProvider<String> {

            private static final ExpirationAfterWriteStrategy AFTER_FULL = ExpirationAfterWriteStrategy
                    .basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL);

            @Override
            public void setCustomField(String key, int paramIndex, PreparedStatement statement, RemoteBucketState state,
                    long currentTimeNanos) throws SQLException {
                long ttl = AFTER_FULL.calculateTimeToLiveMillis(state, currentTimeNanos);
                statement.setLong(paramIndex, ttl < 0 ? Long.MAX_VALUE : currentTimeNanos / 1_000_000 + ttl);
            }

            @Override
            public String getCustomFieldName() {
                return "expires_at";
            }
        }

        @Override
        public void forget(String keyPrefix) {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement delete = connection
                                .prepareStatement("delete from " + TABLE + " where id like ?")) {
                    delete.setString(1, keyPrefix + "%");
                    delete.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not forget the rate limits " + keyPrefix, e);
                }
            });
        }
    }
}
