package org.quillpress.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheResult;

/** The standalone pages shown in the site navigation, cached until a page is saved. */
@ApplicationScoped
public class Navigation {

    static final String CACHE = "navigation";

    /** A link in the navigation; {@code depth} is 0 for top-level pages, 1 for their children. */
    public record Link(String title, String path, int depth) {
    }

    @CacheResult(cacheName = CACHE)
    @Transactional
    public List<Link> links() {
        List<Post> pages = Post.listVisiblePages(Instant.now());
        List<Link> links = new ArrayList<>();
        for (Post page : pages) {
            if (page.parent == null) {
                links.add(new Link(page.title, "/" + page.slug, 0));
                for (Post child : pages) {
                    if (child.parent != null && child.parent.id.equals(page.id)) {
                        links.add(new Link(child.title, "/" + child.slug, 1));
                    }
                }
            }
        }
        return List.copyOf(links);
    }

    @CacheInvalidateAll(cacheName = CACHE)
    public void refresh() {
        // the annotation does the work
    }
}
