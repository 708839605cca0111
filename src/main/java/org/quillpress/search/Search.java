package org.quillpress.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.quillpress.post.Post;
import org.quillpress.post.PostKind;
import org.quillpress.post.PostViews.TagLink;
import org.quillpress.post.Tag;
import org.quillpress.search.SearchEngine.Hit;
import org.quillpress.search.SearchEngine.Hits;

import io.quarkus.panache.common.Parameters;

/**
 * The site search behind /search: asks this build's {@link SearchEngine}, then reads the posts it found from the
 * database with the visibility rule every public list uses, so a post the index still holds but readers may no
 * longer see (a draft, the trash) is left out whatever the index says. Three statements per page, whatever the
 * number of posts.
 */
@ApplicationScoped
public class Search {

    public static final int MAX_QUERY = 200;
    /** Results pages a reader can go through; deeper ones cost the engine more than any reader reads. */
    public static final int MAX_PAGE = 100;
    static final int MAX_TAGS = 8;

    @Inject
    SearchEngine engine;

    @Inject
    Clock clock;

    @Inject
    SearchConfig config;

    /** A post or page found, as the results page lists it. */
    public record Found(String title, String path, boolean page, Instant publishAt, String author, Snippet snippet) {
    }

    /**
     * One page of results (pages from 1): the posts found, the tags whose names match, and how many match,
     * counted up to {@code max + 1}: past {@code max} only the newest {@code max} matches are ranked and listed.
     */
    public record Results(List<Found> found, List<TagLink> tags, long total, int page, int pageSize, int max) {
        static final Results NONE = new Results(List.of(), List.of(), 0, 1, 1, 1);

        /** More match than are ranked: the page says "more than" {@link #max} instead of a count. */
        public boolean capped() {
            return total > max;
        }

        public boolean more() {
            return (long) page * pageSize < Math.min(total, max) && page < MAX_PAGE;
        }

        public int previousPage() {
            return page - 1;
        }

        public int nextPage() {
            return page + 1;
        }

        public int first() {
            return (page - 1) * pageSize + 1;
        }

        public int last() {
            return first() + found.size() - 1;
        }
    }

    /** The results for {@code query} (trimmed and cut to {@link #MAX_QUERY} already) on page {@code page}. */
    @Transactional
    public Results find(String query, int page) {
        if (query.isBlank()) {
            return Results.NONE;
        }
        int pageNumber = Math.max(1, Math.min(page, MAX_PAGE));
        Instant now = clock.instant();
        int size = Math.max(1, config.pageSize());
        // one more than the maximum is counted, so that must still be an int
        int max = Math.max(1, Math.min(config.maxResults(), Integer.MAX_VALUE - 1));
        Hits hits = engine.search(query, now, (pageNumber - 1) * size, size, max);
        List<TagLink> tags = pageNumber == 1 ? tags(engine.tags(query, MAX_TAGS)) : List.of();
        return new Results(found(hits.hits(), now), tags, hits.total(), pageNumber, size, max);
    }

    private static List<Found> found(List<Hit> hits, Instant now) {
        if (hits.isEmpty()) {
            return List.of();
        }
        List<Long> ids = hits.stream().map(Hit::postId).toList();
        Map<Long, Post> visible = Post.<Post> list("from Post p join fetch p.author left join fetch p.parent "
                + "where p.id in :ids and " + Post.VISIBLE, Parameters.with("ids", ids).and("now", now)).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<Found> found = new ArrayList<>();
        for (Hit hit : hits) {
            Post post = visible.get(hit.postId());
            if (post != null) {
                found.add(new Found(post.title, post.path(), post.kind == PostKind.PAGE, post.publishAt,
                        post.author.displayName, hit.snippet()));
            }
        }
        return found;
    }

    private static List<TagLink> tags(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Tag> byId = Tag.<Tag> list("id in ?1", ids).stream()
                .collect(Collectors.toMap(t -> t.id, Function.identity()));
        return ids.stream().map(byId::get).filter(t -> t != null).map(t -> new TagLink(t.name, t.slug)).toList();
    }
}
