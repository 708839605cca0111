package org.quillpress.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.QuietJobs;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;

/**
 * On the embedded build a post is found by the words of its approved comments (PostgreSQL searches posts only:
 * see {@link PostgresSearch}).
 */
@QuarkusTest
class CommentSearchTest {

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void everyOneOfManyCommentsInARowMakesItsPostFindable() {
        assumeTrue(dbKind.equals("h2"), "comments are searched on the embedded build");
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Commenting Author");
        String title = TestPosts.unique("Talked about ");
        String slug = TestPosts.publish(author.principal(), title, "A quiet post.", List.of());
        WebClient client = author.signIn();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // the post's author is approved at once; a minute apart, past any interval between comments
            TestClock.current().advance(Duration.ofMinutes(1));
            String word = TestPosts.unique("saffron").replaceAll("[^A-Za-z0-9]", "");
            words.add(word);
            assertThat(client.json().body(Map.of("body", "Remember the " + word + " harvest?"))
                    .post("/api/v1/posts/" + slug + "/comments").statusCode()).isEqualTo(201);
        }

        QuietJobs.awaitSearchIndex();
        for (String word : words) {
            assertThat(WebClient.anonymous().request().queryParam("q", word).get("/search").asString()).as(word)
                    .contains(title);
        }
    }
}
