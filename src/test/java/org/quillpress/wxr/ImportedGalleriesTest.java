package org.quillpress.wxr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quillpress.media.Media;
import org.quillpress.media.TestImages;
import org.quillpress.support.WebClient;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A WordPress blog whose old site is still online: its attachments are downloaded (from an HTTP server this test
 * starts on loopback, which the test configuration alone allows), galleries and wp-image-N images show them from
 * the media library with their other widths, an attachment no post shows comes in too, and editing an imported
 * post keeps its gallery.
 */
@QuarkusTest
class ImportedGalleriesTest {

    private static final Duration IMPORT_TIME = Duration.ofMinutes(2);
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private HttpServer oldSite;
    private String site;
    private String marker;

    @BeforeEach
    void startOldSite() throws IOException {
        marker = "g" + System.nanoTime();
        Map<String, byte[]> files = new HashMap<>();
        files.put("/wp-content/uploads/2020/03/pier-" + marker + ".jpg", TestImages.jpeg(1200, 800));
        files.put("/wp-content/uploads/2020/03/buoy-" + marker + ".png", TestImages.transparentPng(400, 300));
        files.put("/wp-content/uploads/2020/03/harbour-" + marker + ".jpg", TestImages.jpeg(900, 600));
        oldSite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        oldSite.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        oldSite.start();
        site = "http://127.0.0.1:" + oldSite.getAddress().getPort();
    }

    @AfterEach
    void stopOldSite() {
        oldSite.stop(0);
    }

    private String wxr() {
        String uploads = site + "/wp-content/uploads/2020/03/";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                  <title>Harbour pictures</title>
                  <link>SITE</link>
                  <wp:wxr_version>1.2</wp:wxr_version>
                  <wp:base_site_url>SITE</wp:base_site_url>
                  ITEM(10, post, gallery-M, Shortcode gallery M, 0, , <![CDATA[<p>Our harbour:</p>
                [gallery columns="2" ids="21,22,23"]
                <img class="alignright size-medium wp-image-21" src="UPLOADSpier-M-300x200.jpg" alt="The pier" width="300" height="200" />]]>)
                  ITEM(11, post, blocks-M, Block gallery M, 0, , <![CDATA[<!-- wp:gallery {"linkTo":"none"} -->
                <figure class="wp-block-gallery has-nested-images columns-default is-cropped"><!-- wp:image {"id":21} -->
                <figure class="wp-block-image size-large"><img src="UPLOADSpier-M-1024x683.jpg" alt="" class="wp-image-21"/></figure>
                <!-- /wp:image --><!-- wp:image {"id":22} -->
                <figure class="wp-block-image size-large"><img src="UPLOADSbuoy-M.png" alt="" class="wp-image-22"/></figure>
                <!-- /wp:image --></figure>
                <!-- /wp:gallery -->]]>)
                  ITEM(21, attachment, pier-M, The pier M, 10, UPLOADSpier-M.jpg, <![CDATA[]]>)
                  ITEM(22, attachment, buoy-M, A buoy M, 10, UPLOADSbuoy-M.png, <![CDATA[]]>)
                  ITEM(23, attachment, gone-M, Gone M, 10, UPLOADSgone-M.jpg, <![CDATA[]]>)
                  ITEM(24, attachment, harbour-M, Harbour at night M, 0, UPLOADSharbour-M.jpg, <![CDATA[]]>)
                  ITEM(25, attachment, inside-M, Inside M, 0, http://10.255.255.1/wp-content/uploads/inside-M.jpg, <![CDATA[]]>)
                </channel>
                </rss>
                """
                .replaceAll("ITEM\\((\\d+), (\\w+), ([\\w-]+), ([^,]+), (\\d+), ([^,]*), (<!\\[CDATA\\[(?s:.*?)\\]\\]>)\\)", """
                        <item>
                            <title>$4</title>
                            <dc:creator>harbourmaster</dc:creator>
                            <content:encoded>$7</content:encoded>
                            <excerpt:encoded><![CDATA[]]></excerpt:encoded>
                            <wp:post_id>$1</wp:post_id>
                            <wp:post_date>2020-03-01 12:00:00</wp:post_date>
                            <wp:post_date_gmt>2020-03-01 11:00:00</wp:post_date_gmt>
                            <wp:comment_status>closed</wp:comment_status>
                            <wp:post_name>$3</wp:post_name>
                            <wp:status>publish</wp:status>
                            <wp:post_parent>$5</wp:post_parent>
                            <wp:menu_order>0</wp:menu_order>
                            <wp:post_type>$2</wp:post_type>
                            <wp:post_password></wp:post_password>
                            <wp:attachment_url>$6</wp:attachment_url>
                          </item>""").replace("UPLOADS", uploads).replace("SITE", site).replace("-M", "-" + marker)
                .replace(" M", " " + marker).strip();
    }

    private String importDownloading() {
        WebClient owner = WebClient.owner();
        Matcher m = TOKEN.matcher(owner.get("/admin/import").asString());
        assertThat(m.find()).isTrue();
        Response started = owner.keep(owner.request()
                .multiPart("file", "site.xml", wxr().getBytes(StandardCharsets.UTF_8), "application/xml")
                .multiPart("csrf-token", m.group(1)).multiPart("download", "true").post("/admin/import"));
        assertThat(started.statusCode()).isEqualTo(303);
        return await().atMost(IMPORT_TIME).until(() -> owner.get(started.header("Location")).asString(),
                shown -> shown.contains("Images downloaded from the old site"));
    }

    @Test
    void downloadedAttachmentsShowInGalleriesFromTheLibraryAndTheReportCountsThem() {
        String report = importDownloading();

        // pier, buoy and harbour come in; the missing file and the private address fail
        assertThat(report).contains("Downloads: 3 downloaded, 2 failed.")
                .contains("1 attachment(s) no post shows are in the media library all the same")
                .contains("gallery or image not in the media library (it still points at the old site)");
        String gallery = WebClient.anonymous().get("/posts/gallery-" + marker).asString();
        assertThat(gallery).contains("<div class=\"gallery columns-2\">")
                .containsPattern("<img src=\"/media/[0-9a-f]+-\\d+\\.jpg\" alt=\"The pier " + marker
                        + "\" width=\"1200\" height=\"800\" srcset=\"/media/[^\"]+ 1200w\"")
                .containsPattern("<img src=\"/media/[0-9a-f]+-400\\.png\" alt=\"A buoy " + marker + "\"")
                // the classic image keeps the width WordPress showed it at, in the image's own proportions
                .containsPattern("<img class=\"alignright size-medium wp-image-21\" src=\"/media/[^\"]+\" alt=\"The pier\""
                        + " width=\"300\" height=\"200\" srcset=\"/media/")
                .doesNotContain(site + "/wp-content/uploads/2020/03/pier-")
                .doesNotContain(site + "/wp-content/uploads/2020/03/buoy-");
        String blocks = WebClient.anonymous().get("/posts/blocks-" + marker).asString();
        assertThat(blocks).contains("wp-block-gallery").containsPattern("class=\"wp-image-22\"[^>]*srcset=\"/media/")
                .doesNotContain(site + "/wp-content/uploads");

        long unreferenced = QuarkusTransaction.requiringNew()
                .call(() -> Media.count("alt", "Harbour at night " + marker));
        assertThat(unreferenced).isEqualTo(1);
    }

    @Test
    void replacingAnImageAGalleryShowsByItsIdShowsTheNewFileInTheGallery() {
        importDownloading();
        String pierAlt = "The pier " + marker;
        Media pier = QuarkusTransaction.requiringNew().call(() -> Media.<Media> find("alt", pierAlt).firstResult());
        String gallery = "/posts/gallery-" + marker;
        assertThat(WebClient.anonymous().get(gallery).asString()).contains("/media/" + pier.hash + "-");

        WebClient owner = WebClient.owner();
        Response replaced = owner.keep(owner.request().header("X-CSRF-TOKEN", owner.cookie(WebClient.CSRF))
                .accept("application/json").multiPart("file", "new-pier.jpg", TestImages.jpeg(800, 600), "image/jpeg")
                .put("/api/v1/media/" + pier.id));
        assertThat(replaced.statusCode()).isEqualTo(200);
        String newUrl = replaced.jsonPath().getString("url");
        String newHash = newUrl.substring("/media/".length(), newUrl.indexOf('-'));

        // the post names the image only by its WordPress id ([gallery ids=...], wp-image-21), never by its file
        String shown = WebClient.anonymous().get(gallery).asString();
        assertThat(shown).contains("<div class=\"gallery columns-2\">")
                .containsPattern("<img src=\"/media/" + newHash + "-\\d+\\.jpg\" alt=\"" + pierAlt
                        + "\" width=\"800\" height=\"600\"")
                .doesNotContain("/media/" + pier.hash + "-");
        assertThat(WebClient.anonymous().get("/posts/blocks-" + marker).asString())
                .doesNotContain("/media/" + pier.hash + "-").contains("/media/" + newHash + "-");
    }

    @Test
    void savingAnImportedGalleryPostOnTheWritePageKeepsItsGrid() {
        importDownloading();
        WebClient owner = WebClient.owner();
        String slug = "gallery-" + marker;
        String edit = owner.get("/posts/" + slug + "/edit").asString();
        Matcher body = Pattern.compile("<textarea[^>]*name=\"body\"[^>]*>(.*?)</textarea>", Pattern.DOTALL)
                .matcher(edit);
        assertThat(body.find()).isTrue();
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(edit);
        assertThat(version.find()).isTrue();
        String source = body.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        assertThat(source).contains("[gallery columns=\"2\" ids=\"21,22,23\"]");

        Map<String, Object> form = new HashMap<>();
        form.put("title", "Shortcode gallery, edited " + marker);
        form.put("body", source.replaceFirst("^\\n", "") + "\n\nOne more line.");
        form.put("tags", "");
        form.put("category", "Uncategorized");
        form.put("status", "PUBLISHED");
        form.put("commentsOpen", "on");
        form.put("kind", "POST");
        form.put("action", "save");
        form.put("slug", slug);
        form.put("version", version.group(1));
        assertThat(owner.postForm("/posts/" + slug + "/edit", form).statusCode()).isEqualTo(303);

        String shown = WebClient.anonymous().get("/posts/" + slug).asString();
        assertThat(shown).contains("edited " + marker).contains("<div class=\"gallery columns-2\">")
                .containsPattern("<img src=\"/media/[0-9a-f]+-\\d+\\.jpg\" alt=\"The pier " + marker + "\"")
                .contains("One more line.").doesNotContain("[gallery");
    }
}
