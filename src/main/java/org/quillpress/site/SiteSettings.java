package org.quillpress.site;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheResult;

/** The admin-editable site settings, read once and cached until an admin saves new ones. */
@ApplicationScoped
public class SiteSettings {

    public static final String CACHE = "site-settings";

    static final String TITLE = "site.title";
    static final String TAGLINE = "site.tagline";
    static final String DESCRIPTION = "site.description";
    static final String POSTS_PER_PAGE = "site.posts-per-page";

    /** The site's settings as a value. */
    public record Site(String title, String tagline, String description, int postsPerPage) {
        public static final int MAX_POSTS_PER_PAGE = 100;
    }

    @CacheResult(cacheName = CACHE)
    @Transactional
    public Site current() {
        Map<String, String> all = SiteSetting.<SiteSetting> list("name in ?1",
                List.of(TITLE, TAGLINE, DESCRIPTION, POSTS_PER_PAGE)).stream()
                .collect(Collectors.toMap(s -> s.name, s -> s.value));
        return new Site(all.getOrDefault(TITLE, "Quillpress"),
                all.getOrDefault(TAGLINE, "Writing worth discussing"),
                all.getOrDefault(DESCRIPTION, "A community blog: long-form posts and the conversations they start."),
                Integer.parseInt(all.getOrDefault(POSTS_PER_PAGE, "10")));
    }

    @CacheInvalidateAll(cacheName = CACHE)
    @Transactional
    public void save(Site site) {
        SiteSetting.put(TITLE, site.title());
        SiteSetting.put(TAGLINE, site.tagline());
        SiteSetting.put(DESCRIPTION, site.description());
        SiteSetting.put(POSTS_PER_PAGE, Integer.toString(site.postsPerPage()));
    }
}
