package org.quillpress.feed;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Sitemap files of a few addresses each, so that a test's few dozen posts make a sitemap index of several files;
 * with the default width the suite's site always fits in one file.
 */
public class SmallSitemapFiles implements QuarkusTestProfile {

    /** Addresses per sitemap file. */
    static final int WIDTH = 25;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quillpress.sitemap.urls-per-file", Integer.toString(WIDTH));
    }
}
