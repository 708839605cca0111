package org.quillpress.cache;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.QuillpressConfig;
import org.quillpress.web.Slugs;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A sitemap file with the default number of addresses fits in the page cache (issue 15): a file past the cache's
 * per-page limit was rendered for every request, 50,000 posts read each time.
 */
@QuarkusTest
class SitemapFileSizeTest {

    @Inject
    QuillpressConfig config;

    @Inject
    PageCache pageCache;

    @Test
    void aFullFileOfTheLongestPostAddressesIsKeptByTheCache() {
        String longestEntry = "<url><loc>" + config.siteUrl() + "/posts/" + "x".repeat(Slugs.MAX_LENGTH)
                + "</loc><lastmod>2026-12-07T10:00:00.000Z</lastmod></url>";
        long fullFile = (long) config.sitemap().urlsPerFile() * longestEntry.length();

        assertThat(fullFile).isLessThanOrEqualTo(pageCache.maxPageBytes());
    }
}
