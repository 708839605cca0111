package org.quillpress.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Every save keeps a revision; any two can be compared, and one can be brought back as a new save. */
@QuarkusTest
class PostRevisionsTest {

    static Response save(WebClient client, String slug, String title, String body, int version) {
        return client.json().body(Map.of("title", title, "body", body, "status", "PUBLISHED", "version", version))
                .put("/api/v1/posts/" + slug);
    }

    @Test
    void everySaveKeepsARevisionWithWhoWhenAndTheText() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Revising Author");
        WebClient client = author.signIn();
        Response created = client.json().body(Map.of("title", "Quokka essay", "body", "first version of the text",
                "status", "PUBLISHED")).post("/api/v1/posts");
        String slug = created.jsonPath().getString("slug");
        save(client, slug, "Quokka essay", "second version of the text", created.jsonPath().getInt("version"));
        WebClient owner = WebClient.owner();
        int version = owner.json().get("/api/v1/posts/" + slug).jsonPath().getInt("version");
        save(owner, slug, "Quokka essay, edited", "third version of the text", version);

        Response revisions = client.json().get("/api/v1/posts/" + slug + "/revisions");
        assertThat(revisions.statusCode()).isEqualTo(200);
        assertThat(revisions.jsonPath().getList("revisions.body", String.class)).containsExactly(
                "third version of the text", "second version of the text", "first version of the text");
        assertThat(revisions.jsonPath().getList("revisions.editorName", String.class)).containsExactly(
                TestAccounts.owner().displayName(), "Revising Author", "Revising Author");
        assertThat(revisions.jsonPath().getList("revisions.title", String.class)).first()
                .isEqualTo("Quokka essay, edited");
        assertThat(revisions.jsonPath().getList("revisions.createdAt", String.class)).doesNotContainNull();
        assertThat(revisions.asString()).doesNotContain("@quillpress.test");
    }

    @Test
    void revisionsAreSeenOnlyByWhoMayEditThePost() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Private Reviser");
        String slug = TestPosts.publish(author.principal(), TestPosts.unique("Private "), "secret draft text",
                List.of());
        assertThat(WebClient.anonymous().request().accept("application/json")
                .get("/api/v1/posts/" + slug + "/revisions").statusCode()).isEqualTo(401);
        assertThat(TestAccounts.create(Role.AUTHOR, "Nosy Author").signIn().json()
                .get("/api/v1/posts/" + slug + "/revisions").statusCode()).isEqualTo(404);
    }

    @Test
    void aDiffShowsTheLinesRemovedAndAddedBetweenAnyTwoRevisions() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Diffing Author");
        WebClient client = author.signIn();
        Response created = client.json().body(Map.of("title", "Diffed", "body", "line one\nline two\nline three",
                "status", "PUBLISHED")).post("/api/v1/posts");
        String slug = created.jsonPath().getString("slug");
        Response second = save(client, slug, "Diffed", "line one\nline 2\nline three", created.jsonPath().getInt("version"));
        save(client, slug, "Diffed again", "line one\nline 2\nline three\nline four", second.jsonPath().getInt("version"));
        List<Long> ids = client.json().get("/api/v1/posts/" + slug + "/revisions").jsonPath()
                .getList("revisions.id", Long.class);

        Response diff = client.json().get("/api/v1/posts/" + slug + "/revisions/diff?from=" + ids.get(0) + "&to="
                + ids.get(2));
        assertThat(diff.statusCode()).isEqualTo(200);
        assertThat(diff.jsonPath().getList("body.change", String.class)).containsExactly(" ", "-", "+", " ", "+");
        assertThat(diff.jsonPath().getList("body.text", String.class)).containsExactly("line one", "line two",
                "line 2", "line three", "line four");
        assertThat(diff.jsonPath().getList("title.change", String.class)).containsExactly("-", "+");
        assertThat(diff.jsonPath().getLong("from.id")).as("the older first").isEqualTo(ids.get(2));

        Response foreign = client.json().get("/api/v1/posts/" + slug + "/revisions/diff?from=" + ids.get(0)
                + "&to=999999999");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.jsonPath().getString("errors.to")).contains("no such revision");
    }

    @Test
    void restoringARevisionSavesItAgainAsANewRevision() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Rolling Back Author");
        WebClient client = author.signIn();
        Response created = client.json().body(Map.of("title", "Good title", "body", "good text", "status",
                "PUBLISHED")).post("/api/v1/posts");
        String slug = created.jsonPath().getString("slug");
        Response bad = save(client, slug, "Bad title", "bad edit", created.jsonPath().getInt("version"));
        List<Long> ids = client.json().get("/api/v1/posts/" + slug + "/revisions").jsonPath()
                .getList("revisions.id", Long.class);

        Response restored = client.json().body(Map.of("version", bad.jsonPath().getInt("version")))
                .post("/api/v1/posts/" + slug + "/revisions/" + ids.get(1) + "/restore");
        assertThat(restored.statusCode()).as(restored.asString()).isEqualTo(200);
        assertThat(restored.jsonPath().getString("title")).isEqualTo("Good title");
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).contains("good text")
                .doesNotContain("bad edit");

        Response revisions = client.json().get("/api/v1/posts/" + slug + "/revisions");
        assertThat(revisions.jsonPath().getList("revisions.body", String.class)).containsExactly("good text",
                "bad edit", "good text");
        assertThat(revisions.jsonPath().getString("revisions[0].kind")).isEqualTo("RESTORE");
        assertThat(revisions.jsonPath().getLong("revisions[0].restoredFrom")).isEqualTo(ids.get(1));
    }

    @Test
    void restoringOverANewerEditOrInTheTrashIsAConflict() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Conflicted Author");
        WebClient client = author.signIn();
        Response created = client.json().body(Map.of("title", "Contested", "body", "original", "status",
                "PUBLISHED")).post("/api/v1/posts");
        String slug = created.jsonPath().getString("slug");
        int seen = created.jsonPath().getInt("version");
        long first = client.json().get("/api/v1/posts/" + slug + "/revisions").jsonPath().getLong("revisions[0].id");
        save(WebClient.owner(), slug, "Contested", "a newer edit by someone else", seen);

        Response stale = client.json().body(Map.of("version", seen))
                .post("/api/v1/posts/" + slug + "/revisions/" + first + "/restore");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.jsonPath().getString("errors.version")).contains("Someone else saved this post");
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).contains("a newer edit by someone else");

        int current = client.json().get("/api/v1/posts/" + slug).jsonPath().getInt("version");
        assertThat(client.json().delete("/api/v1/posts/" + slug).statusCode()).isEqualTo(204);
        Response trashed = client.json().body(Map.of("version", current + 1))
                .post("/api/v1/posts/" + slug + "/revisions/" + first + "/restore");
        assertThat(trashed.statusCode()).isEqualTo(409);
        assertThat(trashed.jsonPath().getString("errors.status")).contains("trash");

        Response noVersion = client.json().body(Map.of()).post("/api/v1/posts/" + slug + "/revisions/" + first
                + "/restore");
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(noVersion.jsonPath().getString("errors.version")).isNotBlank();
    }

    @Test
    void anAutosavedCopyIsKeptApartUntilTheNextSave() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Autosaving Author");
        WebClient client = author.signIn();
        Response created = client.json().body(Map.of("title", "Autosaved", "body", "published text", "status",
                "PUBLISHED")).post("/api/v1/posts");
        String slug = created.jsonPath().getString("slug");

        Response autosaved = client.json().body(Map.of("title", "Autosaved", "body", "typing in progress"))
                .put("/api/v1/posts/" + slug + "/autosave");
        assertThat(autosaved.statusCode()).as(autosaved.asString()).isEqualTo(200);
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).contains("published text")
                .doesNotContain("typing in progress");
        assertThat(client.json().get("/api/v1/posts/" + slug + "/revisions").jsonPath()
                .getList("revisions.body", String.class)).containsExactly("published text");
        Response pending = client.json().get("/api/v1/posts/" + slug + "/autosave");
        assertThat(pending.statusCode()).isEqualTo(200);
        assertThat(pending.jsonPath().getString("body")).isEqualTo("typing in progress");

        assertThat(TestAccounts.create(Role.AUTHOR, "Other Typist").signIn().json()
                .body(Map.of("title", "x", "body", "y")).put("/api/v1/posts/" + slug + "/autosave").statusCode())
                .isEqualTo(404);

        save(client, slug, "Autosaved", "saved for real", created.jsonPath().getInt("version"));
        assertThat(client.json().get("/api/v1/posts/" + slug + "/autosave").statusCode()).as("the save replaced it")
                .isEqualTo(204);
    }
}
