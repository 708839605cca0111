package org.quillpress.feed;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.quillpress.support.QuietJobs;
import org.quillpress.support.Uncached;
import org.quillpress.support.WebClient;

import io.quarkus.arc.Arc;

/** The SQL statements a guest's request of a page or feed prepares. */
final class Statements {

    private Statements() {
    }

    /**
     * The lowest of three requests, since timed jobs also query now and then. Each request is one the page cache
     * has not seen, so the page is built for it.
     */
    static long of(String path) {
        QuietJobs.awaitOutboxDrained();
        Statistics statistics = Arc.container().instance(EntityManagerFactory.class).get()
                .unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            WebClient.anonymous().get(Uncached.path(path));
            statistics.clear();
            assertThat(WebClient.anonymous().get(Uncached.path(path)).statusCode()).as(path).isEqualTo(200);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        return fewest;
    }
}
