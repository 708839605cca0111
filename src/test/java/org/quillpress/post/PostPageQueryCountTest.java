package org.quillpress.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.Uncached;
import org.quillpress.support.WebClient;
import org.quillpress.web.Paths;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A page's SQL statements must not grow with the number of posts or tags (no N+1). */
@QuarkusTest
class PostPageQueryCountTest {

    @Inject
    EntityManagerFactory emf;

    /**
     * Statements for one request; the lowest of three, since timed jobs also query now and then. Each
     * request is one the page cache has not seen, so the page is built for it.
     */
    long statementsFor(String path) {
        return statementsFor(WebClient.anonymous(), path);
    }

    /** The same for {@code client}'s requests, none answered from the page cache. */
    long statementsFor(WebClient client, String path) {
        org.quillpress.support.QuietJobs.awaitOutboxDrained();
        var statistics = emf.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            client.get(Uncached.path(path));
            statistics.clear();
            Response response = client.get(Uncached.path(path));
            assertThat(response.statusCode()).isEqualTo(200);
            // signed-in pages are never cached, and say nothing about it
            assertThat(response.header("X-Cache")).isIn("MISS", null);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        return fewest;
    }

    static List<String> tags(String prefix, int n) {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tags.add(prefix + i);
        }
        return tags;
    }

    @Test
    void aPostPageTakesTheSameStatementsWithOneTagOrTwenty() {
        AccountPrincipal author = TestAccounts.create(Role.AUTHOR, "Counted Author").principal();
        String plain = TestPosts.publish(author, TestPosts.unique("One tag "), "x", tags("solo", 1));
        String tagged = TestPosts.publish(author, TestPosts.unique("Twenty tags "), "x", tags("many", 20));

        long few = statementsFor("/posts/" + plain);
        long many = statementsFor("/posts/" + tagged);
        assertThat(many).isEqualTo(few);
        // the post with its author, category and tags; its older and newer neighbours; its comment thread
        assertThat(few).isLessThanOrEqualTo(4);
    }

    @Test
    void anEditorDoesNotReadAgainAPostThatReadersSee() {
        AccountPrincipal author = TestAccounts.create(Role.AUTHOR, "Rereading Author").principal();
        String slug = TestPosts.publish(author, TestPosts.unique("Seen by all "), "x", tags("seen", 3));
        String path = "/posts/" + slug;
        WebClient owner = WebClient.owner();
        assertThat(owner.get(path).asString()).contains("href=\"" + Paths.postEdit(slug) + "\"");

        // only the menu's count of comments waiting for moderation: the post, its neighbours and its thread are
        // those readers see (it was 4 when the post was read again for its editors)
        assertThat(statementsFor(owner, path)).isLessThanOrEqualTo(1);
    }

    @Test
    void aPostPageTakesTheSameStatementsInOneCategoryOrTen() {
        AccountPrincipal owner = org.quillpress.support.TestAccounts.owner();
        List<String> categories = tags(TestPosts.unique("Counted category "), 10);
        String one = TestPosts.save(owner, new PostInput(TestPosts.unique("One category "), "x", null, tags("c", 3),
                null, null, "PUBLISHED", null, true, null, null, null, null, categories.subList(0, 1)));
        String ten = TestPosts.save(owner, new PostInput(TestPosts.unique("Ten categories "), "x", null, tags("c", 3),
                null, null, "PUBLISHED", null, true, null, null, null, null, categories));

        assertThat(statementsFor("/posts/" + ten)).isEqualTo(statementsFor("/posts/" + one));
        // a category's archive adds one statement for the category tree, whatever its size (and, like every list,
        // one for the ids of its page before the posts themselves)
        assertThat(statementsFor("/categories/" + org.quillpress.web.Slugs.of(categories.get(0))))
                .isLessThanOrEqualTo(6);
    }

    @Test
    void theHomePageTakesTheSameStatementsWhateverItsPostsAndTags() {
        AccountPrincipal author = TestAccounts.create(Role.AUTHOR, "Busy Author").principal();
        TestPosts.publish(author, TestPosts.unique("Sparse "), "x", tags("h", 1));
        long before = statementsFor("/");
        for (int i = 0; i < 25; i++) {
            TestPosts.publish(author, TestPosts.unique("Dense "), "x", tags("dense" + i + "-", 5));
        }
        long after = statementsFor("/");
        assertThat(after).isEqualTo(before);
        // the ids of the page's posts; those posts with authors and categories; their tags and comment counts
        assertThat(after).isLessThanOrEqualTo(4);

        String tag = "dense3-1";
        // and the tag itself, first
        assertThat(statementsFor("/tags/" + tag)).isLessThanOrEqualTo(5);
    }
}
