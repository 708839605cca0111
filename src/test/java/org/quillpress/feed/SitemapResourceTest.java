package org.quillpress.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.QuillpressConfig;
import org.quillpress.post.Post;
import org.quillpress.support.TestPosts;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SitemapResourceTest {

    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @Inject
    FeedFixtures fixtures;

    @Inject
    QuillpressConfig config;

    @Test
    void theSitemapListsHomeVisiblePostsPagesAndArchivesWithAbsoluteUrls() throws Exception {
        String slug = TestPosts.unique("mapped-");
        String tag = TestPosts.unique("mapped-tag-");
        String category = TestPosts.unique("mapped-category-");
        fixtures.category("Mapped " + category, category);
        Post post = fixtures.published("Mapped " + slug, slug, List.of(tag), category);
        String page = TestPosts.unique("about-");
        fixtures.publishedPage("About " + page, page);

        Response response = given().get("/sitemap.xml").then().statusCode(200).extract().response();
        assertThat(response.contentType().replace(" ", "").toLowerCase(Locale.ROOT))
                .isEqualTo("application/xml;charset=utf-8");
        assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=300");
        Map<String, String> urls = urls(response);

        assertThat(urls).containsKey(siteUrl() + "/");
        assertThat(urls).containsKey(siteUrl() + "/posts/" + slug);
        assertThat(Instant.parse(urls.get(siteUrl() + "/posts/" + slug)))
                .isEqualTo(post.updatedAt.truncatedTo(ChronoUnit.SECONDS));
        assertThat(urls).containsKey(siteUrl() + "/" + page);
        assertThat(urls).containsKey(siteUrl() + "/tags/" + tag);
        assertThat(urls).containsKey(siteUrl() + "/categories/" + category);
        assertThat(urls.keySet()).allSatisfy(loc -> assertThat(loc).startsWith(siteUrl() + "/"));
        assertThat(urls.size()).isLessThanOrEqualTo(SitemapResource.MAX_URLS);
    }

    @Test
    void theSitemapNeverListsDraftsFutureScheduledPostsOrArchivesWithoutVisiblePosts() throws Exception {
        String tag = TestPosts.unique("unseen-tag-");
        String category = TestPosts.unique("unseen-category-");
        fixtures.category("Unseen " + category, category);
        String draft = TestPosts.unique("draft-");
        String scheduled = TestPosts.unique("scheduled-");
        String draftPage = TestPosts.unique("draft-page-");
        fixtures.draft("Draft", draft, List.of(tag), category);
        fixtures.scheduledTomorrow("Scheduled", scheduled, List.of(tag), category);
        fixtures.draftPage("Draft page", draftPage);
        String control = TestPosts.unique("control-");
        fixtures.published("Control", control, List.of(), null);

        Map<String, String> urls = urls(given().get("/sitemap.xml").then().statusCode(200).extract().response());

        assertThat(urls).containsKey(siteUrl() + "/posts/" + control);
        assertThat(urls.keySet()).noneSatisfy(loc -> assertThat(loc).contains(draft));
        assertThat(urls.keySet()).noneSatisfy(loc -> assertThat(loc).contains(scheduled));
        assertThat(urls.keySet()).noneSatisfy(loc -> assertThat(loc).contains(draftPage));
        assertThat(urls).doesNotContainKey(siteUrl() + "/tags/" + tag);
        assertThat(urls).doesNotContainKey(siteUrl() + "/categories/" + category);
    }

    @Test
    void theSitemapPagesThroughMorePostsThanOneQueryReads() throws Exception {
        String prefix = TestPosts.unique("bulk-");
        int count = FeedPosts.SITEMAP_PAGE * 2 + 1;
        fixtures.bulkPublished(prefix, count);

        Map<String, String> urls = urls(given().get("/sitemap.xml").then().statusCode(200).extract().response());

        for (int i = 0; i < count; i++) {
            assertThat(urls).containsKey(siteUrl() + "/posts/" + prefix + "-" + i);
        }
    }

    @Test
    void robotsTxtKeepsCrawlersOutOfPrivateAreasAndNamesTheSitemap() {
        Response response = given().get("/robots.txt").then().statusCode(200).extract().response();
        assertThat(response.contentType().replace(" ", "").toLowerCase(Locale.ROOT))
                .isEqualTo("text/plain;charset=utf-8");
        List<String> lines = response.asString().lines().toList();

        assertThat(lines).startsWith("User-agent: *", "Allow: /");
        for (String area : List.of("/admin", "/account", "/write", "/moderation", "/login", "/setup")) {
            assertThat(lines).contains("Disallow: " + area + "$", "Disallow: " + area + "/",
                    "Disallow: " + area + "?");
        }
        assertThat(lines).contains("Disallow: /api/", "Sitemap: " + siteUrl() + "/sitemap.xml");
        // a plain prefix rule would also hide public pages such as /writers-guide
        assertThat(lines).doesNotContain("Disallow: /write", "Disallow: /admin", "Disallow: /account");
    }

    /** loc → lastmod (null when absent), in document order, after checking the document's shape. */
    private static Map<String, String> urls(Response response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.asByteArray()));
        Element urlset = document.getDocumentElement();
        assertThat(urlset.getNamespaceURI()).isEqualTo(SITEMAP);
        assertThat(urlset.getLocalName()).isEqualTo("urlset");

        Map<String, String> urls = new LinkedHashMap<>();
        NodeList entries = urlset.getElementsByTagNameNS(SITEMAP, "url");
        for (int i = 0; i < entries.getLength(); i++) {
            Element url = (Element) entries.item(i);
            NodeList loc = url.getElementsByTagNameNS(SITEMAP, "loc");
            assertThat(loc.getLength()).isEqualTo(1);
            String address = loc.item(0).getTextContent();
            assertThat(urls).as("listed once").doesNotContainKey(address);
            NodeList lastmod = url.getElementsByTagNameNS(SITEMAP, "lastmod");
            urls.put(address, lastmod.getLength() == 0 ? null : lastmod.item(0).getTextContent());
        }
        return urls;
    }

    private String siteUrl() {
        return config.siteUrl().replaceAll("/+$", "");
    }
}
