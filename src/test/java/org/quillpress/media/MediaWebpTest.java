package org.quillpress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.Uncached;
import org.quillpress.support.WebClient;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** WebP renditions beside the JPEG/PNG ones: written at upload, offered in a picture, gone with their image. */
@QuarkusTest
class MediaWebpTest {

    @Inject
    MediaService media;

    /** The phone photo (EXIF with a camera name and GPS) with a few bytes after its end, so it is a new upload. */
    static byte[] phonePhoto() {
        byte[] photo = TestImages.resource("photo-gps.jpg");
        byte[] unique = TestPosts.unique("").getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = Arrays.copyOf(photo, photo.length + unique.length);
        System.arraycopy(unique, 0, bytes, photo.length, unique.length);
        return bytes;
    }

    static String webp(String url) {
        return url.substring(0, url.lastIndexOf('.')) + ".webp";
    }

    @Test
    void aPhonePhotoIsServedInWebPTooWithoutItsLocationAndPostsOfferIt() throws Exception {
        WebClient author = TestAccounts.create(Role.AUTHOR, "WebP Author").signIn();
        Response created = MediaApiTest.upload(author, "IMG_0002.jpg", phonePhoto(), "image/jpeg", "A gradient photo");
        assertThat(created.statusCode()).isEqualTo(201);
        String url = created.jsonPath().getString("url");
        String hash = ServedImages.hash(url);

        for (int width : List.of(480, 960, 1600)) {
            Response served = WebClient.anonymous().get("/media/" + hash + "-" + width + ".webp");
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.contentType()).isEqualTo("image/webp");
            assertThat(served.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
            byte[] bytes = served.asByteArray();
            // a simple lossy WebP: RIFF, WEBP, then the one VP8 chunk; no VP8X, so no room for EXIF or XMP
            assertThat(new String(bytes, 0, 16, StandardCharsets.ISO_8859_1)).matches("RIFF....WEBPVP8 ");
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain("QuillCam").doesNotContain("EXIF").doesNotContain("Exif");
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
            assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
            assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
            assertThat(TestImages.decode(bytes).getWidth()).isEqualTo(width);
            assertThat(bytes.length).isLessThan(WebClient.anonymous().get("/media/" + hash + "-" + width + ".jpg")
                    .asByteArray().length);
        }

        Map<String, Object> post = FeaturedImageTest.apiPost(TestPosts.unique("WebP post "), url);
        post.put("body", "Before.\n\n![A gradient photo](" + url + ")\n\nAfter.");
        String slug = author.json().body(post).post("/api/v1/posts").jsonPath().getString("slug");

        String page = WebClient.anonymous().get(Uncached.path("/posts/" + slug)).asString();
        String webpSrcset = "/media/" + hash + "-480.webp 480w, /media/" + hash + "-960.webp 960w, /media/" + hash
                + "-1600.webp 1600w";
        // the featured image and the body's image, each a picture whose img keeps its size and JPEG fallback
        assertThat(page).contains("<picture><source type=\"image/webp\" srcset=\"" + webpSrcset
                + "\" sizes=\"(max-width: 42rem) 100vw, 42rem\"><img class=\"featured-image u-photo\" src=\"/media/"
                + hash + "-960.jpg\"");
        assertThat(page).containsPattern("<picture><source type=\"image/webp\" srcset=\"" + webpSrcset
                + "\" sizes=\"\\(max-width: 42rem\\) 100vw, 42rem\"><img src=\"/media/" + hash
                + "-960.jpg\" alt=\"A gradient photo\" width=\"1600\" height=\"1200\" srcset=\"[^\"]+\" sizes=\"[^\"]+\""
                // below the featured image: lazy
                + " loading=\"lazy\"[^>]*></picture>");
        String home = WebClient.anonymous().get(Uncached.path("/")).asString();
        assertThat(home).contains("<picture><source type=\"image/webp\" srcset=\"" + webpSrcset
                + "\" sizes=\"(max-width: 42rem) 100vw, 12rem\"><img class=\"featured-thumb\"");

        // feed readers get the plain JPEG img
        String atom = WebClient.anonymous().get(Uncached.path("/feed")).asString();
        String entry = atom.substring(atom.indexOf("/posts/" + slug));
        entry = entry.substring(0, Math.max(entry.indexOf("</entry>"), 0));
        assertThat(entry).contains(hash + "-960.jpg").doesNotContain("picture").doesNotContain(".webp");
    }

    @Test
    void deletingOrReplacingAnImageTakesItsWebPFilesAlong() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "WebP Deleter").signIn();
        Response created = MediaApiTest.upload(author, "gone.jpg", TestImages.jpeg(1000, 500), "image/jpeg", "Gone");
        long id = created.jsonPath().getLong("id");
        String hash = ServedImages.hash(created.jsonPath().getString("url"));
        List<String> files = List.of(hash + "-480.webp", hash + "-960.webp", hash + "-1000.webp");
        files.forEach(f -> assertThat(MediaApiTest.STORE.resolve(f)).exists());

        Response replaced = MediaReplaceTest.replace(author, id, TestImages.jpeg(700, 350));
        assertThat(replaced.statusCode()).isEqualTo(200);
        String newUrl = replaced.jsonPath().getString("url");
        assertThat(WebClient.anonymous().get(webp(newUrl)).contentType()).isEqualTo("image/webp");
        files.forEach(f -> assertThat(MediaApiTest.STORE.resolve(f)).doesNotExist());
        // an old page's WebP address leads to the new image's WebP of the nearest width
        Response old = WebClient.anonymous().request().redirects().follow(false).get("/media/" + hash + "-960.webp");
        assertThat(old.statusCode()).isEqualTo(302);
        assertThat(old.header("Location")).isEqualTo(webp(newUrl));
        Response oldJpeg = WebClient.anonymous().request().redirects().follow(false).get("/media/" + hash + "-480.jpg");
        assertThat(oldJpeg.header("Location")).isEqualTo(newUrl.replace("-700.", "-480."));

        assertThat(author.json().delete("/api/v1/media/" + id).statusCode()).isEqualTo(204);
        String newHash = ServedImages.hash(newUrl);
        assertThat(MediaApiTest.STORE.resolve(newHash + "-700.webp")).doesNotExist();
        assertThat(MediaApiTest.STORE.resolve(newHash + "-480.webp")).doesNotExist();
        assertThat(WebClient.anonymous().get(webp(newUrl)).statusCode()).isEqualTo(404);
    }

    @Test
    void imagesStoredBeforeWebPGetItFromTheSweepAndTheirPostsOfferIt() throws Exception {
        WebClient author = TestAccounts.create(Role.AUTHOR, "WebP Backfill").signIn();
        Response created = MediaApiTest.upload(author, "older.jpg", TestImages.jpeg(900, 600), "image/jpeg", "Older");
        long id = created.jsonPath().getLong("id");
        String url = created.jsonPath().getString("url");
        String hash = ServedImages.hash(url);
        // as an image uploaded before WebP renditions were written
        QuarkusTransaction.requiringNew().run(() -> Media.update("webp = false where id = ?1", id));
        Files.delete(MediaApiTest.STORE.resolve(hash + "-480.webp"));
        Files.delete(MediaApiTest.STORE.resolve(hash + "-900.webp"));
        String slug = author.json().body(Map.of("title", TestPosts.unique("Older image "), "body",
                "![Older](" + url + ")", "status", "PUBLISHED")).post("/api/v1/posts").jsonPath().getString("slug");
        assertThat(WebClient.anonymous().get(Uncached.path("/posts/" + slug)).asString()).doesNotContain("<picture>");

        assertThat(media.addMissingWebp(MediaSweep.WEBP_PER_TURN)).isGreaterThanOrEqualTo(1);

        assertThat(WebClient.anonymous().get("/media/" + hash + "-900.webp").contentType()).isEqualTo("image/webp");
        assertThat(WebClient.anonymous().get(Uncached.path("/posts/" + slug)).asString())
                .contains("<picture><source type=\"image/webp\" srcset=\"/media/" + hash + "-480.webp 480w, /media/"
                        + hash + "-900.webp 900w\"");
        assertThat(media.addMissingWebp(MediaSweep.WEBP_PER_TURN)).isZero();
    }

    @Test
    void theSweepGivesUpOnAnImageWhoseFileItCannotReadInsteadOfTryingItEveryTurn() throws Exception {
        WebClient author = TestAccounts.create(Role.AUTHOR, "WebP Unreadable").signIn();
        byte[] jpeg = TestImages.jpeg(900, 600);
        Response created = MediaApiTest.upload(author, "broken.jpg", jpeg, "image/jpeg", "Broken");
        long id = created.jsonPath().getLong("id");
        String hash = ServedImages.hash(created.jsonPath().getString("url"));
        QuarkusTransaction.requiringNew().run(() -> Media.update("webp = false where id = ?1", id));
        Files.delete(MediaApiTest.STORE.resolve(hash + "-480.webp"));
        Files.delete(MediaApiTest.STORE.resolve(hash + "-900.webp"));
        byte[] rendition = Files.readAllBytes(MediaApiTest.STORE.resolve(hash + "-480.jpg"));
        // a file damaged in the store: no image can be read from it
        Files.write(MediaApiTest.STORE.resolve(hash + "-480.jpg"), "not an image".getBytes(StandardCharsets.US_ASCII));

        media.addMissingWebp(MediaSweep.WEBP_PER_TURN);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Media.<Media> findById(id).webpFailedAt)).isNotNull();

        // the next turns pass it by, even once the file reads again (only a replaced image gets another chance)
        Files.write(MediaApiTest.STORE.resolve(hash + "-480.jpg"), rendition);
        media.addMissingWebp(MediaSweep.WEBP_PER_TURN);
        assertThat(MediaApiTest.STORE.resolve(hash + "-480.webp")).doesNotExist();
        assertThat(WebClient.anonymous().get("/media/" + hash + "-900.webp").statusCode()).isEqualTo(404);
    }
}
