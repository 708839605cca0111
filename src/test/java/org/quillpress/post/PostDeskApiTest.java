package org.quillpress.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The staff list of posts through the API: who sees what, counts, filters, orders, paging and bulk actions. */
@QuarkusTest
class PostDeskApiTest {

    static String draft(TestAccounts.Created author, String title) {
        return TestPosts.save(author.principal(), new PostInput(title, "x", null, List.of(), null, null, "DRAFT", null,
                true, null, null, null, null));
    }

    static String scheduled(TestAccounts.Created author, String title) {
        String at = TestClock.current().instant().plus(Duration.ofDays(3)).toString();
        return TestPosts.save(author.principal(), new PostInput(title, "x", null, List.of(), null, null, "SCHEDULED",
                at, true, null, null, null, null));
    }

    static List<String> titles(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath().getList("items.title", String.class);
    }

    @Test
    void anAuthorFindsTheirOwnDraftsAndScheduledPostsAndNobodyElses() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Desk Author");
        TestAccounts.Created other = TestAccounts.create(Role.AUTHOR, "Other Desk Author");
        String word = TestPosts.unique("zanzibar");
        draft(author, "Mine draft " + word);
        scheduled(author, "Mine scheduled " + word);
        TestPosts.publish(author.principal(), "Mine published " + word, "x", List.of());
        draft(other, "Theirs draft " + word);
        WebClient client = author.signIn();

        assertThat(titles(client.json().get("/api/v1/posts?status=draft"))).containsExactly("Mine draft " + word);
        assertThat(titles(client.json().get("/api/v1/posts?status=scheduled")))
                .containsExactly("Mine scheduled " + word);
        assertThat(titles(client.json().get("/api/v1/posts?status=published")))
                .containsExactly("Mine published " + word);
        assertThat(titles(client.json().get("/api/v1/posts?status=all"))).hasSize(3);
        Response counts = client.json().get("/api/v1/posts?status=all");
        assertThat(counts.jsonPath().getMap("counts")).containsEntry("all", 3).containsEntry("draft", 1)
                .containsEntry("scheduled", 1).containsEntry("published", 1).containsEntry("trash", 0);

        // the owner (an admin) sees everyone's
        WebClient owner = WebClient.owner();
        assertThat(titles(owner.json().get("/api/v1/posts?status=draft&q=" + word)))
                .containsExactlyInAnyOrder("Mine draft " + word, "Theirs draft " + word);
    }

    @Test
    void theListIsNotPublic() {
        String word = TestPosts.unique("secretdraft");
        draft(TestAccounts.create(Role.AUTHOR, "Shy Author"), "Secret " + word);

        Response anonymous = WebClient.anonymous().request().accept("application/json")
                .get("/api/v1/posts?status=draft");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.asString()).doesNotContain(word);

        Response reader = TestAccounts.create(Role.READER, "Curious Reader").signIn().json()
                .get("/api/v1/posts?status=draft");
        assertThat(reader.statusCode()).isEqualTo(403);
        assertThat(reader.asString()).doesNotContain(word);
    }

    @Test
    void filtersBySearchAuthorCategoryTagAndKind() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Filtered Author");
        String word = TestPosts.unique("filtered");
        String tag = TestPosts.unique("deskTag");
        TestPosts.save(author.principal(), new PostInput("Tagged " + word, "x", null, List.of(tag), null, null,
                "DRAFT", null, true, null, null, null, null));
        TestPosts.save(author.principal(), new PostInput("Page " + word, "x", null, List.of(), null, null, "DRAFT",
                null, true, null, "PAGE", null, null));
        TestPosts.save(TestAccounts.owner(), new PostInput("Owner's " + word, "x", null, List.of(), "Desk Category",
                null, "DRAFT", null, true, null, null, null, null));
        WebClient owner = WebClient.owner();

        assertThat(titles(owner.json().get("/api/v1/posts?status=all&q=" + word.toUpperCase()))).hasSize(3);
        assertThat(titles(owner.json().get("/api/v1/posts?status=all&q=" + word + "&author=" + author.principal()
                .handle()))).containsExactlyInAnyOrder("Tagged " + word, "Page " + word);
        assertThat(titles(owner.json().get("/api/v1/posts?status=all&q=" + word + "&category=desk-category")))
                .containsExactly("Owner's " + word);
        assertThat(titles(owner.json().get("/api/v1/posts?status=all&tag=" + tag.toLowerCase())))
                .containsExactly("Tagged " + word);
        assertThat(titles(owner.json().get("/api/v1/posts?status=all&kind=page&q=" + word)))
                .containsExactly("Page " + word);

        Response bad = owner.json().get("/api/v1/posts?status=lost");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.jsonPath().getString("errors.status")).contains("draft");
        assertThat(owner.json().get("/api/v1/posts?status=all&sort=popular").jsonPath().getString("errors.sort"))
                .contains("title");
        assertThat(owner.json().get("/api/v1/posts?status=all&after=nonsense").statusCode()).isEqualTo(400);
    }

    @Test
    void sortsAndPagesWithoutLosingOrRepeatingAPost() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Paged Author");
        String word = TestPosts.unique("paged");
        List<String> made = new ArrayList<>();
        for (String letter : List.of("d", "b", "e", "a", "c")) {
            String title = letter + " " + word;
            draft(author, title);
            made.add(title);
        }
        WebClient client = author.signIn();

        for (String sort : List.of("updated", "published", "title")) {
            List<String> seen = new ArrayList<>();
            String after = null;
            do {
                Response page = client.json().get("/api/v1/posts?status=draft&size=2&sort=" + sort
                        + (after == null ? "" : "&after=" + after));
                seen.addAll(titles(page));
                after = page.jsonPath().getString("next");
            } while (after != null);
            assertThat(seen).as(sort).containsExactlyInAnyOrderElementsOf(made).doesNotHaveDuplicates();
            if (sort.equals("title")) {
                assertThat(seen).containsExactly("a " + word, "b " + word, "c " + word, "d " + word, "e " + word);
            } else {
                assertThat(seen).as(sort).containsExactly("c " + word, "a " + word, "e " + word, "b " + word,
                        "d " + word);
            }
        }
    }

    @Test
    void bulkActionsPublishTrashAndRecategoriseAllOrNothing() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Bulk Author");
        String word = TestPosts.unique("bulk");
        String one = draft(author, "One " + word);
        String two = scheduled(author, "Two " + word);
        String empty = TestPosts.save(author.principal(), new PostInput("Empty " + word, "", null, List.of(), null,
                null, "DRAFT", null, true, null, null, null, null));
        String others = draft(TestAccounts.create(Role.AUTHOR, "Bystander"), "Not yours " + word);
        WebClient client = author.signIn();
        long oneId = id(client, one);
        long twoId = id(client, two);

        Response stranger = client.json().body(Map.of("action", "trash", "ids", List.of(oneId, id(WebClient.owner(),
                others)))).post("/api/v1/posts/bulk");
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(WebClient.owner().json().get("/api/v1/posts/" + one).jsonPath().getString("status"))
                .as("nothing changed").isEqualTo("DRAFT");

        Response refused = client.json().body(Map.of("action", "publish", "ids", List.of(oneId, id(client, empty))))
                .post("/api/v1/posts/bulk");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.jsonPath().getString("errors.ids")).contains("Empty " + word).contains("Write something");
        assertThat(client.json().get("/api/v1/posts/" + one).jsonPath().getString("status")).isEqualTo("DRAFT");

        Response published = client.json().body(Map.of("action", "publish", "ids", List.of(oneId, twoId)))
                .post("/api/v1/posts/bulk");
        assertThat(published.statusCode()).as(published.asString()).isEqualTo(200);
        assertThat(published.jsonPath().getInt("posts")).isEqualTo(2);
        assertThat(WebClient.anonymous().get("/posts/" + one).statusCode()).isEqualTo(200);
        assertThat(WebClient.anonymous().get("/posts/" + two).statusCode()).isEqualTo(200);

        Response moved = WebClient.owner().json()
                .body(Map.of("action", "category", "ids", List.of(oneId, twoId), "category", "Bulk Moved"))
                .post("/api/v1/posts/bulk");
        assertThat(moved.statusCode()).as(moved.asString()).isEqualTo(200);
        assertThat(client.json().get("/api/v1/posts/" + two).jsonPath().getString("category")).isEqualTo("Bulk Moved");
        Response unknown = client.json()
                .body(Map.of("action", "category", "ids", List.of(oneId), "category", "Nowhere " + word))
                .post("/api/v1/posts/bulk");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.jsonPath().getString("errors.category")).contains("Nowhere");

        Response trashed = client.json().body(Map.of("action", "trash", "ids", List.of(oneId, twoId)))
                .post("/api/v1/posts/bulk");
        assertThat(trashed.statusCode()).isEqualTo(200);
        assertThat(titles(client.json().get("/api/v1/posts?status=trash&q=" + word)))
                .containsExactlyInAnyOrder("One " + word, "Two " + word);
        assertThat(WebClient.anonymous().get("/posts/" + one).statusCode()).isEqualTo(410);
        assertThat(client.json().get("/api/v1/posts?status=all").jsonPath().getInt("counts.trash")).isEqualTo(2);
    }

    static long id(WebClient client, String slug) {
        return client.json().get("/api/v1/posts/" + slug).jsonPath().getLong("id");
    }
}
