package org.quillpress.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.QuillpressConfig;
import org.quillpress.post.Post;
import org.quillpress.support.Sitemaps;
import org.quillpress.support.TestPosts;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SitemapResourceTest {

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
    void aSiteThatFitsInOneFileIsOneUrlsetListingEveryAddressPastOneQueryPage() throws Exception {
        String prefix = TestPosts.unique("one-file-");
        // more than one query's page, far fewer than the suite's width (the protocol's 50,000)
        int count = FeedPosts.SITEMAP_PAGE + 1;
        fixtures.bulkPublished(prefix, count);

        byte[] sitemap = given().get("/sitemap.xml").then().statusCode(200).extract().asByteArray();
        assertThat(Sitemaps.root(sitemap)).isEqualTo("urlset");
        Map<String, String> urls = Sitemaps.entries(sitemap, "urlset", "url");
        assertThat(urls.size()).isLessThanOrEqualTo(config.sitemap().urlsPerFile());
        assertThat(urls).containsKey(siteUrl() + "/");
        for (int i = 0; i < count; i++) {
            assertThat(urls).containsKey(siteUrl() + "/posts/" + prefix + "-" + i);
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

    /** Every address of the sitemap, in the one file or in every file of the index: loc → lastmod (null when absent). */
    private Map<String, String> allUrls() throws Exception {
        byte[] sitemap = given().get("/sitemap.xml").then().statusCode(200).extract().asByteArray();
        if (Sitemaps.root(sitemap).equals("urlset")) {
            return Sitemaps.entries(sitemap, "urlset", "url");
        }
        Map<String, String> all = new LinkedHashMap<>();
        for (String file : Sitemaps.entries(sitemap, "sitemapindex", "sitemap").keySet()) {
            assertThat(file).startsWith(siteUrl() + "/");
            byte[] xml = given().get(file.substring(siteUrl().length())).then().statusCode(200)
                    .contentType("application/xml").extract().asByteArray();
            Sitemaps.entries(xml, "urlset", "url")
                    .forEach((loc, lastmod) -> assertThat(all.put(loc, lastmod)).as("listed once: " + loc).isNull());
        }
        return all;
    }

    private String siteUrl() {
        return config.siteUrl().replaceAll("/+$", "");
    }
}
