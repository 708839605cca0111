package org.quillpress.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.QuillpressConfig;

/**
 * Absolute addresses of the public pages. Feeds and sitemaps are read away from the site, so a
 * relative link in them would lead nowhere.
 */
@ApplicationScoped
public class PublicUrls {

    @Inject
    QuillpressConfig config;

    /** The configured base URL; a trailing slash set by mistake would double every slash after it. */
    public String base() {
        String url = config.siteUrl().strip();
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '/') {
            end--;
        }
        return url.substring(0, end);
    }

    /** {@code path} starts with a slash. */
    public String of(String path) {
        return base() + path;
    }

    public String home() {
        return of(Paths.home());
    }

    public String post(String slug) {
        return of(Paths.post(slug));
    }

    public String tag(String slug) {
        return of(Paths.tag(slug));
    }

    public String category(String slug) {
        return of(Paths.category(slug));
    }
}
