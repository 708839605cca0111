package org.quillpress.post;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.quillpress.post.PostViews.AuthorCard;
import org.quillpress.post.PostViews.CategoryLink;
import org.quillpress.post.PostViews.Listing;
import org.quillpress.post.PostViews.Summary;
import org.quillpress.post.PostViews.TagLink;

import io.quarkus.panache.common.Parameters;

/**
 * Lists of visible posts, newest first, paged by keyset (publish time and id) so that every page
 * costs the same whatever its depth. A page takes two statements: the posts with their authors and
 * categories, then the tags of exactly those posts.
 */
@ApplicationScoped
public class PostListing {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Narrows a list: at most one of these is set. */
    public record Filter(Long tagId, Long categoryId, Long authorId, Instant from, Instant until) {
        public static final Filter ALL = new Filter(null, null, null, null, null);

        public static Filter tag(long id) {
            return new Filter(id, null, null, null, null);
        }

        public static Filter category(long id) {
            return new Filter(null, id, null, null, null);
        }

        public static Filter author(long id) {
            return new Filter(null, null, id, null, null);
        }

        public static Filter between(Instant from, Instant until) {
            return new Filter(null, null, null, from, until);
        }
    }

    /**
     * One page of posts. {@code before} and {@code after} are cursors from a previous page: posts older
     * than {@code before}, or newer than {@code after} (at most one is given).
     */
    @Transactional
    public Listing list(Filter filter, Cursor before, Cursor after, int size) {
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder("p.kind = org.quillpress.post.PostKind.POST and ")
                .append(Post.VISIBLE);
        Parameters params = Parameters.with("now", now);
        if (filter.tagId() != null) {
            where.append(" and exists (select 1 from Post tp join tp.tags t where tp = p and t.id = :tag)");
            params.and("tag", filter.tagId());
        }
        if (filter.categoryId() != null) {
            // a category's archive holds its subcategories' posts too, and every post that is in any of them
            where.append(" and exists (select 1 from Post cp join cp.categories c where cp = p and c.id in :categories)");
            params.and("categories", CategoryTree.load().withDescendants(filter.categoryId()));
        }
        if (filter.authorId() != null) {
            where.append(" and p.author.id = :author");
            params.and("author", filter.authorId());
        }
        if (filter.from() != null) {
            where.append(" and p.publishAt >= :from and p.publishAt < :until");
            params.and("from", filter.from()).and("until", filter.until());
        }
        boolean backwards = after != null;
        Cursor cursor = backwards ? after : before;
        if (cursor != null) {
            String cmp = backwards ? ">" : "<";
            // the bound on publishAt alone lets the index start at the cursor
            where.append(" and p.publishAt ").append(cmp).append("= :at and (p.publishAt ").append(cmp)
                    .append(" :at or p.id ").append(cmp).append(" :id)");
            params.and("at", cursor.publishAt()).and("id", cursor.id());
        }
        String order = backwards ? "asc" : "desc";
        // an author's page names the author first, so that H2 reads post_author_timeline in order instead of
        // sorting all of the author's posts (the author is fixed, so the order is the same)
        String authorFirst = filter.authorId() == null ? "" : "p.author.id " + order + ", ";
        List<Post> rows = Post.<Post> find("from Post p join fetch p.author left join fetch p.category where " + where
                + " order by " + authorFirst + Post.timelineOrder(order), params).page(0, size + 1).list();

        boolean more = rows.size() > size;
        List<Post> page = new ArrayList<>(more ? rows.subList(0, size) : rows);
        if (backwards) {
            Collections.reverse(page);
        }
        List<Summary> summaries = summaries(page);
        String older = null;
        String newer = null;
        if (!page.isEmpty()) {
            boolean hasOlder = backwards || more;
            boolean hasNewer = backwards ? more : cursor != null;
            older = hasOlder ? Cursor.of(page.get(page.size() - 1)).encode() : null;
            newer = hasNewer ? Cursor.of(page.get(0)).encode() : null;
        }
        return new Listing(summaries, older, newer);
    }

    /** Summaries of posts already loaded with author and category, in their order, with one query for tags. */
    @Transactional
    public List<Summary> summaries(List<Post> posts) {
        if (posts.isEmpty()) {
            return List.of();
        }
        Map<Long, List<TagLink>> tags = new HashMap<>();
        List<Object[]> rows = em.createQuery("select p.id, t.name, t.slug from Post p join p.tags t where p in :posts "
                + "order by lower(t.name)", Object[].class).setParameter("posts", posts).getResultList();
        for (Object[] row : rows) {
            tags.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(new TagLink((String) row[1], (String) row[2]));
        }
        // approved comments per post, in one grouped query (the comment package owns the entity)
        Map<Long, Long> comments = new HashMap<>();
        em.createQuery("select c.post.id, count(c) from Comment c where c.post in :posts "
                + "and c.status = org.quillpress.comment.CommentStatus.APPROVED group by c.post.id", Object[].class)
                .setParameter("posts", posts).getResultList()
                .forEach(row -> comments.put((Long) row[0], (Long) row[1]));
        List<Summary> result = new ArrayList<>(posts.size());
        for (Post p : posts) {
            result.add(new Summary(p.id, p.slug, p.title, p.excerpt, p.publishAt, author(p),
                    p.category == null ? null : new CategoryLink(p.category.name, p.category.slug),
                    tags.getOrDefault(p.id, List.of()), comments.getOrDefault(p.id, 0L), p.featuredMediaId));
        }
        return result;
    }

    static AuthorCard author(Post p) {
        return new AuthorCard(p.author.displayName, p.author.handle, p.author.bio, p.author.website);
    }

    /** A position in the publishing order, written into "older"/"newer" links. */
    public record Cursor(Instant publishAt, long id) {
        public static Cursor of(Post post) {
            return new Cursor(post.publishAt, post.id);
        }

        public String encode() {
            return publishAt.toEpochMilli() + "-" + id;
        }

        /** The cursor in a link, or null when there is none or it is not one of ours. */
        public static Cursor decode(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            int dash = text.indexOf('-');
            try {
                return new Cursor(Instant.ofEpochMilli(Long.parseLong(text.substring(0, dash))),
                        Long.parseLong(text.substring(dash + 1)));
            } catch (RuntimeException e) {
                throw new org.quillpress.web.InvalidInputException(java.util.Map.of("cursor",
                        org.quillpress.web.SiteLanguage.messages(org.quillpress.web.CheckMessages.class).pageLinkNotValid()));
            }
        }
    }
}
