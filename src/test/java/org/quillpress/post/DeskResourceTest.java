package org.quillpress.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.QuietJobs;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The desk's pages: the posts list with its bulk form, the trash buttons, and the revisions with their diff. */
@QuarkusTest
class DeskResourceTest {

    @Inject
    EntityManagerFactory emf;

    static String draft(TestAccounts.Created author, String title, List<String> tags) {
        return TestPosts.save(author.principal(), new PostInput(title, "x", null, tags, null, null, "DRAFT", null,
                true, null, null, null, null));
    }

    @Test
    void theListIsForSignedInAuthorsOnly() {
        Response guest = WebClient.anonymous().get("/write/posts");
        assertThat(guest.statusCode()).isEqualTo(303);
        assertThat(guest.header("Location")).contains("/login");
        assertThat(TestAccounts.create(Role.READER, "Page Reader").signIn().get("/write/posts").statusCode())
                .isEqualTo(403);
    }

    @Test
    void anAuthorSeesTheirPostsWithCountsAndMovesThemToTheTrashInBulk() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Page Desk Author");
        String word = TestPosts.unique("deskpage");
        String first = draft(author, "First " + word, List.of());
        String second = draft(author, "Second " + word, List.of());
        TestPosts.publish(author.principal(), "Live " + word, "x", List.of());
        draft(TestAccounts.create(Role.AUTHOR, "Someone Else"), "Not mine " + word, List.of());
        WebClient client = author.signIn();

        String page = client.get("/write/posts").asString();
        assertThat(page).contains("First " + word, "Second " + word, "Live " + word).doesNotContain("Not mine");
        assertThat(page).containsPattern("Draft <span class=\"count\">2</span>")
                .containsPattern("Published <span class=\"count\">1</span>");
        assertThat(client.get("/write/posts?status=draft").asString()).doesNotContain("Live " + word);

        long firstId = PostDeskApiTest.id(client, first);
        long secondId = PostDeskApiTest.id(client, second);
        Response noToken = client.postFormWithoutToken("/write/posts/bulk",
                Map.of("action", "trash", "ids", List.of(firstId)));
        assertThat(noToken.statusCode()).isEqualTo(400);

        Response bulk = client.request().contentType("application/x-www-form-urlencoded")
                .formParam("action", "trash").formParam("ids", firstId, secondId).formParam("status", "draft")
                .formParam(WebClient.CSRF, client.cookie(WebClient.CSRF)).post("/write/posts/bulk");
        assertThat(bulk.statusCode()).isEqualTo(303);
        assertThat(bulk.header("Location")).contains("/write/posts?status=draft").contains("done=trash");
        String trash = client.get("/write/posts?status=trash").asString();
        assertThat(trash).contains("First " + word, "Second " + word, "trash (was draft)", "Delete permanently");

        Response empty = client.postForm("/write/posts/bulk", Map.of("action", "publish"), "/write/posts");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.asString()).contains("Select at least one post");
    }

    @Test
    void theEditorsButtonsTrashRestoreAndPurge() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Button Author");
        String slug = TestPosts.publish(author.principal(), TestPosts.unique("Buttons "), "x", List.of());
        WebClient client = author.signIn();
        String edit = "/posts/" + slug + "/edit";
        assertThat(client.get(edit).asString()).contains("Move to trash").contains("/posts/" + slug + "/revisions");

        Response trashed = client.postForm("/posts/" + slug + "/trash", Map.of(), edit);
        assertThat(trashed.statusCode()).isEqualTo(303);
        assertThat(WebClient.anonymous().get("/posts/" + slug).statusCode()).isEqualTo(410);
        assertThat(client.get(edit).asString()).contains("Restore from the trash");

        Response restored = client.postForm("/posts/" + slug + "/restore", Map.of(), edit);
        assertThat(restored.statusCode()).isEqualTo(303);
        assertThat(restored.header("Location")).endsWith(edit);
        assertThat(WebClient.anonymous().get("/posts/" + slug).statusCode()).isEqualTo(200);

        assertThat(client.postForm("/posts/" + slug + "/purge", Map.of(), edit).statusCode()).isEqualTo(409);
        client.postForm("/posts/" + slug + "/trash", Map.of(), edit);
        assertThat(client.postForm("/posts/" + slug + "/purge", Map.of(), "/write/posts").statusCode())
                .isEqualTo(303);
        assertThat(client.get(edit).statusCode()).isEqualTo(404);

        String others = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Owner's "), "x", List.of());
        assertThat(client.postForm("/posts/" + others + "/trash", Map.of(), "/write/posts").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theRevisionsPageShowsADiffAndRestoresWithTheVersionSeen() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Diff Page Author");
        WebClient client = author.signIn();
        Response created = client.json().body(Map.of("title", "Page diff", "body", "kept line\nold line",
                "status", "PUBLISHED")).post("/api/v1/posts");
        String slug = created.jsonPath().getString("slug");
        Response saved = client.json().body(Map.of("title", "Page diff", "body", "kept line\nnew line", "status",
                "PUBLISHED", "version", created.jsonPath().getInt("version"))).put("/api/v1/posts/" + slug);
        int version = saved.jsonPath().getInt("version");

        String page = client.get("/posts/" + slug + "/revisions").asString();
        assertThat(page).contains("<span class=\"diff-removed\">- old line</span>")
                .contains("<span class=\"diff-added\">+ new line</span>")
                .contains("<span class=\"diff-same\">  kept line</span>");
        long older = client.json().get("/api/v1/posts/" + slug + "/revisions").jsonPath()
                .getLong("revisions[1].id");

        Response stale = client.postForm("/posts/" + slug + "/revisions/" + older + "/restore",
                Map.of("version", version - 1), "/posts/" + slug + "/revisions");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.asString()).contains("Someone else saved this post");

        Response restored = client.postForm("/posts/" + slug + "/revisions/" + older + "/restore",
                Map.of("version", version), "/posts/" + slug + "/revisions");
        assertThat(restored.statusCode()).isEqualTo(303);
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).contains("old line");
    }

    /** Statements for the list page as {@code client} sees it; the lowest of three, as timed jobs query too. */
    long statementsFor(WebClient client, String path) {
        QuietJobs.awaitOutboxDrained();
        var statistics = emf.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            statistics.clear();
            Response response = client.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        return fewest;
    }

    @Test
    void theListTakesTheSameStatementsWithOnePostOrThirty() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Counted Desk Author");
        draft(author, TestPosts.unique("Counted "), List.of("c1"));
        WebClient client = author.signIn();
        long few = statementsFor(client, "/write/posts");
        for (int i = 0; i < 30; i++) {
            draft(author, TestPosts.unique("Counted "), PostPageQueryCountTest.tags("count" + i + "-", 3));
        }
        long many = statementsFor(client, "/write/posts");
        assertThat(many).isEqualTo(few);
        // the counts, the page of posts with authors and categories, their tags, the categories menu
        assertThat(many).isLessThanOrEqualTo(4);

        WebClient owner = WebClient.owner();
        // an admin's filter menu also lists the authors, and staff see the moderation count in the layout
        assertThat(statementsFor(owner, "/write/posts?status=all&tag=count1-1")).isLessThanOrEqualTo(6);
    }
}
