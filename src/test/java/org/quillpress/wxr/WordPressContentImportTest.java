package org.quillpress.wxr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Account;
import org.quillpress.post.Post;
import org.quillpress.site.SiteSetting;
import org.quillpress.support.WebClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A WordPress blog's content arrives looking as it did: its HTML, addresses, authors, dates and export. */
@QuarkusTest
class WordPressContentImportTest {

    @Inject
    WxrFixtures fixtures;

    @Inject
    WxrExporter exporter;

    private ImportReport importQuay() {
        return fixtures.importResource("quay-content.xml");
    }

    @Test
    void aClassicPostShowsItsTableListCaptionAndVideoLinkAsOnWordPress() {
        importQuay();

        String html = WebClient.anonymous().get("/posts/tides-and-tables").asString();
        String body = html.substring(html.indexOf("post-body"));
        assertThat(body.split("<table", -1)).hasSize(2);
        assertThat(body.substring(body.indexOf("<table"), body.indexOf("</table>"))).doesNotContain("<p>")
                .doesNotContain("<br");
        assertThat(body).contains("<ol start=\"8\">").doesNotContainPattern("<li>\\s*</li>")
                .contains("<figure class=\"wp-caption alignright\">")
                .contains("<figcaption class=\"wp-caption-text\">The quay at noon</figcaption>")
                .contains("<span class=\"embed-card-site\">YouTube</span>").doesNotContain("<iframe")
                .contains("[contact-form-7");
    }

    @Test
    void importingTheSameFileAgainRepairsWhatAnOlderRendererShowedWrongly() {
        importQuay();
        QuarkusTransaction.requiringNew().run(() -> Post.update(
                "bodyHtml = '<p><table><tr></p><p><td>broken</td></p>' where slug = 'tides-and-tables'"));

        ImportReport again = importQuay();

        assertThat(again.notes()).anyMatch(n -> n.contains("QUAY-TITLE-501") && n.contains("shown anew"));
        assertThat(WebClient.anonymous().get("/posts/tides-and-tables").asString()).doesNotContain("broken")
                .contains("<ol start=\"8\">");
        assertThat(importQuay().notes()).noneMatch(n -> n.contains("shown anew"));
    }

    @Test
    void theReportNamesWhatIsNotRenderedWithItsPosts() {
        // the file's first post alone, as a blog of its own, so that this import is a first one
        String xml = WxrFixtures.resource("quay-content.xml");
        xml = xml.substring(0, xml.indexOf("</item>") + "</item>".length()) + "\n</channel>\n</rss>\n";
        xml = xml.replace("QUAY-TITLE-501", "RPT-TITLE-501").replace("tides-and-tables", "tides-report");
        ImportReport report = fixtures.importText(xml, "report " + System.nanoTime());

        assertThat(report.notRendered()).anySatisfy(row -> {
            assertThat(row.what()).isEqualTo("[contact-form-7]");
            assertThat(row.examples()).anyMatch(post -> post.contains("RPT-TITLE-501"));
        });
        assertThat(report.toText()).contains("[contact-form-7] in 1 post(s)");
    }

    @Test
    void slugsAreTransliteratedAndNeverDigitsOnly() {
        importQuay();

        assertThat(WebClient.anonymous().get("/posts/kalemera-thalassa").asString()).contains("QUAY-BODY-502");
        assertThat(WebClient.anonymous().get("/posts/die-strasse-zum-hafen").asString()).contains("QUAY-BODY-503");
        assertThat(WebClient.anonymous().get("/posts/post-2024").asString()).contains("QUAY-BODY-504");
        Response old = WebClient.anonymous().get("/2022/07/15/καλημέρα-θάλασσα/");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.header("Location")).endsWith("/posts/kalemera-thalassa");
    }

    @Test
    void aBylineNamingNoListedAuthorCreatesNoAccountAndTheOldAuthorAddressLeadsToTheAuthor() {
        ImportReport report = importQuay();

        long strays = QuarkusTransaction.requiringNew().call(() -> Account.count(
                "displayName in ?1", java.util.List.of("ghostwriter", "keeper<br />\n by the sea", "keeper<br />")));
        assertThat(strays).isZero();
        String handle = QuarkusTransaction.requiringNew()
                .call(() -> Post.<Post> find("slug", "ghost-writer").firstResult().author.role.name());
        assertThat(handle).isEqualTo("ADMIN");
        assertThat(report.error()).isNull();

        Response moved = WebClient.anonymous().get("/author/keeper/");
        assertThat(moved.statusCode()).isEqualTo(301);
        String keeper = QuarkusTransaction.requiringNew()
                .call(() -> Post.<Post> find("slug", "tides-and-tables").firstResult().author.handle);
        assertThat(moved.header("Location")).endsWith("/authors/" + keeper);
        assertThat(WebClient.anonymous().get("/author/nobody-here/").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theBlogsTimeZoneBecomesTheSitesAndPostDatesStayExact() {
        Optional<String> before = QuarkusTransaction.requiringNew()
                .call(() -> SiteSetting.get(WxrImporter.TIME_ZONE_SETTING));
        try {
            QuarkusTransaction.requiringNew().run(() -> SiteSetting.deleteById(WxrImporter.TIME_ZONE_SETTING));
            ImportReport report = importQuay();

            assertThat(report.timeZone()).isEqualTo("Europe/London");
            assertThat(report.notes()).anyMatch(n -> n.contains("Europe/London") && n.contains("now the site's"));
            assertThat(QuarkusTransaction.requiringNew().call(() -> SiteSetting.get(WxrImporter.TIME_ZONE_SETTING)))
                    .contains("Europe/London");
            // 23:30 in London on the 16th of July is 22:30 UTC: the instant WordPress stored, unchanged
            assertThat(QuarkusTransaction.requiringNew()
                    .call(() -> Post.<Post> find("slug", "die-strasse-zum-hafen").firstResult().publishAt))
                    .hasToString("2022-07-16T22:30:00Z");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                SiteSetting.deleteById(WxrImporter.TIME_ZONE_SETTING);
                before.ifPresent(zone -> SiteSetting.put(WxrImporter.TIME_ZONE_SETTING, zone));
            });
        }
    }

    @Test
    void theExportEscapesTitlesOnceAndInventsNoExcerpts() throws Exception {
        importQuay();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.writeWxr(out);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        NodeList items = doc.getElementsByTagName("item");
        Element tides = null;
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            if (item.getElementsByTagName("title").item(0).getTextContent().contains("QUAY-TITLE-501")) {
                tides = item;
            }
        }
        assertThat(tides).isNotNull();
        // what WordPress reads as the title's HTML: "&" once, as WordPress itself stores "Tides & tables"
        assertThat(tides.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Tides & tables QUAY-TITLE-501");
        assertThat(tides.getElementsByTagNameNS(WxrNames.EXCERPT_NS, "encoded").item(0).getTextContent()).isEmpty();
        assertThat(WxrExporter.escapeTitle("Fish & Chips <b> &amp; more")).isEqualTo(
                "Fish & Chips &lt;b&gt; &amp;amp; more");
    }
}
