package org.quillpress.wxr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quillpress.post.PostInput;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class LegacyUrlsTest {

    @Inject
    WxrFixtures fixtures;

    @BeforeEach
    void importLighthouse() {
        fixtures.importResource("lighthouse-1.2.xml");
    }

    private static void assertMoved(String from, String to) {
        Response response = WebClient.anonymous().get(from);
        assertThat(response.statusCode()).as(from).isEqualTo(301);
        assertThat(response.header("Location")).as(from).endsWith(to);
    }

    @Test
    void oldWordPressAddressesLeadToTheNewOnes() {
        assertMoved("/?p=101", "/posts/fog-returns");
        assertMoved("/?page_id=201", "/about-the-light");
        assertMoved("/2019/03/04/fog-returns/", "/posts/fog-returns");
        assertMoved("/2019/03/04/fog-returns", "/posts/fog-returns");
        assertMoved("/2019/03/fog-returns/", "/posts/fog-returns");
        assertMoved("/2019/03/", "/archive/2019/03");
        assertMoved("/category/coast/lighthouses/", "/categories/lighthouses");
        assertMoved("/category/coast/", "/categories/coast");
        assertMoved("/tag/fog/", "/tags/fog");
        assertMoved("/feed/", "/feed");
        assertMoved("/feed/rss2/", "/rss");
        assertThat(WebClient.anonymous().get("/?p=999999").statusCode()).isEqualTo(404);
        assertThat(WebClient.anonymous().get("/2019/03/04/no-such-post/").statusCode()).isEqualTo(404);
    }

    @Test
    void anIdTwoBlogsHadLeadsToThePostOfTheBlogWhoseDomainWasAsked() {
        fixtures.importResource("zeta-same-id.xml");

        assertMoved("/?page_id=201", "/about-the-light");
        Response asked = WebClient.anonymous().request().header("Host", "zeta.example").get("/?p=201");
        assertThat(asked.statusCode()).isEqualTo(301);
        assertThat(asked.header("Location")).endsWith("/posts/zeta-two-hundred-one");
    }

    @Test
    void plainLinkIsNotAnsweredWithTheCachedHomePage() {
        assertThat(WebClient.anonymous().get("/").statusCode()).isEqualTo(200);
        // the cache keeps pages only once it knows the next scheduled publication, looked up on another thread
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> WebClient.anonymous().get("/").header("X-Cache"), "HIT"::equals);

        assertMoved("/?p=101", "/posts/fog-returns");
        assertMoved("/?p=101", "/posts/fog-returns");
        assertThat(WebClient.anonymous().get("/archive/2019/03").statusCode()).isEqualTo(200);
    }

    @Test
    void slugCollisionIsResolvedReportedAndTheOldAddressStillLeadsThere() {
        TestPosts.save(TestAccounts.owner(), new PostInput("Breakwater", "Already here first.", null, List.of(), null,
                "breakwater-walk", "PUBLISHED", null, true, null, null, null, null));
        String xml = WxrFixtures.resource("harbour-1.1-https.xml").replace("https://harbour.example",
                "https://breakwater.example").replace("tide-tables", "breakwater-walk")
                .replace("<w:post_date_gmt>2020-06-01 10:00:00", "<w:post_date_gmt>2020-07-09 10:00:00");

        ImportReport report = fixtures.importText(xml);

        assertThat(report.notes()).anyMatch(n -> n.contains("\"breakwater-walk\" is taken here")
                && n.contains("breakwater-walk-2"));
        assertThat(WebClient.anonymous().get("/posts/breakwater-walk").asString()).contains("Already here first.");
        assertThat(WebClient.anonymous().get("/posts/breakwater-walk-2").asString()).contains("HARBOUR-BODY-8810");
        assertMoved("/2020/07/09/breakwater-walk/", "/posts/breakwater-walk-2");
        Map<String, Integer> reasons = report.skippedByReason();
        assertThat(reasons).isEmpty();
    }

    @Test
    void aNestedPageWhoseGreekSlugWasTransliteratedIsMovedToItsNewAddress() {
        String marker = "m" + System.nanoTime();
        String page = """
                <item><title>TITLE</title><dc:creator>keeper</dc:creator>
                <content:encoded><![CDATA[BODY]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
                <wp:post_id>ID</wp:post_id><wp:post_date>2020-01-01 10:00:00</wp:post_date>
                <wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt><wp:comment_status>closed</wp:comment_status>
                <wp:post_name>SLUG</wp:post_name><wp:status>publish</wp:status><wp:post_parent>PARENT</wp:post_parent>
                <wp:menu_order>0</wp:menu_order><wp:post_type>page</wp:post_type><wp:post_password></wp:post_password>
                </item>
                """;
        String greek = "%ce%bf%ce%bc%ce%ac%ce%b4%ce%b1-" + marker;
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><title>Greek pages</title><link>https://greek-MARKER.example</link>
                <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://greek-MARKER.example</wp:base_site_url>
                """.replace("MARKER", marker)
                + page.replace("TITLE", "About " + marker).replace("BODY", "About us").replace("ID", "301")
                        .replace("SLUG", "about-" + marker).replace("PARENT", "0")
                + page.replace("TITLE", "Ομάδα " + marker).replace("BODY", "GREEK-TEAM-" + marker).replace("ID", "302")
                        .replace("SLUG", greek).replace("PARENT", "301")
                + "</channel></rss>";
        fixtures.importText(xml);

        Response moved = WebClient.anonymous().request().urlEncodingEnabled(false)
                .get("/about-" + marker + "/" + greek.toUpperCase().replace("-" + marker.toUpperCase(), "-" + marker)
                        + "/");
        assertThat(moved.statusCode()).isEqualTo(301);
        String location = moved.header("Location");
        assertThat(location).matches(".*/about-" + marker + "/[a-z0-9-]+-" + marker);
        assertThat(WebClient.anonymous().get(location.replaceFirst("^https?://[^/]+", "")).asString())
                .contains("GREEK-TEAM-" + marker);
        assertThat(WebClient.anonymous().request().urlEncodingEnabled(false).get("/%CE%B1%CE%B2%CE%B3-nothing/")
                .statusCode()).isEqualTo(404);
    }
}
