package org.quillpress.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.QuillpressConfig;

/**
 * Absolute addresses of the public pages. Feeds and sitemaps are read away from the site, so a
 * relative link in them would lead nowhere.
 */
@ApplicationScoped
class PublicUrls {

    @Inject
    QuillpressConfig config;

    /** The configured base URL; a trailing slash set by mistake would double every slash after it. */
    String base() {
        String url = config.siteUrl().strip();
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '/') {
            end--;
        }
        return url.substring(0, end);
    }

    /** {@code path} starts with a slash. */
    String of(String path) {
        return base() + path;
    }

    String home() {
        return base() + "/";
    }

    String post(String slug) {
        return of("/posts/" + slug);
    }

    String page(String slug) {
        return of("/" + slug);
    }

    String tag(String slug) {
        return of("/tags/" + slug);
    }

    String category(String slug) {
        return of("/categories/" + slug);
    }
}
