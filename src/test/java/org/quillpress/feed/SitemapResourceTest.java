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
        Map<String, String> urls = allUrls();

        assertThat(urls).containsKey(siteUrl() + "/");
        assertThat(urls).containsKey(siteUrl() + "/posts/" + slug);
        assertThat(Instant.parse(urls.get(siteUrl() + "/posts/" + slug)))
                .isEqualTo(post.updatedAt.truncatedTo(ChronoUnit.SECONDS));
        assertThat(urls).containsKey(siteUrl() + "/" + page);
        assertThat(urls).containsKey(siteUrl() + "/tags/" + tag);
        assertThat(urls).containsKey(siteUrl() + "/categories/" + category);
        assertThat(urls.keySet()).allSatisfy(loc -> assertThat(loc).startsWith(siteUrl() + "/"));
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

        Map<String, String> urls = allUrls();

        assertThat(urls).containsKey(siteUrl() + "/posts/" + control);
        assertThat(urls.keySet()).noneSatisfy(loc -> assertThat(loc).contains(draft));
        assertThat(urls.keySet()).noneSatisfy(loc -> assertThat(loc).contains(scheduled));
        assertThat(urls.keySet()).noneSatisfy(loc -> assertThat(loc).contains(draftPage));
        assertThat(urls).doesNotContainKey(siteUrl() + "/tags/" + tag);
        assertThat(urls).doesNotContainKey(siteUrl() + "/categories/" + category);
    }

    @Test
    void theSitemapIsAnIndexOfFilesWithinTheLimitEachListingItsIdRangeOnce() throws Exception {
        String prefix = TestPosts.unique("bulk-");
        // more than one file's width (the suite's setting) and more than one query's page within a file
        int count = Math.max(FeedPosts.SITEMAP_PAGE, config.sitemap().urlsPerFile()) * 2 + 1;
        fixtures.bulkPublished(prefix, count);

        Map<String, String> index = index();
        assertThat(index.keySet()).allSatisfy(loc -> assertThat(loc)
                .matches(
                        java.util.regex.Pattern.quote(siteUrl()) + "/sitemap-(posts|pages|tags|categories)-[1-9][0-9]*\\.xml"));
        assertThat(index).containsKey(siteUrl() + "/sitemap-pages-1.xml");
        Map<String, String> all = new LinkedHashMap<>();
        int postFiles = 0;
        for (Map.Entry<String, String> file : index.entrySet()) {
            Map<String, String> urls = urls(get(file.getKey()));
            assertThat(urls).as(file.getKey()).isNotEmpty();
            assertThat(urls.size()).as(file.getKey()).isLessThanOrEqualTo(config.sitemap().urlsPerFile());
            if (file.getKey().contains("/sitemap-posts-")) {
                postFiles++;
                // the index's lastmod of a file of posts is the latest of its lines
                assertThat(file.getValue()).as(file.getKey())
                        .isEqualTo(urls.values().stream().max(String::compareTo).orElseThrow());
            }
            urls.keySet().forEach(loc -> assertThat(all.put(loc, loc)).as("listed in one file only: " + loc).isNull());
        }
        assertThat(postFiles).isGreaterThanOrEqualTo(2);
        for (int i = 0; i < count; i++) {
            assertThat(all).containsKey(siteUrl() + "/posts/" + prefix + "-" + i);
        }
    }

    @Test
    void aSitemapFileWithoutAddressesIsNotFound() {
        given().get("/sitemap-posts-999999999.xml").then().statusCode(404);
        given().get("/sitemap-tags-0.xml").then().statusCode(404);
        given().get("/sitemap-drafts-1.xml").then().statusCode(404);
        // the first pages file always holds the home page
        given().get("/sitemap-pages-1.xml").then().statusCode(200);
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

    /** Every address of every file the sitemap index names: loc → lastmod (null when absent). */
    private Map<String, String> allUrls() throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        for (String file : index().keySet()) {
            urls(get(file)).forEach((loc, lastmod) -> assertThat(all.put(loc, lastmod)).as("listed once: " + loc).isNull());
        }
        return all;
    }

    /** The files of the sitemap index: loc → lastmod (null when absent). */
    private Map<String, String> index() throws Exception {
        return entries(given().get("/sitemap.xml").then().statusCode(200).extract().response(), "sitemapindex",
                "sitemap");
    }

    /** A sitemap file named by its absolute address in the index, fetched from the app under test. */
    private Response get(String loc) {
        assertThat(loc).startsWith(siteUrl() + "/");
        return given().get(loc.substring(siteUrl().length())).then().statusCode(200)
                .contentType("application/xml").extract().response();
    }

    /** loc → lastmod (null when absent), in document order, after checking the document's shape. */
    private static Map<String, String> urls(Response response) throws Exception {
        return entries(response, "urlset", "url");
    }

    private static Map<String, String> entries(Response response, String root, String entry) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.asByteArray()));
        Element urlset = document.getDocumentElement();
        assertThat(urlset.getNamespaceURI()).isEqualTo(SITEMAP);
        assertThat(urlset.getLocalName()).isEqualTo(root);

        Map<String, String> urls = new LinkedHashMap<>();
        NodeList entries = urlset.getElementsByTagNameNS(SITEMAP, entry);
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
