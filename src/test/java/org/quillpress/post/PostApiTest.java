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

@QuarkusTest
class PostApiTest {

    static Map<String, Object> post(String title) {
        return Map.of("title", title, "body", "Some *Markdown* here.", "tags", List.of("api", "Testing"),
                "status", "PUBLISHED");
    }

    @Test
    void anAuthorCreatesAPostAndGetsItsSlugAndRenderedHtml() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Api Author").signIn();
        String title = TestPosts.unique("From the API ");
        Response created = author.json().body(post(title)).post("/api/v1/posts");

        assertThat(created.statusCode()).isEqualTo(201);
        String slug = created.jsonPath().getString("slug");
        assertThat(created.header("Location")).endsWith("/api/v1/posts/" + slug);
        assertThat(created.jsonPath().getString("html")).contains("<em>Markdown</em>");
        assertThat(created.jsonPath().getList("tags", String.class)).containsExactly("api", "Testing");
        assertThat(created.jsonPath().getString("category")).isEqualTo("Uncategorized");
        assertThat(created.jsonPath().getString("status")).isEqualTo("PUBLISHED");
        assertThat(created.asString()).doesNotContain("@quillpress.test");

        Response read = WebClient.anonymous().get("/api/v1/posts/" + slug);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.jsonPath().getString("title")).isEqualTo(title);
        assertThat(read.asString()).doesNotContain("@quillpress.test");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndStoresNothing() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Sloppy Api Author").signIn();

        Response noTitle = author.json().body(Map.of("body", "x", "status", "PUBLISHED")).post("/api/v1/posts");
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(noTitle.contentType()).startsWith("application/problem+json");
        assertThat(noTitle.jsonPath().getString("errors.title")).isEqualTo("Give the post a title.");

        Response status = author.json().body(Map.of("title", "t", "body", "x", "status", "LIVE"))
                .post("/api/v1/posts");
        assertThat(status.jsonPath().getString("errors.status")).contains("DRAFT, SCHEDULED or PUBLISHED");

        Response date = author.json()
                .body(Map.of("title", "t", "body", "x", "status", "SCHEDULED", "publishAt", "31/12/2030"))
                .post("/api/v1/posts");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.jsonPath().getString("errors.publishAt")).contains("Give a date and time");

        Response category = author.json().body(Map.of("title", "t", "body", "x", "category", "Invented"))
                .post("/api/v1/posts");
        assertThat(category.statusCode()).isEqualTo(400);
        assertThat(category.jsonPath().getString("errors.category")).contains("Invented");

        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Taken "), "x", List.of());
        Response taken = author.json().body(Map.of("title", "t", "body", "x", "slug", slug)).post("/api/v1/posts");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.jsonPath().getString("errors.slug")).contains(slug);
    }

    @Test
    void writingNeedsAnAuthorAccount() {
        Response anonymous = WebClient.anonymous().request().contentType("application/json")
                .body(post("Anonymous")).post("/api/v1/posts");
        assertThat(anonymous.statusCode()).isEqualTo(401);

        WebClient reader = TestAccounts.create(Role.READER, "Api Reader").signIn();
        Response refused = reader.json().body(post("By a reader")).post("/api/v1/posts");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void updatesCarryTheVersionSoNobodyOverwritesAnotherSilently() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Versioned Author").signIn();
        Response created = author.json().body(post(TestPosts.unique("Versioned "))).post("/api/v1/posts");
        String slug = created.jsonPath().getString("slug");
        int version = created.jsonPath().getInt("version");

        Response first = author.json().body(Map.of("title", "Updated once", "body", "b", "status", "PUBLISHED",
                "slug", slug, "version", version)).put("/api/v1/posts/" + slug);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.jsonPath().getInt("version")).isEqualTo(version + 1);

        Response stale = author.json().body(Map.of("title", "Lost update", "body", "b", "status", "PUBLISHED",
                "slug", slug, "version", version)).put("/api/v1/posts/" + slug);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.jsonPath().getString("errors.version")).contains("Someone else saved this post");
        assertThat(WebClient.anonymous().get("/api/v1/posts/" + slug).jsonPath().getString("title"))
                .isEqualTo("Updated once");

        WebClient stranger = TestAccounts.create(Role.AUTHOR, "Stranger Author").signIn();
        Response hijack = stranger.json().body(Map.of("title", "Mine now", "body", "b")).put("/api/v1/posts/" + slug);
        assertThat(hijack.statusCode()).isEqualTo(404);
    }

    @Test
    void theListPagesWithACursorAndShowsOnlyPublishedPosts() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Listed Author");
        String draftTitle = TestPosts.unique("Hidden draft ");
        TestPosts.save(author.principal(), new PostInput(draftTitle, "x", null, List.of(), null, null, "DRAFT", null,
                true, null, null, null, null));
        for (int i = 0; i < 3; i++) {
            TestPosts.publish(author.principal(), TestPosts.unique("Listed "), "x", List.of());
        }

        Response first = WebClient.anonymous().get("/api/v1/posts?size=2");
        assertThat(first.jsonPath().getList("items")).hasSize(2);
        String next = first.jsonPath().getString("next");
        assertThat(next).isNotBlank();
        Response second = WebClient.anonymous().get("/api/v1/posts?size=2&before=" + next);
        assertThat(second.jsonPath().getList("items.slug", String.class))
                .doesNotContainAnyElementsOf(first.jsonPath().getList("items.slug", String.class));
        assertThat(WebClient.anonymous().get("/api/v1/posts?size=100").asString()).doesNotContain(draftTitle);
        assertThat(WebClient.anonymous().get("/api/v1/posts?before=nonsense").statusCode()).isEqualTo(400);
    }

    @Test
    void postsCreatedAtOnceWithTheSameNewTagAndCategoryAllSucceed() throws Exception {
        String tag = TestPosts.unique("race");
        String category = TestPosts.unique("Race category ");
        // one browser session per thread, all signed in before the race starts
        List<WebClient> owners = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            owners.add(WebClient.owner());
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Response>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String title = TestPosts.unique("Racing " + i + " ");
                WebClient owner = owners.get(i);
                results.add(pool.submit(() -> owner.json().body(Map.of("title", title, "body", "x", "tags",
                        List.of(tag), "category", category, "status", "PUBLISHED")).post("/api/v1/posts")));
            }
            for (var result : results) {
                Response response = result.get();
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(WebClient.anonymous().get("/tags/" + tag.toLowerCase()).asString()).contains("Racing 7 ");
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        String openapi = WebClient.owner().get("/q/openapi").asString();
        assertThat(openapi).contains("/api/v1/posts").contains("/api/v1/posts/{slug}");
    }

    @Test
    void aPageCannotTakeTheAddressOfOneOfTheSitesOwnPages() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Reserved Api Author").signIn();

        Response refused = author.json().body(Map.of("title", TestPosts.unique("Subscriptions "), "body", "x",
                "kind", "PAGE", "slug", "subscriptions", "status", "PUBLISHED")).post("/api/v1/posts");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("errors.slug"))
                .isEqualTo("\"subscriptions\" is one of the site's own addresses; choose another.");
        assertThat(WebClient.anonymous().get("/api/v1/posts/subscriptions").statusCode()).isEqualTo(404);
    }
}
