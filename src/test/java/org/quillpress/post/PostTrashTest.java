package org.quillpress.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.comment.Comment;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestComments;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Deleting a post moves it to the trash: gone from every public place at once, back on restore, purged later. */
@QuarkusTest
class PostTrashTest {

    @Inject
    PostTrash trash;

    static String published(TestAccounts.Created author, String title, String tag) {
        return TestPosts.publish(author.principal(), title, "Body of " + title, List.of(tag));
    }

    static String anonymous(String path) {
        return WebClient.anonymous().get(path).asString();
    }

    @Test
    void aTrashedPostLeavesEveryPublicPlaceAtOnceAndItsAddressAnswersGone() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Trashing Author");
        WebClient client = author.signIn();
        String word = TestPosts.unique("quokka");
        String tag = TestPosts.unique("trashtag");
        String older = published(author, "Older " + word, tag);
        String title = "Doomed " + word;
        String slug = published(author, title, tag);
        String newer = published(author, "Newer " + word, tag);
        long comment = TestComments.guestComment(slug, "Guest", TestComments.guestEmail("trash"), "Nice " + word);
        TestComments.approve(comment);

        // every place shows it first (and the page cache keeps some of them)
        assertThat(WebClient.anonymous().get("/posts/" + slug).statusCode()).isEqualTo(200);
        assertThat(anonymous("/")).contains(title);
        assertThat(anonymous("/feed")).contains(title);
        assertThat(org.quillpress.support.Sitemaps.everything()).contains("/posts/" + slug);
        assertThat(anonymous("/search?q=" + word)).contains(title);
        assertThat(anonymous("/tags/" + tag)).contains(title);
        assertThat(anonymous("/comments/feed")).contains("Nice " + word);
        assertThat(anonymous("/posts/" + newer)).contains("/posts/" + slug);

        Response deleted = client.json().delete("/api/v1/posts/" + slug);
        assertThat(deleted.statusCode()).isEqualTo(204);

        Response page = WebClient.anonymous().get("/posts/" + slug);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.asString()).doesNotContain(title);
        // a browser would otherwise keep the 410 and not see the post once restored
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(client.get("/posts/" + slug).statusCode()).as("gone for its author too").isEqualTo(410);
        assertThat(anonymous("/")).doesNotContain(title);
        assertThat(anonymous("/feed")).doesNotContain(title);
        assertThat(org.quillpress.support.Sitemaps.everything()).doesNotContain("/posts/" + slug);
        assertThat(anonymous("/search?q=" + word)).doesNotContain(title);
        assertThat(anonymous("/tags/" + tag)).doesNotContain(title);
        assertThat(anonymous("/comments/feed")).doesNotContain("Nice " + word);
        assertThat(WebClient.anonymous().get("/posts/" + slug + "/comments/feed").statusCode()).isEqualTo(404);
        assertThat(WebClient.anonymous().get("/api/v1/posts/" + slug).statusCode()).isEqualTo(410);
        assertThat(anonymous("/api/v1/posts?size=100")).doesNotContain(slug);
        String newerPage = anonymous("/posts/" + newer);
        assertThat(newerPage).doesNotContain("/posts/" + slug).contains("/posts/" + older);
        Response comment2 = TestComments.postAsGuest(slug, "Late", TestComments.guestEmail("late"), null, "Too late",
                null, null);
        assertThat(comment2.statusCode()).isEqualTo(404);

        // the trash lists it; its author can still read it through the API, marked as trashed
        Response listed = client.json().get("/api/v1/posts?status=trash");
        assertThat(listed.jsonPath().getList("items.slug", String.class)).contains(slug);
        assertThat(client.json().get("/api/v1/posts/" + slug).jsonPath().getString("status")).isEqualTo("TRASHED");
    }

    @Test
    void restoreBringsThePostBackAsItWasWithItsComments() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Restoring Author");
        WebClient client = author.signIn();
        String word = TestPosts.unique("wombat");
        String title = "Restored " + word;
        String slug = published(author, title, word);
        long comment = TestComments.guestComment(slug, "Guest", TestComments.guestEmail("restore"), "Kept " + word);
        TestComments.approve(comment);
        String draft = TestPosts.save(author.principal(), new PostInput("Draft " + word, "x", null, List.of(), null,
                null, "DRAFT", null, true, null, null, null, null));

        assertThat(client.json().delete("/api/v1/posts/" + slug).statusCode()).isEqualTo(204);
        assertThat(client.json().delete("/api/v1/posts/" + draft).statusCode()).isEqualTo(204);

        Response restored = client.json().post("/api/v1/posts/" + slug + "/restore");
        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(restored.jsonPath().getString("status")).isEqualTo("PUBLISHED");
        Response page = WebClient.anonymous().get("/posts/" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains(title).contains("Kept " + word);
        assertThat(anonymous("/")).contains(title);

        Response draftBack = client.json().post("/api/v1/posts/" + draft + "/restore");
        assertThat(draftBack.jsonPath().getString("status")).isEqualTo("DRAFT");
        assertThat(WebClient.anonymous().get("/posts/" + draft).statusCode()).isEqualTo(404);
    }

    @Test
    void aTrashedPageLeavesTheNavigationAndComesBackToIt() {
        WebClient owner = WebClient.owner();
        String title = TestPosts.unique("Colophon ");
        String slug = TestPosts.save(TestAccounts.owner(), new PostInput(title, "About this site.", null, List.of(),
                null, null, "PUBLISHED", null, false, null, "PAGE", null, null));
        assertThat(anonymous("/")).contains("href=\"/" + slug + "\"");

        assertThat(owner.json().delete("/api/v1/posts/" + slug).statusCode()).isEqualTo(204);
        assertThat(WebClient.anonymous().get("/" + slug).statusCode()).isEqualTo(410);
        assertThat(anonymous("/")).doesNotContain("href=\"/" + slug + "\"");
        assertThat(org.quillpress.support.Sitemaps.everything()).doesNotContain("/" + slug + "<");

        assertThat(owner.json().post("/api/v1/posts/" + slug + "/restore").statusCode()).isEqualTo(200);
        assertThat(WebClient.anonymous().get("/" + slug).statusCode()).isEqualTo(200);
        assertThat(anonymous("/")).contains("href=\"/" + slug + "\"");
    }

    @Test
    void onlyWhoMayEditAPostMayTrashItAndATrashedPostCannotBeEdited() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Guarded Author");
        String slug = published(author, TestPosts.unique("Guarded "), "guarded");
        WebClient stranger = TestAccounts.create(Role.AUTHOR, "Other Author").signIn();

        assertThat(stranger.json().delete("/api/v1/posts/" + slug).statusCode()).isEqualTo(404);
        assertThat(WebClient.anonymous().request().delete("/api/v1/posts/" + slug).statusCode()).isEqualTo(401);
        assertThat(WebClient.anonymous().get("/posts/" + slug).statusCode()).isEqualTo(200);

        WebClient client = author.signIn();
        assertThat(client.json().delete("/api/v1/posts/" + slug).statusCode()).isEqualTo(204);
        assertThat(stranger.json().post("/api/v1/posts/" + slug + "/restore").statusCode()).isEqualTo(404);

        int version = client.json().get("/api/v1/posts/" + slug).jsonPath().getInt("version");
        Response edit = client.json().body(Map.of("title", "Edited in the trash", "body", "b", "status", "PUBLISHED",
                "version", version)).put("/api/v1/posts/" + slug);
        assertThat(edit.statusCode()).isEqualTo(409);
        assertThat(edit.jsonPath().getString("errors.status")).contains("in the trash");

        Response sneaky = client.json().body(Map.of("title", "Self-trashed", "body", "b", "status", "TRASHED"))
                .post("/api/v1/posts");
        assertThat(sneaky.statusCode()).isEqualTo(400);
        assertThat(sneaky.jsonPath().getString("errors.status")).contains("DRAFT, SCHEDULED or PUBLISHED");
    }

    @Test
    void aTrashedPostIsPurgedWithItsCommentsOnceItsTimeInTheTrashIsOver() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Purging Author");
        WebClient client = author.signIn();
        String slug = published(author, TestPosts.unique("Purged "), "purged");
        long comment = TestComments.guestComment(slug, "Guest", TestComments.guestEmail("purge"), "First");
        TestComments.approve(comment);
        long reply = TestComments.guestComment(slug, "Guest", TestComments.guestEmail("purge"), null, "Reply", comment);
        String kept = published(author, TestPosts.unique("Kept "), "purged");
        assertThat(client.json().delete("/api/v1/posts/" + slug).statusCode()).isEqualTo(204);

        TestClock.current().advance(Duration.ofDays(29));
        trash.purgeExpired(TestClock.current().instant());
        // sessions last 14 days: sign in again after each jump
        client = author.signIn();
        assertThat(client.json().get("/api/v1/posts/" + slug).statusCode()).as("still in the trash").isEqualTo(200);
        // trashed later: its own 30 days start now
        assertThat(client.json().delete("/api/v1/posts/" + kept).statusCode()).isEqualTo(204);

        TestClock.current().advance(Duration.ofDays(2));
        assertThat(trash.purgeExpired(TestClock.current().instant())).isGreaterThanOrEqualTo(1);
        client = author.signIn();

        assertThat(client.json().get("/api/v1/posts/" + slug).statusCode()).isEqualTo(404);
        assertThat(client.json().get("/api/v1/posts/" + kept).statusCode()).isEqualTo(200);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Comment.count("id in ?1", List.of(comment, reply))))
                .isZero();
    }

    @Test
    void deletingPermanentlyByHandTakesOnlyAPostFromTheTrash() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Emptying Author");
        WebClient client = author.signIn();
        String slug = published(author, TestPosts.unique("Emptied "), "emptied");
        TestComments.guestComment(slug, "Guest", TestComments.guestEmail("empty"), "Held comment");

        Response notYet = client.json().delete("/api/v1/posts/" + slug + "?permanently=true");
        assertThat(notYet.statusCode()).isEqualTo(409);
        assertThat(notYet.jsonPath().getString("errors.status")).contains("Move it to the trash first");

        assertThat(client.json().delete("/api/v1/posts/" + slug).statusCode()).isEqualTo(204);
        assertThat(client.json().delete("/api/v1/posts/" + slug + "?permanently=true").statusCode()).isEqualTo(204);
        assertThat(client.json().get("/api/v1/posts/" + slug).statusCode()).isEqualTo(404);
        assertThat(client.json().get("/api/v1/posts?status=trash").asString()).doesNotContain(slug);
    }
}
