package org.quillpress.wxr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.quillpress.media.TestImages;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A WordPress site's images come across from a copy of its wp-content/uploads (folder or zip), named on the
 * admin import page: imported through the media library and the posts rewritten to their new addresses.
 */
@QuarkusTest
class ImportedAttachmentsTest {

    private static final Duration IMPORT_TIME = Duration.ofMinutes(2);
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /**
     * A tiny export (each from a site of its own, or the importer would take it for one seen before): one post showing a
     * resized copy, the original, a missing image and a non-image.
     */
    static String wxr(String marker) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                  <title>Old Pictures</title>
                  <link>https://pictures.example</link>
                  <wp:wxr_version>1.2</wp:wxr_version>
                  <wp:base_site_url>https://pictures.example</wp:base_site_url>
                  <item>
                    <title>Gallery MARKER</title>
                    <dc:creator>photographer</dc:creator>
                    <content:encoded><![CDATA[<p>Boats:</p>
                <img src="https://pictures.example/wp-content/uploads/2019/05/boat-MARKER-300x200.jpg" alt="A boat" width="300" height="200">
                <a href="https://pictures.example/wp-content/uploads/2019/05/boat-MARKER.jpg">full size</a>
                <img src="/wp-content/uploads/2019/05/sail-MARKER.png" alt="A sail">
                <img src="https://pictures.example/wp-content/uploads/2019/05/lost-MARKER.jpg" alt="Lost">
                <img src="https://pictures.example/wp-content/uploads/2019/05/fake-MARKER.jpg" alt="Fake">]]></content:encoded>
                    <excerpt:encoded><![CDATA[]]></excerpt:encoded>
                    <wp:post_id>POSTID</wp:post_id>
                    <wp:post_date>2019-05-01 12:00:00</wp:post_date>
                    <wp:post_date_gmt>2019-05-01 10:00:00</wp:post_date_gmt>
                    <wp:comment_status>closed</wp:comment_status>
                    <wp:post_name>gallery-MARKER</wp:post_name>
                    <wp:status>publish</wp:status>
                    <wp:post_parent>0</wp:post_parent>
                    <wp:menu_order>0</wp:menu_order>
                    <wp:post_type>post</wp:post_type>
                    <wp:post_password></wp:post_password>
                  </item>
                </channel>
                </rss>
                """
                .replace("MARKER", marker)
                .replace("POSTID", Long.toString(1000 + Math.floorMod(marker.hashCode(), 1_000_000))).strip();
    }

    /** The uploads folder WordPress would have: originals and a resized copy, one file that is no image. */
    static Path uploads(String marker) throws IOException {
        Path root = Files.createTempDirectory("wp-uploads-");
        Path month = Files.createDirectories(root.resolve("wp-content/uploads/2019/05"));
        Files.write(month.resolve("boat-" + marker + ".jpg"), TestImages.jpeg(1200, 800));
        Files.write(month.resolve("boat-" + marker + "-300x200.jpg"), TestImages.jpeg(300, 200));
        Files.write(month.resolve("sail-" + marker + ".png"), TestImages.transparentPng(400, 300));
        Files.writeString(month.resolve("fake-" + marker + ".jpg"), "<?php echo 'not an image'; ?>");
        return root;
    }

    static Path zip(Path folder) throws IOException {
        Path zip = Files.createTempFile("wp-uploads-", ".zip");
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream zipped = new ZipOutputStream(out);
                var files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zipped.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                zipped.write(Files.readAllBytes(file));
                zipped.closeEntry();
            }
        }
        return zip;
    }

    private static Response upload(WebClient client, String xml, String uploads) {
        Matcher m = TOKEN.matcher(client.get("/admin/import").asString());
        assertThat(m.find()).isTrue();
        return client.keep(client.request().multiPart("file", "site.xml", xml.getBytes(StandardCharsets.UTF_8),
                "application/xml").multiPart("csrf-token", m.group(1)).multiPart("uploads", uploads)
                .post("/admin/import"));
    }

    private static String report(WebClient owner, Response uploaded) {
        assertThat(uploaded.statusCode()).isEqualTo(303);
        return await().atMost(IMPORT_TIME).until(() -> owner.get(uploaded.header("Location")).asString(),
                shown -> shown.contains("Images from the uploads folder"));
    }

    @Test
    void imagesComeAcrossFromAnUploadsFolderAndThePostPointsAtThem() throws IOException {
        WebClient owner = WebClient.owner();
        String marker = "folder" + System.nanoTime();

        String page = report(owner, upload(owner, wxr(marker), uploads(marker).toString()));

        // the resized copy and the link both name the boat; the missing and the fake image stay as they were
        // (other tests' posts that still name old addresses are counted too: each import tries every post)
        assertThat(page).containsPattern("Images from the uploads folder: [2-9] imported, [1-9] missing, [1-9] "
                + "refused, [3-9] addresses rewritten in [1-9] posts.");
        String post = WebClient.anonymous().get("/posts/gallery-" + marker).asString();
        assertThat(post).doesNotContain("boat-" + marker).doesNotContain("sail-" + marker)
                .contains("lost-" + marker)// served as the library serves it: a width that fits, the others in srcset, at the width WordPress showed
                .containsPattern("<img src=\"/media/[0-9a-f]+-\\d+\\.jpg\" alt=\"A boat\" width=\"300\" height=\"200\" "
                        + "srcset=\"/media/[^\"]+-1200\\.jpg 1200w\"")
                .containsPattern("href=\"/media/[0-9a-f]+-1200\\.jpg\"")
                .containsPattern("<img src=\"/media/[0-9a-f]+-400\\.png\"[^>]*alt=\"A sail\"");
        Matcher image = Pattern.compile("href=\"(/media/[0-9a-f]+-1200\\.jpg)\"").matcher(post);
        assertThat(image.find()).isTrue();
        assertThat(WebClient.anonymous().get(image.group(1)).statusCode()).isEqualTo(200);
    }

    @Test
    void aZipOfTheUploadsFolderWorksTheSame() throws IOException {
        WebClient owner = WebClient.owner();
        String marker = "zip" + System.nanoTime();

        String page = report(owner, upload(owner, wxr(marker), zip(uploads(marker)).toString()));

        assertThat(page).containsPattern("[2-9] imported, [1-9] missing, [1-9] refused, [3-9] addresses rewritten");
        assertThat(WebClient.anonymous().get("/posts/gallery-" + marker).asString())
                .doesNotContain("boat-" + marker).contains("/media/");
    }

    @Test
    void theExportHasAnAttachmentItemForEachImageAPostUsesWithItsAbsoluteAddress() throws IOException {
        WebClient owner = WebClient.owner();
        String marker = "export" + System.nanoTime();
        report(owner, upload(owner, wxr(marker), uploads(marker).toString()));
        Matcher used = Pattern.compile("src=\"(/media/[0-9a-f]+-400\\.png)\"")
                .matcher(WebClient.anonymous().get("/posts/gallery-" + marker).asString());
        assertThat(used.find()).isTrue();

        String wxr = owner.get("/admin/export.xml").asString();

        assertThat(wxr).containsPattern("<wp:post_type>attachment</wp:post_type><wp:attachment_url>https?://[^<]+"
                + used.group(1).replace(".", "\\.") + "</wp:attachment_url>");
        // a refused file never became an entry, so it is no attachment
        assertThat(wxr).doesNotContain("<title>fake-" + marker);
    }

    @Test
    void anUploadsPathThatIsNotThereIsRefusedBeforeAnythingIsImported() {
        WebClient owner = WebClient.owner();
        String marker = "nowhere" + System.nanoTime();

        Response refused = upload(owner, wxr(marker), "/nowhere/" + marker);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("no readable folder or .zip file");
        assertThat(WebClient.anonymous().get("/posts/gallery-" + marker).statusCode()).isEqualTo(404);
    }
}
