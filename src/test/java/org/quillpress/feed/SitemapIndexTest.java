package org.quillpress.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.QuillpressConfig;
import org.quillpress.support.Sitemaps;
import org.quillpress.support.TestPosts;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A site beyond one sitemap file: /sitemap.xml is an index of files, each within the configured width. */
@QuarkusTest
@TestProfile(SmallSitemapFiles.class)
class SitemapIndexTest {

    @Inject
    FeedFixtures fixtures;

    @Inject
    QuillpressConfig config;

    @Test
    void beyondOneFileTheSitemapIsAnIndexOfFilesWithinTheLimitEachListingItsIdRangeOnce() throws Exception {
        String prefix = TestPosts.unique("bulk-");
        int width = config.sitemap().urlsPerFile();
        assertThat(width).isEqualTo(SmallSitemapFiles.WIDTH);
        // more than two files' width of posts alone
        int count = width * 2 + 1;
        fixtures.bulkPublished(prefix, count);

        Map<String, String> index = Sitemaps.entries(get("/sitemap.xml"), "sitemapindex", "sitemap");
        assertThat(index.keySet()).allSatisfy(loc -> assertThat(loc).matches(Pattern.quote(siteUrl())
                + "/sitemap-(posts|pages|tags|categories)-[1-9][0-9]*\\.xml"));
        assertThat(index).containsKey(siteUrl() + "/sitemap-pages-1.xml");
        Map<String, String> all = new LinkedHashMap<>();
        int postFiles = 0;
        for (Map.Entry<String, String> file : index.entrySet()) {
            Map<String, String> urls = Sitemaps.entries(get(file.getKey().substring(siteUrl().length())), "urlset",
                    "url");
            assertThat(urls).as(file.getKey()).isNotEmpty();
            assertThat(urls.size()).as(file.getKey()).isLessThanOrEqualTo(width);
            if (file.getKey().contains("/sitemap-posts-")) {
                postFiles++;
                // the index's lastmod of a file of posts is the latest of its lines
                assertThat(file.getValue()).as(file.getKey())
                        .isEqualTo(urls.values().stream().max(String::compareTo).orElseThrow());
            }
            urls.keySet().forEach(loc -> assertThat(all.put(loc, loc)).as("listed in one file only: " + loc).isNull());
        }
        assertThat(postFiles).isGreaterThanOrEqualTo(2);
        assertThat(all).containsKey(siteUrl() + "/");
        for (int i = 0; i < count; i++) {
            assertThat(all).containsKey(siteUrl() + "/posts/" + prefix + "-" + i);
        }
    }

    @Test
    void theSitemapIndexTakesTheSameStatementsWhateverTheNumberOfFiles() throws Exception {
        fixtures.bulkPublished(TestPosts.unique("indexed-"), SmallSitemapFiles.WIDTH + 1);
        assertThat(Sitemaps.root(get("/sitemap.xml"))).isEqualTo("sitemapindex");
        long few = Statements.of("/sitemap.xml");

        // a few files' width more posts: the index has more files, not more statements
        fixtures.bulkPublished(TestPosts.unique("indexed-"), SmallSitemapFiles.WIDTH * 3);
        long many = Statements.of("/sitemap.xml");

        assertThat(many).isEqualTo(few);
        // the files of posts, of pages, of categories and of tags, with their counts
        assertThat(few).isLessThanOrEqualTo(4);
    }

    private static byte[] get(String path) {
        return given().get(path).then().statusCode(200).contentType("application/xml").extract().asByteArray();
    }

    private String siteUrl() {
        return config.siteUrl().replaceAll("/+$", "");
    }
}
