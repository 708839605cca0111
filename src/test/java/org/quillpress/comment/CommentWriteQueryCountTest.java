package org.quillpress.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.QuietJobs;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A signed-in reader's comment is the site's busiest write: its SQL statements are counted like a page's. The
 * count is Hibernate's, so it leaves out the rate limits' own statements (in memory on H2, Bucket4j's JDBC on
 * PostgreSQL) and includes, on the embedded build, the search index re-reading the post after the comment.
 */
@QuarkusTest
class CommentWriteQueryCountTest {

    @Inject
    EntityManagerFactory emf;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void aKnownReadersApprovedCommentTakesElevenStatementsAndTheSearchIndexThree() {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Counted comments "), "Discuss.",
                List.of());
        WebClient reader = TestAccounts.create(Role.READER, "Counted Writer").signIn();
        // a reader with an approved comment is known: the next ones are approved at once, with the post's author told
        CommentsTest.approve(CommentsTest.id(comment(reader, slug, "My first words here")));

        var statistics = emf.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        // the lowest of five: timed jobs (revoked sessions every 5 s, mail every 10 s) query now and then too
        for (int i = 0; i < 5; i++) {
            // past the interval between one writer's comments, whatever the site's setting
            TestClock.current().advance(Duration.ofHours(1));
            QuietJobs.awaitOutboxDrained();
            statistics.clear();
            Response written = comment(reader, slug, "Counted words, number " + i);
            assertThat(written.statusCode()).isEqualTo(201);
            assertThat(written.jsonPath().getString("status")).isEqualTo("APPROVED");
            QuietJobs.awaitSearchIndex();
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        // the post; the account with its last sign-in's provider; bans; the repeat check; whether the reader is known;
        // the post with its author; the comment, its moderation record, the author's mail; subscribers; the thread path
        int request = 11;
        // on the embedded build the search index reads the post, its tags and its approved comments again
        int index = dbKind.equals("h2") ? 3 : 0;
        assertThat(fewest).isLessThanOrEqualTo(request + index);
    }

    private static Response comment(WebClient writer, String slug, String body) {
        return writer.json().body(Map.of("body", body)).post("/api/v1/posts/" + slug + "/comments");
    }
}
