package org.quillpress.wxr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class WxrResourceTest {

    /** The import runs in the background; on a busy machine even this small file may take a while. */
    private static final Duration IMPORT_TIME = Duration.ofMinutes(2);

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private static Response upload(WebClient client, String xml, boolean withToken) {
        String page = client.get("/admin/import").asString();
        var request = client.request().multiPart("file", "site.xml", xml.getBytes(StandardCharsets.UTF_8),
                "application/xml");
        if (withToken) {
            Matcher m = TOKEN.matcher(page);
            assertThat(m.find()).isTrue();
            request = request.multiPart("csrf-token", m.group(1));
        }
        return client.keep(request.post("/admin/import"));
    }

    @Test
    void ownerUploadsAnExportFollowsItsProgressAndReadsTheReport() {
        WebClient owner = WebClient.owner();
        String xml = WxrFixtures.resource("harbour-1.1-https.xml").replace("https://harbour.example",
                "https://upload.example").replace("tide-tables", "uploaded-tide-tables");

        Response uploaded = upload(owner, xml, true);

        assertThat(uploaded.statusCode()).isEqualTo(303);
        String progress = uploaded.header("Location");
        assertThat(progress).contains("/admin/import/");
        String page = await().atMost(IMPORT_TIME).until(() -> {
            String shown = owner.get(progress).asString();
            if (!shown.contains("Import finished.")) {
                assertThat(shown).contains("<meta http-equiv=\"refresh\"", "<progress");
            }
            return shown;
        }, shown -> shown.contains("Import finished."));
        assertThat(page).contains("Import finished.", "<td>Posts</td><td>1</td><td>0</td><td>0</td>",
                "<td>Comments</td><td>1</td><td>0</td><td>0</td>").doesNotContain("http-equiv=\"refresh\"");
        assertThat(WebClient.anonymous().get("/posts/uploaded-tide-tables").statusCode()).isEqualTo(200);
    }

    @Test
    void brokenUploadIsReportedWithItsLine() {
        WebClient owner = WebClient.owner();
        Response uploaded = upload(owner, "<?xml version=\"1.0\"?>\n<rss><channel>\n<item><title>x</item>", true);
        String page = await().atMost(IMPORT_TIME).until(() -> owner.get(uploaded.header("Location")).asString(),
                shown -> shown.contains("role=\"alert\""));
        assertThat(page).contains("at line 3").contains("Nothing from this file was stored").doesNotContain("Exception");
    }

    @Test
    void uploadWithoutTheCsrfTokenIsRefused() {
        Response response = upload(WebClient.owner(), WxrFixtures.resource("harbour-1.1-https.xml"), false);

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void emptyUploadIsRefusedWithAMessage() {
        Response response = upload(WebClient.owner(), "", true);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).contains("Choose a WordPress export file");
    }

    @Test
    void onlyAdminsMayImportOrExport() {
        WebClient reader = TestAccounts.create(Role.READER, "Nosy Reader").signIn();
        WebClient moderator = TestAccounts.create(Role.MODERATOR, "Nosy Moderator").signIn();
        for (WebClient client : new WebClient[] { reader, moderator }) {
            assertThat(client.get("/admin/import").statusCode()).isEqualTo(403);
            assertThat(client.get("/admin/export.xml").statusCode()).isEqualTo(403);
            assertThat(client.get("/admin/export.json").statusCode()).isEqualTo(403);
            assertThat(client.get("/admin/export.json").asString()).doesNotContain("@");
        }
        Response guest = WebClient.anonymous().get("/admin/export.xml");
        assertThat(guest.statusCode()).isEqualTo(303);
        assertThat(guest.header("Location")).contains("/login");
        assertThat(WebClient.anonymous().get("/admin/import").statusCode()).isEqualTo(303);
    }

    @Test
    void ownerDownloadsTheSiteAsWxrAndJson() {
        String title = TestPosts.unique("Exported & kept ");
        TestPosts.publish(TestAccounts.owner(), title, "Body of the exported post.", List.of());
        WebClient owner = WebClient.owner();
        Response wxr = owner.get("/admin/export.xml");
        assertThat(wxr.statusCode()).isEqualTo(200);
        assertThat(wxr.header("Content-Disposition")).startsWith("attachment; filename=\"quillpress-");
        assertThat(wxr.asString()).contains("<wp:wxr_version>1.2</wp:wxr_version>", "<wp:post_type>post</wp:post_type>",
                // WordPress reads the title as HTML: a lone "&" stays as it is, escaped by neither HTML nor XML twice
                "<title><![CDATA[" + title + "]]></title>");

        Response json = owner.get("/admin/export.json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.jsonPath().getString("format")).isEqualTo("quillpress-export");
        assertThat(json.jsonPath().getList("posts.title", String.class)).contains(title);
    }

    @Test
    void bodiesOverFourMegabytesAreRefusedOutsideTheUpload() {
        Response response = WebClient.anonymous().request().contentType("application/x-www-form-urlencoded")
                .body("a=" + "b".repeat(5 * 1024 * 1024)).post("/login");

        assertThat(response.statusCode()).isEqualTo(413);
    }
}
