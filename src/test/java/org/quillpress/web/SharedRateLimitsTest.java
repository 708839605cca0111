package org.quillpress.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quillpress.support.TestClock;
import org.quillpress.web.RateLimits.Rate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Limits shared by several instances: two {@link RateLimits} over the same PostgreSQL database, each with its own
 * Bucket4j proxy manager, stand for two instances of the site. Runs on the PostgreSQL test profile only (on H2 the
 * site is one process and its buckets are in memory).
 */
@QuarkusTest
class SharedRateLimitsTest {

    private static final List<Rate> ONE_EVERY_15_S = List.of(Rate.oneEvery(Duration.ofSeconds(15)));

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private RateLimits a;

    private RateLimits b;

    private String guest;

    @BeforeEach
    void twoInstances() {
        assumeTrue(dbKind.startsWith("postgres"), "limits are shared on PostgreSQL only");
        a = RateLimits.inPostgres(dataSource, clock);
        b = RateLimits.inPostgres(dataSource, clock);
        guest = "guest-" + UUID.randomUUID() + "@example.net";
    }

    @Test
    void aSecondTakeOnTheOtherInstanceIsRefusedUntilTheIntervalHasPassed() {
        assertThat(a.limit("test.interval", ONE_EVERY_15_S, guest).take()).isZero();

        assertThat(b.limit("test.interval", ONE_EVERY_15_S, guest).take()).isBetween(1L, 16L);
        assertThat(a.limit("test.interval", ONE_EVERY_15_S, guest).take()).isPositive();

        clock.advance(Duration.ofSeconds(15));
        assertThat(b.limit("test.interval", ONE_EVERY_15_S, guest).take()).isZero();
    }

    @Test
    void takesRacingOnBothInstancesGetTheCapacityOnceNotTwice() throws Exception {
        List<Rate> fivePerHour = List.of(Rate.of(5, Duration.ofHours(1)));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                RateLimits instance = i % 2 == 0 ? a : b;
                takes.add(() -> instance.limit("test.race", fivePerHour, guest).tryTake());
            }
            long taken = 0;
            for (Future<Boolean> take : threads.invokeAll(takes)) {
                taken += take.get() ? 1 : 0;
            }
            assertThat(taken).isEqualTo(5);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void whatOneInstanceForgetsTheOtherForgetsToo() {
        List<Rate> once = List.of(Rate.of(1, Duration.ofHours(1)));
        assertThat(a.limit("test.forget", once, guest, "198.51.100.7").tryTake()).isTrue();
        assertThat(a.limit("test.forget", once, "someone-else", "198.51.100.7").tryTake()).isTrue();

        b.forget("test.forget", guest);

        assertThat(b.limit("test.forget", once, guest, "198.51.100.7").available()).isTrue();
        assertThat(b.limit("test.forget", once, "someone-else", "198.51.100.7").available()).isFalse();
    }

    @Test
    void aTakeInsideARolledBackTransactionStillCounts() {
        QuarkusTransaction.begin();
        try {
            assertThat(a.limit("test.rollback", ONE_EVERY_15_S, guest).take()).isZero();
        } finally {
            QuarkusTransaction.rollback();
        }

        assertThat(b.limit("test.rollback", ONE_EVERY_15_S, guest).take()).isPositive();
    }

    @Test
    void rowsOfFullBucketsAreDeletedOnceByWhicheverInstanceCleansFirst() throws Exception {
        // buckets the suite left behind expire too: first clear them, so the count below is this test's only
        clock.advance(Duration.ofDays(2));
        a.deleteExpiredRows();
        for (int i = 0; i < 30; i++) {
            a.limit("test.cleanup", ONE_EVERY_15_S, guest + i).take();
        }
        assertThat(a.deleteExpiredRows()).as("nothing has expired yet").isZero();

        clock.advance(Duration.ofSeconds(15).plus(RateLimits.KEEP_AFTER_FULL).plusSeconds(1));
        b.limit("test.cleanup", ONE_EVERY_15_S, guest + "-recent").take();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> byA = threads.submit(a::deleteExpiredRows);
            Future<Integer> byB = threads.submit(b::deleteExpiredRows);
            assertThat(byA.get() + byB.get()).isEqualTo(30);
        } finally {
            threads.shutdownNow();
        }
        assertThat(a.limit("test.cleanup", ONE_EVERY_15_S, guest + "-recent").take()).as("kept while counting")
                .isPositive();
    }
}
