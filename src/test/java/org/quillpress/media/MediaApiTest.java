package org.quillpress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class MediaApiTest {

    /** The test profile's folder store (application.properties). */
    static final Path STORE = Path.of("target/test-media");

    static Response upload(WebClient client, String name, byte[] bytes, String type, String alt) {
        if (client.cookie(WebClient.CSRF) == null) {
            client.get("/");
        }
        var request = client.request().header("X-CSRF-TOKEN", client.cookie(WebClient.CSRF)).accept("application/json")
                .multiPart("file", name, bytes, type);
        if (alt != null) {
            request.multiPart("alt", alt);
        }
        return client.keep(request.post("/api/v1/media"));
    }

    static long mediaRows() {
        return QuarkusTransaction.requiringNew().call(() -> Media.count());
    }

    @Test
    void aPhoneAuthorsPhotoComesBackResizedAndWithoutItsLocation() throws Exception {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Photo Author").signIn();
        byte[] photo = TestImages.resource("photo-gps.jpg");
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("QuillCam");

        Response created = upload(author, "IMG_0001.jpg", photo, "image/jpeg", "A gradient test photo");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.jsonPath().getInt("width")).isEqualTo(1600);
        assertThat(created.jsonPath().getInt("height")).isEqualTo(1200);
        assertThat(created.jsonPath().getString("alt")).isEqualTo("A gradient test photo");
        assertThat(created.jsonPath().getString("srcset")).contains(" 480w", " 960w", " 1600w");
        String url = created.jsonPath().getString("url");
        assertThat(url).matches("/media/[0-9a-f]{24}-1600\\.jpg");

        Response served = WebClient.anonymous().get(url);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.contentType()).isEqualTo("image/jpeg");
        assertThat(served.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        byte[] bytes = served.asByteArray();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("QuillCam").doesNotContain("Exif").doesNotContain("GPS");
        assertThat(bytes).isNotEqualTo(photo);
        assertThat(TestImages.decode(bytes).getWidth()).isEqualTo(1600);

        Response again = WebClient.anonymous().request().header("If-None-Match", served.header("ETag")).get(url);
        assertThat(again.statusCode()).isEqualTo(304);

        Response smallest = WebClient.anonymous().get(url.replace("-1600.", "-480."));
        assertThat(TestImages.decode(smallest.asByteArray()).getHeight()).isEqualTo(360);
        // readable by a web server in front that serves the folder itself
        assertThat(Files.getPosixFilePermissions(STORE.resolve(url.substring("/media/".length()))))
                .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
    }

    @Test
    void webpAndGifUploadsBecomeJpegs() throws Exception {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Format Author").signIn();

        Response webp = upload(author, "sample.webp", TestImages.resource("sample.webp"), "image/webp", null);
        assertThat(webp.statusCode()).isEqualTo(201);
        assertThat(webp.jsonPath().getString("url")).endsWith("-640.jpg");
        assertThat(webp.jsonPath().getInt("height")).isEqualTo(480);

        java.io.ByteArrayOutputStream gif = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(TestImages.decode(TestImages.jpeg(90, 60)), "gif", gif);
        Response fromGif = upload(author, "anim.gif", gif.toByteArray(), "image/gif", null);
        assertThat(fromGif.statusCode()).isEqualTo(201);
        assertThat(fromGif.jsonPath().getString("url")).endsWith("-90.jpg");
    }

    @Test
    void whatHidesBehindAnImageIsNotServed() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Polyglot Author").signIn();
        byte[] jpeg = TestImages.jpeg(320, 240);
        byte[] tail = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] polyglot = java.util.Arrays.copyOf(jpeg, jpeg.length + tail.length);
        System.arraycopy(tail, 0, polyglot, jpeg.length, tail.length);

        Response created = upload(author, "poly.jpg", polyglot, "image/jpeg", null);

        assertThat(created.statusCode()).isEqualTo(201);
        String served = new String(WebClient.anonymous().get(created.jsonPath().getString("url")).asByteArray(),
                StandardCharsets.ISO_8859_1);
        assertThat(served).doesNotContain("<script>", "<html>");
    }

    @Test
    void aPortraitPhotoIsTurnedUprightByItsExifOrientation() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Portrait Author").signIn();

        Response created = upload(author, "portrait.jpg", TestImages.jpegWithOrientation6(300, 200), "image/jpeg",
                null);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.jsonPath().getInt("width")).isEqualTo(200);
        assertThat(created.jsonPath().getInt("height")).isEqualTo(300);
        byte[] served = WebClient.anonymous().get(created.jsonPath().getString("url")).asByteArray();
        assertThat(TestImages.decode(served).getHeight()).isEqualTo(300);
    }

    @Test
    void anImageWithTransparencyStaysAPng() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Logo Author").signIn();

        Response created = upload(author, "logo.png", TestImages.transparentPng(600, 300), "image/png", "Logo");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.jsonPath().getString("url")).endsWith("-600.png");
        Response served = WebClient.anonymous().get(created.jsonPath().getString("url"));
        assertThat(served.contentType()).isEqualTo("image/png");
        assertThat(TestImages.decode(served.asByteArray()).getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void theSameFileTwiceIsOneEntry() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Twice Author").signIn();
        byte[] image = TestImages.jpeg(500, 400);

        Response first = upload(author, "a.jpg", image, "image/jpeg", null);
        Response second = upload(author, "b.jpg", image, "image/jpeg", null);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.jsonPath().getLong("id")).isEqualTo(first.jsonPath().getLong("id"));
    }

    @Test
    void whatIsNotASafeImageIsRefusedNamingTheProblemAndNothingIsStored() throws Exception {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Careless Author").signIn();
        long rows = mediaRows();
        long files = files();

        Response text = upload(author, "photo.jpg", "not an image at all\n".getBytes(), "image/jpeg", null);
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");
        assertThat(text.jsonPath().getString("errors.file")).contains("not an image");

        Response svg = upload(author, "x.svg", ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">"
                + "<script>alert(2)</script></svg>").getBytes(), "image/svg+xml", null);
        assertThat(svg.statusCode()).isEqualTo(415);
        assertThat(svg.jsonPath().getString("errors.file")).contains("SVG");

        byte[] whole = TestImages.jpeg(800, 600);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        Response truncated = upload(author, "cut.jpg", cut, "image/jpeg", null);
        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(truncated.jsonPath().getString("errors.file")).contains("damaged or cut off");

        Response bomb = upload(author, "bomb.png", TestImages.pngClaiming(20_000, 20_000), "image/png", null);
        assertThat(bomb.statusCode()).isEqualTo(413);
        assertThat(bomb.jsonPath().getString("errors.file")).contains("400 megapixels", "limit is 50");

        Response none = client(author).multiPart("alt", "no file").post("/api/v1/media");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.jsonPath().getString("errors.file")).isEqualTo("Choose an image to upload.");

        assertThat(mediaRows()).isEqualTo(rows);
        assertThat(files()).isEqualTo(files);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Huge Author").signIn();

        Response huge = upload(author, "huge.jpg", new byte[21 * 1024 * 1024], "image/jpeg", null);

        assertThat(huge.statusCode()).isEqualTo(413);
    }

    @TestHTTPResource("/api/v1/media")
    URI api;

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(api).header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[21 * 1024 * 1024])).build();

        HttpResponse<String> refused = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("larger than 20 MB");
    }

    @Test
    void onlyAuthorsAndAboveUpload() {
        byte[] image = TestImages.jpeg(100, 100);

        Response guest = WebClient.anonymous().request().multiPart("file", "a.jpg", image, "image/jpeg")
                .post("/api/v1/media");
        assertThat(guest.statusCode()).isEqualTo(401);

        WebClient reader = TestAccounts.create(Role.READER, "Curious Reader").signIn();
        assertThat(upload(reader, "a.jpg", image, "image/jpeg", null).statusCode()).isEqualTo(403);
        assertThat(reader.get("/api/v1/media").statusCode()).isEqualTo(403);
    }

    @Test
    void aSessionUploadWithoutTheCsrfTokenIsRefused() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Tricked Author").signIn();
        long rows = mediaRows();

        Response forged = author.request().multiPart("file", "a.jpg", TestImages.jpeg(100, 100), "image/jpeg")
                .post("/api/v1/media");

        assertThat(forged.statusCode()).isBetween(400, 403);
        assertThat(mediaRows()).isEqualTo(rows);
    }

    @Test
    void aPostShowsAnUploadedImageWithItsSizesAndWidths() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Illustrating Author").signIn();
        Response created = upload(author, "view.jpg", TestImages.jpeg(2000, 1000), "image/jpeg", "A wide view");
        String url = created.jsonPath().getString("url");
        assertThat(url).endsWith("-2000.jpg");

        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Illustrated "),
                "Intro.\n\n![A wide view](" + url + ")\n\n![Elsewhere](https://example.org/a.png)\n", List.of());
        String page = WebClient.anonymous().get("/posts/" + slug).asString();

        String hash = ServedImages.hash(url);
        assertThat(page).contains("<img src=\"/media/" + hash + "-960.jpg\" alt=\"A wide view\" width=\"2000\" "
                + "height=\"1000\" srcset=\"/media/" + hash + "-480.jpg 480w , /media/" + hash + "-960.jpg 960w , "
                + "/media/" + hash + "-1600.jpg 1600w , /media/" + hash + "-2000.jpg 2000w\" "
                + "sizes=\"(max-width: 42rem) 100vw, 42rem\" decoding=\"async\" />");
        assertThat(page).contains("<img src=\"https://example.org/a.png\" alt=\"Elsewhere\" loading=\"lazy\" "
                + "decoding=\"async\" />");
        // the social card shows the post's first image in its largest width
        assertThat(page).containsPattern("<meta property=\"og:image\" content=\"https?://[^\"/]+/media/" + hash
                + "-2000\\.jpg\">").contains("<meta name=\"twitter:card\" content=\"summary_large_image\">");

        String external = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Borrowed "),
                "![Elsewhere](https://example.org/a.png)", List.of());
        assertThat(WebClient.anonymous().get("/posts/" + external).asString()).doesNotContain("og:image");
    }

    @Test
    void anImageAPostUsesCannotBeDeletedAndTheAnswerNamesThePost() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Tidy Author").signIn();
        Response created = upload(author, "used.jpg", TestImages.jpeg(300, 200), "image/jpeg", "Used");
        long id = created.jsonPath().getLong("id");
        String url = created.jsonPath().getString("url");
        String title = TestPosts.unique("Uses it ");
        TestPosts.publish(TestAccounts.owner(), title, "![Used](" + url + ")", List.of());

        Response refused = author.json().delete("/api/v1/media/" + id);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("errors.file")).contains("“" + title + "”");
        assertThat(WebClient.anonymous().get(url).statusCode()).isEqualTo(200);

        Response unused = upload(author, "unused.jpg", TestImages.jpeg(300, 200), "image/jpeg", null);
        WebClient other = TestAccounts.create(Role.AUTHOR, "Other Author").signIn();
        assertThat(other.json().delete("/api/v1/media/" + unused.jsonPath().getLong("id")).statusCode())
                .isEqualTo(404);
        assertThat(author.json().delete("/api/v1/media/" + unused.jsonPath().getLong("id")).statusCode())
                .isEqualTo(204);
        assertThat(WebClient.anonymous().get(unused.jsonPath().getString("url")).statusCode()).isEqualTo(404);
    }

    @Test
    void theUploaderChangesAltTextAndCaption() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Describing Author").signIn();
        long id = upload(author, "d.jpg", TestImages.jpeg(120, 80), "image/jpeg", "Old").jsonPath().getLong("id");

        Response patched = author.json().body(Map.of("caption", "Taken at dawn")).patch("/api/v1/media/" + id);

        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(patched.jsonPath().getString("alt")).isEqualTo("Old");
        assertThat(patched.jsonPath().getString("caption")).isEqualTo("Taken at dawn");
        Response listed = author.get("/api/v1/media?q=dawn");
        assertThat(listed.jsonPath().getList("id", Long.class)).containsExactly(id);
    }

    @Test
    void aFailedUploadLeavesNoFileBehind() throws Exception {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Unlucky Author").signIn();
        byte[] image = TestImages.jpeg(1000, 500);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image)).substring(0, 24);
        // the last file of the upload cannot be written: a folder holds its name
        Path blocker = Files.createDirectories(STORE.resolve(hash + "-1000.jpg"));
        try {
            long rows = mediaRows();

            Response failed = upload(author, "unlucky.jpg", image, "image/jpeg", null);

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(mediaRows()).isEqualTo(rows);
            assertThat(STORE.resolve(hash + "-480.jpg")).doesNotExist();
            assertThat(STORE.resolve(hash + "-960.jpg")).doesNotExist();
        } finally {
            Files.delete(blocker);
        }
    }

    private static io.restassured.specification.RequestSpecification client(WebClient client) {
        return client.request().header("X-CSRF-TOKEN", client.cookie(WebClient.CSRF)).accept("application/json");
    }

    private static long files() throws Exception {
        Files.createDirectories(STORE);
        try (var stream = Files.list(STORE)) {
            return stream.count();
        }
    }
}
