package org.quillpress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class MediaReplaceTest {

    static Response replace(WebClient client, long id, byte[] bytes) {
        return client.keep(client.request().header("X-CSRF-TOKEN", client.cookie(WebClient.CSRF))
                .accept("application/json").multiPart("file", "new.jpg", bytes, "image/jpeg")
                .put("/api/v1/media/" + id));
    }

    @Test
    void aReplacedImageKeepsItsIdAndDescriptionAndEveryPostShowsTheNewOne() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Replacing Author").signIn();
        Response created = MediaApiTest.upload(author, "old.jpg", TestImages.jpeg(2000, 1000), "image/jpeg",
                "The harbour");
        long id = created.jsonPath().getLong("id");
        String oldUrl = created.jsonPath().getString("url");
        String oldHash = ServedImages.hash(oldUrl);
        String title = TestPosts.unique("Harbour ");
        String slug = TestPosts.publish(TestAccounts.owner(), title, "![The harbour](" + oldUrl + ")", List.of());
        // the page is in the page cache now
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).contains("/media/" + oldHash + "-960.jpg");

        Response replaced = replace(author, id, TestImages.jpeg(800, 600));

        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.jsonPath().getLong("id")).isEqualTo(id);
        assertThat(replaced.jsonPath().getString("alt")).isEqualTo("The harbour");
        assertThat(replaced.jsonPath().getInt("width")).isEqualTo(800);
        String newUrl = replaced.jsonPath().getString("url");
        String newHash = ServedImages.hash(newUrl);
        assertThat(newHash).isNotEqualTo(oldHash);
        assertThat(newUrl).endsWith("-800.jpg");

        String page = WebClient.anonymous().get("/posts/" + slug).asString();
        // (the derived excerpt quotes the body's text, old address and all: only what shows changes)
        assertThat(page).doesNotContain("src=\"/media/" + oldHash).doesNotContain(oldHash + "-480.jpg 480w")
                .contains("<img src=\"/media/" + newHash + "-800.jpg\" alt=\"The harbour\" "
                        + "width=\"800\" height=\"600\" srcset=\"/media/" + newHash + "-480.jpg 480w , /media/" + newHash
                        + "-800.jpg 800w\"");
        assertThat(WebClient.anonymous().get(newUrl).statusCode()).isEqualTo(200);
        assertThat(MediaApiTest.STORE.resolve(oldHash + "-2000.jpg")).doesNotExist();
        assertThat(MediaApiTest.STORE.resolve(oldHash + "-960.jpg")).doesNotExist();

        // an old address (a feed reader, a page loaded before) leads to the new file of the nearest width
        Response old = WebClient.anonymous().request().redirects().follow(false).get(oldUrl);
        assertThat(old.statusCode()).isEqualTo(302);
        assertThat(old.header("Location")).isEqualTo(newUrl);
        assertThat(old.header("Cache-Control")).doesNotContain("immutable");
        Response oldSmall = WebClient.anonymous().request().redirects().follow(false)
                .get("/media/" + oldHash + "-960.jpg");
        assertThat(oldSmall.header("Location")).isEqualTo("/media/" + newHash + "-800.jpg");

        // the post still uses it, through its old address
        Response refused = author.json().delete("/api/v1/media/" + id);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("errors.file")).contains("“" + title + "”");
    }

    @Test
    void anImageReplacedTwiceAndBackStillShowsInItsPost() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Undecided Author").signIn();
        byte[] first = TestImages.jpeg(600, 400);
        Response created = MediaApiTest.upload(author, "a.jpg", first, "image/jpeg", "First");
        long id = created.jsonPath().getLong("id");
        String firstUrl = created.jsonPath().getString("url");
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Undecided "),
                "![First](" + firstUrl + ")", List.of());

        String secondHash = ServedImages.hash(replace(author, id, TestImages.jpeg(500, 500)).jsonPath().getString("url"));
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).contains(secondHash);

        Response back = replace(author, id, first);

        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.jsonPath().getString("url")).isEqualTo(firstUrl);
        assertThat(WebClient.anonymous().get(firstUrl).statusCode()).isEqualTo(200);
        String page = WebClient.anonymous().get("/posts/" + slug).asString();
        assertThat(page).contains("width=\"600\" height=\"400\"").doesNotContain(secondHash);
        assertThat(WebClient.anonymous().request().redirects().follow(false).get("/media/" + secondHash + "-500.jpg")
                .header("Location")).isEqualTo(firstUrl.replace("-600.", "-480."));
    }

    @Test
    void onlyTheUploaderOrAnAdminReplacesAndNotWithAnotherImagesFile() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Owning Author").signIn();
        long id = MediaApiTest.upload(author, "mine.jpg", TestImages.jpeg(300, 200), "image/jpeg", null).jsonPath()
                .getLong("id");
        byte[] otherFile = TestImages.jpeg(300, 300);
        MediaApiTest.upload(author, "other.jpg", otherFile, "image/jpeg", null);

        WebClient stranger = TestAccounts.create(Role.AUTHOR, "Stranger Author").signIn();
        stranger.get("/");
        assertThat(replace(stranger, id, TestImages.jpeg(100, 100)).statusCode()).isEqualTo(404);

        Response taken = replace(author, id, otherFile);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.jsonPath().getString("errors.file")).contains("already in the library", "other.jpg");

        Response notImage = replace(author, id, "not an image".getBytes());
        assertThat(notImage.statusCode()).isEqualTo(415);
        assertThat(author.get("/api/v1/media/" + id).jsonPath().getInt("height")).isEqualTo(200);
    }

    @Test
    void theLibraryPageReplacesWithAPlainForm() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Form Replacer").signIn();
        long id = MediaApiTest.upload(author, "form.jpg", TestImages.jpeg(400, 300), "image/jpeg", "Kept alt")
                .jsonPath().getLong("id");
        String library = author.get("/media").asString();
        assertThat(library).contains("action=\"/media/" + id + "/replace\"");

        Response sent = author.keep(author.request().multiPart("file", "newer.jpg", TestImages.jpeg(640, 480),
                "image/jpeg").multiPart(WebClient.CSRF, author.cookie(WebClient.CSRF)).post("/media/" + id + "/replace"));

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(author.get("/media?saved=replaced").asString()).contains("Image replaced", "newer.jpg",
                "640 × 480", "value=\"Kept alt\"");

        Response withoutToken = author.request().multiPart("file", "x.jpg", TestImages.jpeg(10, 10), "image/jpeg")
                .post("/media/" + id + "/replace");
        assertThat(withoutToken.statusCode()).isBetween(400, 403);
    }
}
