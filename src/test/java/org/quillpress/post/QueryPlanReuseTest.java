package org.quillpress.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.Role;
import org.quillpress.support.QuietJobs;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.Uncached;
import org.quillpress.support.WebClient;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A listing built again reuses the query plans of the first build. Hibernate keys a native query's plan by its SQL
 * and its result mapping; a mapping that is not equal from one query to the next (a result class given to
 * {@code createNativeQuery}) adds a plan per request, all with the same hash, and every later lookup walks them
 * all: that was a fifth of an owner's home page.
 */
@QuarkusTest
class QueryPlanReuseTest {

    @Test
    void theHomeAnAuthorsPageAndATagPageReuseTheirPlans() {
        AccountPrincipal author = TestAccounts.create(Role.AUTHOR, "Planned Author").principal();
        String tag = "plan-reuse";
        TestPosts.publish(author, TestPosts.unique("Planned "), "x", List.of(tag));
        for (String page : List.of("/", "/authors/" + author.handle(), "/tags/" + tag)) {
            assertThat(plansMissed(page)).as(page).isZero();
        }
    }

    /** The fewest query plans missing from the cache in three builds of the page after a first one. */
    private static long plansMissed(String path) {
        QuietJobs.awaitOutboxDrained();
        Statistics statistics = Arc.container().instance(EntityManagerFactory.class).get()
                .unwrap(SessionFactory.class).getStatistics();
        assertThat(WebClient.anonymous().get(Uncached.path(path)).statusCode()).as(path).isEqualTo(200);
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            statistics.clear();
            assertThat(WebClient.anonymous().get(Uncached.path(path)).statusCode()).as(path).isEqualTo(200);
            fewest = Math.min(fewest, statistics.getQueryPlanCacheMissCount());
        }
        return fewest;
    }
}
