package org.quillpress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.jclouds.blobstore.domain.Blob;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(S3MediaProfile.class)
class S3MediaStoreTest {

    @Test
    void anUploadLandsInTheBucketAndIsServedFromIt() throws Exception {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Cloud Author").signIn();

        Response created = MediaApiTest.upload(author, "IMG_0002.jpg", TestImages.resource("photo-gps.jpg"),
                "image/jpeg", "Sky");

        assertThat(created.statusCode()).isEqualTo(201);
        String url = created.jsonPath().getString("url");
        String name = url.substring(MediaFiles.PREFIX.length());
        Blob blob = S3ProxyResource.blobs().getBlob(S3ProxyResource.BUCKET, name);
        assertThat(blob).isNotNull();
        assertThat(blob.getMetadata().getContentMetadata().getContentType()).isEqualTo("image/jpeg");
        // three widths, each in JPEG and in WebP
        assertThat(S3ProxyResource.blobs().list(S3ProxyResource.BUCKET)).hasSize(6);
        String webp = name.replace(".jpg", ".webp");
        assertThat(S3ProxyResource.blobs().getBlob(S3ProxyResource.BUCKET, webp).getMetadata().getContentMetadata()
                .getContentType()).isEqualTo("image/webp");
        Response servedWebp = WebClient.anonymous().get(MediaFiles.url(webp));
        assertThat(servedWebp.contentType()).isEqualTo("image/webp");
        assertThat(servedWebp.header("Cache-Control")).contains("immutable");

        Response served = WebClient.anonymous().get(url);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.contentType()).isEqualTo("image/jpeg");
        assertThat(served.header("Cache-Control")).contains("immutable");
        byte[] bytes = served.asByteArray();
        try (var in = blob.getPayload().openStream()) {
            assertThat(bytes).isEqualTo(in.readAllBytes());
        }
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("QuillCam");
    }

    @Test
    void deletingAnImageEmptiesItsPlaceInTheBucket() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Tidy Cloud Author").signIn();
        Response created = MediaApiTest.upload(author, "gone.jpg", TestImages.jpeg(700, 300), "image/jpeg", null);
        String url = created.jsonPath().getString("url");
        String name = url.substring(MediaFiles.PREFIX.length());
        assertThat(S3ProxyResource.blobs().blobExists(S3ProxyResource.BUCKET, name)).isTrue();

        Response deleted = author.json().delete("/api/v1/media/" + created.jsonPath().getLong("id"));

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(S3ProxyResource.blobs().blobExists(S3ProxyResource.BUCKET, name)).isFalse();
        assertThat(S3ProxyResource.blobs().blobExists(S3ProxyResource.BUCKET, name.replace("-700.", "-480.")))
                .isFalse();
        assertThat(S3ProxyResource.blobs().blobExists(S3ProxyResource.BUCKET, name.replace("-700.jpg", "-700.webp")))
                .isFalse();
        assertThat(WebClient.anonymous().get(url).statusCode()).isEqualTo(404);
    }

    @Inject
    MediaSweep sweep;

    @Inject
    TestClock clock;

    @Test
    void theSweepEmptiesTheBucketOfFilesNoRowNames() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Swept Cloud Author").signIn();
        Response created = MediaApiTest.upload(author, "kept.jpg", TestImages.jpeg(500, 300), "image/jpeg", null);
        String url = created.jsonPath().getString("url");
        var blobs = S3ProxyResource.blobs();
        String orphan = "00112233445566778899aabb-480.jpg";
        blobs.putBlob(S3ProxyResource.BUCKET, blobs.blobBuilder(orphan).payload(TestImages.jpeg(20, 20)).build());
        String foreign = "backups/notes.txt";
        blobs.putBlob(S3ProxyResource.BUCKET, blobs.blobBuilder(foreign).payload("keep me".getBytes()).build());

        // S3 sets the time of writing itself: a cut-off after it stands for an hour having passed
        sweep.sweep(clock.instant().plusSeconds(60));

        assertThat(blobs.blobExists(S3ProxyResource.BUCKET, orphan)).isFalse();
        assertThat(blobs.blobExists(S3ProxyResource.BUCKET, foreign)).isTrue();
        assertThat(blobs.blobExists(S3ProxyResource.BUCKET, url.substring(MediaFiles.PREFIX.length()))).isTrue();
        assertThat(WebClient.anonymous().get(url).statusCode()).isEqualTo(200);
        blobs.removeBlob(S3ProxyResource.BUCKET, foreign);
        author.json().delete("/api/v1/media/" + created.jsonPath().getLong("id"));
    }
}
