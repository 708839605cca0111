package org.quillpress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class MediaResourceTest {

    @Inject
    EntityManagerFactory emf;

    /** The fewest statements of three runs of {@code request}: timed jobs also query now and then. */
    long statements(Runnable request) {
        var statistics = emf.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            statistics.clear();
            request.run();
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        return fewest;
    }

    @Test
    void theLibraryTakesTheSameStatementsWhateverItsImagesAndServingAFileTakesNone() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Counting Author").signIn();
        String url = MediaApiTest.upload(author, "c.jpg", TestImages.jpeg(100, 100), "image/jpeg", "C").jsonPath()
                .getString("url");
        long before = statements(() -> assertThat(author.get("/media").statusCode()).isEqualTo(200));
        for (int i = 0; i < 5; i++) {
            WebClient other = TestAccounts.create(Role.AUTHOR, "Other Uploader " + i).signIn();
            MediaApiTest.upload(other, "o.jpg", TestImages.jpeg(100, 100), "image/jpeg", "O");
        }
        long after = statements(() -> assertThat(author.get("/media").statusCode()).isEqualTo(200));

        assertThat(after).isEqualTo(before);
        assertThat(statements(() -> assertThat(WebClient.anonymous().get(url).statusCode()).isEqualTo(200)))
                .isZero();
    }

    /** Sends the library's upload form as a browser does: multipart, with the page's CSRF token field. */
    static Response uploadForm(WebClient client, String name, byte[] bytes, String alt) {
        client.get("/media");
        return client.keep(client.request().multiPart("file", name, bytes, "image/jpeg")
                .multiPart("alt", alt).multiPart("caption", "")
                .multiPart(WebClient.CSRF, client.cookie(WebClient.CSRF)).post("/media"));
    }

    @Test
    void anAuthorUploadsWithThePlainFormAndFindsTheImageInTheLibrary() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Library Author").signIn();
        String alt = TestPosts.unique("Harbour at dusk ");

        Response uploaded = uploadForm(author, "harbour.jpg", TestImages.jpeg(1200, 800), alt);

        assertThat(uploaded.statusCode()).isEqualTo(303);
        assertThat(uploaded.header("Location")).endsWith("/media?saved=uploaded");
        String page = author.get("/media?saved=uploaded").asString();
        assertThat(page).contains("Image uploaded.", "harbour.jpg", "1200 × 800", "alt=\"" + alt + "\"")
                .containsPattern("src=\"/media/[0-9a-f]{24}-480\\.jpg\"[^>]* width=\"160\" height=\"107\"")
                .containsPattern("value=\"!\\[" + alt + "\\]\\(/media/[0-9a-f]{24}-1200\\.jpg\\)\"");

        String found = author.get("/media?q=" + alt.substring(alt.length() - 6)).asString();
        assertThat(found).contains("harbour.jpg");
        assertThat(author.get("/media?q=nothing-like-this").asString()).contains("No image matches");
    }

    @Test
    void theUploadFormWithoutItsCsrfTokenIsRefused() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Forged Library Author").signIn();
        author.get("/media");

        Response forged = author.request().multiPart("file", "a.jpg", TestImages.jpeg(50, 50), "image/jpeg")
                .post("/media");

        assertThat(forged.statusCode()).isEqualTo(400);
    }

    @Test
    void aRefusedUploadShowsTheReasonOnThePage() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Wrong File Author").signIn();

        Response refused = uploadForm(author, "notes.jpg", "plain text".getBytes(), "Notes");

        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.asString()).contains("The file is not an image", "value=\"Notes\"");
    }

    @Test
    void deletingAnImageInUseIsRefusedNamingThePostThenAllowedOnceUnused() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Pruning Author").signIn();
        Response created = MediaApiTest.upload(author, "p.jpg", TestImages.jpeg(300, 300), "image/jpeg", "P");
        long id = created.jsonPath().getLong("id");
        String title = TestPosts.unique("Shows the picture ");
        TestPosts.publish(TestAccounts.owner(), title, "![P](" + created.jsonPath().getString("url") + ")",
                List.of());

        Response refused = author.postForm("/media/" + id + "/delete", Map.of(), "/media");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.asString()).contains("Still used by “" + title + "”");

        long unused = MediaApiTest.upload(author, "q.jpg", TestImages.jpeg(300, 300), "image/jpeg", "Q").jsonPath()
                .getLong("id");
        Response deleted = author.postForm("/media/" + unused + "/delete", Map.of(), "/media");
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(author.get("/media?saved=deleted").asString()).contains("Image deleted.").doesNotContain("q.jpg");
    }

    @Test
    void theUploaderChangesTheAltTextAndOthersCannot() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Describing Library Author").signIn();
        long id = MediaApiTest.upload(author, "r.jpg", TestImages.jpeg(200, 100), "image/jpeg", "Before")
                .jsonPath().getLong("id");
        WebClient other = TestAccounts.create(Role.AUTHOR, "Meddling Author").signIn();

        assertThat(other.postForm("/media/" + id + "/describe", Map.of("alt", "Hijacked", "caption", ""), "/media")
                .statusCode()).isEqualTo(404);
        Response saved = author.postForm("/media/" + id + "/describe", Map.of("alt", "After", "caption", "Dawn"),
                "/media");

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(MediaApiTest.upload(author, "r2.jpg", new byte[0], "image/jpeg", null).statusCode())
                .isEqualTo(400);
        assertThat(author.get("/api/v1/media/" + id).jsonPath().getString("alt")).isEqualTo("After");
    }

    @Test
    void theLibraryIsForAuthorsAndAbove() {
        assertThat(WebClient.anonymous().get("/media").statusCode()).isEqualTo(303);
        WebClient reader = TestAccounts.create(Role.READER, "Library Reader").signIn();
        assertThat(reader.get("/media").statusCode()).isEqualTo(403);
    }
}
