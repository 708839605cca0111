package org.quillpress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.feed.FeedRules;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.Uncached;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A post's featured image: chosen on the write page or through the API, shown wherever the post is. */
@QuarkusTest
class FeaturedImageTest {

    @Inject
    EntityManagerFactory emf;

    @Inject
    MediaService media;

    private static String siteUrl() {
        return ConfigProvider.getConfig().getValue("quillpress.site-url", String.class).replaceAll("/+$", "");
    }

    /** Statements for one uncached request, the fewest of three (timed jobs query now and then). */
    long statementsFor(String path) {
        org.quillpress.support.QuietJobs.awaitOutboxDrained();
        var statistics = emf.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            WebClient.anonymous().get(Uncached.path(path));
            statistics.clear();
            assertThat(WebClient.anonymous().get(Uncached.path(path)).statusCode()).isEqualTo(200);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        return fewest;
    }

    static Map<String, Object> apiPost(String title, String featuredImage) {
        Map<String, Object> post = new HashMap<>();
        post.put("title", title);
        post.put("body", "Words, no image.");
        post.put("status", "PUBLISHED");
        if (featuredImage != null) {
            post.put("featuredImage", featuredImage);
        }
        return post;
    }

    @Test
    void aFeaturedImageShowsOnTheHomePageThePostAndItsSocialCard() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Featuring Author").signIn();
        Response uploaded = MediaApiTest.upload(author, "cover.jpg", TestImages.jpeg(1800, 900), "image/jpeg",
                "A harbour at dusk");
        long id = uploaded.jsonPath().getLong("id");
        String url = uploaded.jsonPath().getString("url");
        String hash = ServedImages.hash(url);
        String title = TestPosts.unique("Featured ");

        Response created = author.json().body(apiPost(title, Long.toString(id))).post("/api/v1/posts");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.jsonPath().getLong("featuredImage")).isEqualTo(id);
        String slug = created.jsonPath().getString("slug");

        String page = WebClient.anonymous().get(Uncached.path("/posts/" + slug)).asString();
        assertThat(page).contains("<img class=\"featured-image u-photo\" src=\"/media/" + hash + "-960.jpg\" srcset=\"/media/"
                + hash + "-480.jpg 480w, /media/" + hash + "-960.jpg 960w, /media/" + hash + "-1600.jpg 1600w, /media/"
                + hash + "-1800.jpg 1800w\"").contains("width=\"1800\" height=\"900\" alt=\"A harbour at dusk\"");
        // the body has no image, yet the post has a social card: its featured image in the largest width
        assertThat(page).containsPattern("<meta property=\"og:image\" content=\"https?://[^\"/]+/media/" + hash
                + "-1800\\.jpg\">").contains("<meta name=\"twitter:card\" content=\"summary_large_image\">");

        String home = WebClient.anonymous().get(Uncached.path("/")).asString();
        assertThat(home).containsPattern("<img class=\"featured-thumb\" src=\"/media/" + hash
                + "-960.jpg\" srcset=\"[^\"]+\" sizes=\"[^\"]+\" width=\"1800\" height=\"900\" alt=\"\" loading=\"lazy\"");
    }

    @Test
    void theFeedsCarryTheFeaturedImageAsAnEnclosure() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Feeding Author").signIn();
        String url = MediaApiTest.upload(author, "feed.jpg", TestImages.jpeg(820, 410), "image/jpeg", "Feed")
                .jsonPath().getString("url");
        author.json().body(apiPost(TestPosts.unique("In the feed "), url)).post("/api/v1/posts");

        // the size of the file the enclosure links, as a reader's feed client downloads it
        int size = ServedImages.length(url);

        String atom = FeedRules.check("/feed");
        assertThat(atom).containsPattern("<link rel=\"enclosure\" type=\"image/jpeg\" href=\"https?://[^\"/]+"
                + url.replace(".", "\\.") + "\" length=\"" + size + "\"");
        String rss = FeedRules.check("/rss");
        assertThat(rss).containsPattern("<enclosure url=\"https?://[^\"/]+" + url.replace(".", "\\.")
                + "\" length=\"" + size + "\" type=\"image/jpeg\" />");
    }

    @Test
    void anImageStoredBeforeSizesWereKeptIsAnEnclosureOnceTheSweepHasReadItsSize() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Older Feeding Author").signIn();
        Response uploaded = MediaApiTest.upload(author, "older-feed.jpg", TestImages.jpeg(640, 320), "image/jpeg",
                "Older feed");
        long id = uploaded.jsonPath().getLong("id");
        String url = uploaded.jsonPath().getString("url");
        // as an image stored before its size was kept
        QuarkusTransaction.requiringNew().run(() -> Media.update("largestSize = null where id = ?1", id));
        String title = TestPosts.unique("Older in the feed ");
        author.json().body(apiPost(title, url)).post("/api/v1/posts");
        assertThat(FeedRules.check("/rss")).contains(title).doesNotContain("<enclosure url=\"" + siteUrl() + url);

        assertThat(media.addMissingSizes(MediaSweep.WEBP_PER_TURN)).isGreaterThanOrEqualTo(1);

        int size = ServedImages.length(url);
        assertThat(FeedRules.check("/rss"))
                .contains("<enclosure url=\"" + siteUrl() + url + "\" length=\"" + size + "\" type=\"image/jpeg\" />");
    }

    @Test
    void theFeaturedImageWinsOverTheBodysFirstImageOnTheSocialCard() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Card Author").signIn();
        String inBody = MediaApiTest.upload(author, "body.jpg", TestImages.jpeg(700, 400), "image/jpeg", "Body")
                .jsonPath().getString("url");
        String cover = MediaApiTest.upload(author, "card.jpg", TestImages.jpeg(900, 500), "image/jpeg", "Card")
                .jsonPath().getString("url");
        Map<String, Object> post = apiPost(TestPosts.unique("Two images "), cover);
        post.put("body", "![Body](" + inBody + ")");

        String slug = author.json().body(post).post("/api/v1/posts").jsonPath().getString("slug");

        String page = WebClient.anonymous().get(Uncached.path("/posts/" + slug)).asString();
        assertThat(page).containsPattern("og:image\" content=\"[^\"]+" + cover.replace(".", "\\.") + "\"");
    }

    @Test
    void theWritePageChoosesFromTheLibraryOrTakesAPastedAddressWithoutScript() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Form Author").signIn();
        Response uploaded = MediaApiTest.upload(author, "chosen-cover.jpg", TestImages.jpeg(640, 480), "image/jpeg",
                "Chosen");
        long id = uploaded.jsonPath().getLong("id");
        String url = uploaded.jsonPath().getString("url");

        String write = author.get("/write").asString();
        assertThat(write).contains("<option value=\"" + id + "\">chosen-cover.jpg: Chosen</option>");

        Map<String, Object> form = form(TestPosts.unique("Chosen by select "));
        form.put("featuredImage", Long.toString(id));
        Response saved = author.postForm("/write", form);
        assertThat(saved.statusCode()).isEqualTo(303);
        String edit = author.get(saved.header("Location").replaceFirst("^https?://[^/]+", "") + "/edit").asString();
        assertThat(edit).contains("<option value=\"" + id + "\" selected>");

        Map<String, Object> pasted = form(TestPosts.unique("Chosen by address "));
        pasted.put("featuredImage", "");
        // any width's address names the image
        pasted.put("featuredImageUrl", url.replaceFirst("-\\d+\\.jpg$", "-480.jpg"));
        Response byUrl = author.postForm("/write", pasted);
        assertThat(byUrl.statusCode()).isEqualTo(303);
        assertThat(WebClient.anonymous().get(byUrl.header("Location")).asString()).contains("class=\"featured-image");

        Map<String, Object> wrong = form(TestPosts.unique("Wrong image "));
        wrong.put("featuredImageUrl", "https://example.org/elsewhere.jpg");
        Response refused = author.postForm("/write", wrong);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("Choose an image of the media library");
    }

    @Test
    void anUnknownFeaturedImageIsRefusedAndABlankOneRemovesIt() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Careful Author").signIn();
        Response refused = author.json().body(apiPost(TestPosts.unique("Nothing "), "99999999")).post("/api/v1/posts");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.jsonPath().getString("errors.featuredImage")).contains("media library");

        long id = MediaApiTest.upload(author, "gone.jpg", TestImages.jpeg(200, 100), "image/jpeg", "Soon gone")
                .jsonPath().getLong("id");
        String slug = author.json().body(apiPost(TestPosts.unique("Featured then not "), Long.toString(id)))
                .post("/api/v1/posts").jsonPath().getString("slug");
        // an update that does not mention it keeps it
        Response kept = author.json().body(Map.of("title", "Featured still", "body", "x", "status", "PUBLISHED"))
                .put("/api/v1/posts/" + slug);
        assertThat(kept.jsonPath().getLong("featuredImage")).isEqualTo(id);

        Response removed = author.json().body(Map.of("title", "Featured no more", "body", "x", "status", "PUBLISHED",
                "featuredImage", "")).put("/api/v1/posts/" + slug);
        assertThat(removed.jsonPath().getString("featuredImage")).isNull();
        assertThat(WebClient.anonymous().get(Uncached.path("/posts/" + slug)).asString())
                .doesNotContain("featured-image");
    }

    @Test
    void anImageFeaturedByAPostCannotBeDeletedAndTheAnswerNamesThePost() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Keeping Author").signIn();
        long id = MediaApiTest.upload(author, "kept.jpg", TestImages.jpeg(300, 200), "image/jpeg", "Kept")
                .jsonPath().getLong("id");
        String title = TestPosts.unique("Features it ");
        author.json().body(apiPost(title, Long.toString(id))).post("/api/v1/posts");

        Response refused = author.json().delete("/api/v1/media/" + id);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("errors.file")).contains("“" + title + "”");
    }

    @Test
    void featuredImagesAddNoStatementToTheHomePageOrThePostPage() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Counting Author").signIn();
        String plain = author.json().body(apiPost(TestPosts.unique("Plain "), null)).post("/api/v1/posts")
                .jsonPath().getString("slug");
        long plainPost = statementsFor("/posts/" + plain);
        long home = statementsFor("/");

        String featured = null;
        for (int i = 0; i < 5; i++) {
            long id = MediaApiTest.upload(author, "count" + i + ".jpg", TestImages.jpeg(300 + i, 200), "image/jpeg",
                    "Count " + i).jsonPath().getLong("id");
            featured = author.json().body(apiPost(TestPosts.unique("Counted "), Long.toString(id)))
                    .post("/api/v1/posts").jsonPath().getString("slug");
        }

        assertThat(WebClient.anonymous().get(Uncached.path("/")).asString()).contains("featured-thumb");
        assertThat(statementsFor("/")).isEqualTo(home);
        assertThat(statementsFor("/posts/" + featured)).isEqualTo(plainPost);
    }

    private static Map<String, Object> form(String title) {
        Map<String, Object> form = new HashMap<>();
        form.put("title", title);
        form.put("body", "Text.");
        form.put("tags", "");
        form.put("category", "Uncategorized");
        form.put("status", "PUBLISHED");
        form.put("commentsOpen", "on");
        form.put("kind", "POST");
        form.put("action", "save");
        return form;
    }
}
