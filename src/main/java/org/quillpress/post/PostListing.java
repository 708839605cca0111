package org.quillpress.post;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.quillpress.post.PostViews.AuthorCard;
import org.quillpress.post.PostViews.CategoryLink;
import org.quillpress.post.PostViews.Listing;
import org.quillpress.post.PostViews.Summary;
import org.quillpress.post.PostViews.TagLink;

/**
 * Lists of visible posts, newest first, paged by keyset (publish time and id) so that every page
 * costs the same whatever its depth. A page takes four statements: the ids of its posts, those posts with their
 * authors and main categories, then the tags and the comment counts of exactly those posts.
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
     * <p>
     * Two steps: the ids of the page from one table alone, read in index order (post_visible_timeline,
     * post_author_timeline for an author, the join table's timeline for a tag or category); then those posts with
     * their authors and categories by id. Joined in one statement, H2
     * starts from the author or the category and sorts every post of them: 11 s for an author of 20,000 posts.
     */
    @Transactional
    public Listing list(Filter filter, Cursor before, Cursor after, int size) {
        boolean backwards = after != null;
        Cursor cursor = backwards ? after : before;
        List<Long> ids = ids(filter, before, after, size + 1);
        boolean more = ids.size() > size;
        if (more) {
            ids = ids.subList(0, size);
        }
        if (backwards) {
            ids = new ArrayList<>(ids);
            Collections.reverse(ids);
        }
        List<Post> page = inOrder(ids);
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

    /**
     * The ids of up to {@code limit} visible posts in publishing order, newest first (oldest first after
     * {@code after}), from the post table alone: the first step of a list, and of a feed.
     */
    @Transactional
    public List<Long> ids(Filter filter, Cursor before, Cursor after, int limit) {
        if (filter.tagId() != null) {
            return termIds("post_tag", "tag_id", List.of(filter.tagId()), before, after, limit);
        }
        if (filter.categoryId() != null) {
            // a category's archive holds its subcategories' posts too, and every post that is in any of them
            return termIds("post_category", "category_id", CategoryTree.load().withDescendants(filter.categoryId()),
                    before, after, limit);
        }
        StringBuilder sql = new StringBuilder("select p.id from post p where p.kind = '").append(PostKind.POST.name())
                .append("' and p.status in ('").append(PostStatus.PUBLISHED.name()).append("', '")
                .append(PostStatus.SCHEDULED.name()).append("') and p.publish_at <= :now");
        Map<String, Object> params = new HashMap<>();
        params.put("now", clock.instant());
        if (filter.authorId() != null) {
            sql.append(" and p.author_id = :author");
            params.put("author", filter.authorId());
        }
        if (filter.from() != null) {
            sql.append(" and p.publish_at >= :from and p.publish_at < :until");
            params.put("from", filter.from());
            params.put("until", filter.until());
        }
        boolean backwards = after != null;
        String order = backwards ? "asc" : "desc";
        keyset(sql, params, "p.publish_at", "p.id", backwards ? after : before, backwards);
        // an author's page names the author first, so that H2 reads post_author_timeline in order instead of
        // sorting all of the author's posts (the author is fixed, so the order is the same); the kind likewise
        sql.append(" order by ").append(filter.authorId() == null ? "" : "p.author_id " + order + ", ")
                .append("p.kind ").append(order).append(", p.publish_at ").append(order).append(", p.id ").append(order);
        return longs(sql, params, limit);
    }

    /**
     * A tag's or category's page from its join table alone, in the order of its timeline index (term, visible_at,
     * post_id), which {@link TermTimeline} keeps equal to the posts' public times: only the term's posts are read.
     * Several categories (one with subcategories) are one such read each, of at most a page, and a union of them:
     * the union drops a post listed in two of them (its rows carry one time) before the page is cut. With an IN
     * instead, H2 reads every post of those categories and sorts them: 30 % of the posts for a category with five
     * subcategories on the benchmark site.
     */
    private List<Long> termIds(String table, String column, Collection<Long> terms, Cursor before, Cursor after,
            int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("now", clock.instant());
        boolean backwards = after != null;
        String order = backwards ? "asc" : "desc";
        List<String> reads = new ArrayList<>();
        for (Long term : terms) {
            String name = "term" + reads.size();
            params.put(name, term);
            StringBuilder read = new StringBuilder("select j.post_id, j.visible_at from ").append(table)
                    .append(" j where j.").append(column).append(" = :").append(name).append(" and j.visible_at <= :now");
            keyset(read, params, "j.visible_at", "j.post_id", backwards ? after : before, backwards);
            // naming the term first lets H2 see the index order (the term is fixed, so the order is the same)
            read.append(" order by j.").append(column).append(" ").append(order).append(", j.visible_at ").append(order)
                    .append(", j.post_id ").append(order);
            reads.add(terms.size() == 1 ? read.toString() : "(" + read + " fetch first " + limit + " rows only)");
        }
        String sql = terms.size() == 1 ? reads.get(0)
                : "select u.post_id, u.visible_at from (" + String.join(" union ", reads) + ") u order by u.visible_at "
                        + order + ", u.post_id " + order;
        var query = em.createNativeQuery(sql).setMaxResults(limit);
        params.forEach(query::setParameter);
        List<Long> ids = new ArrayList<>();
        for (Object row : query.getResultList()) {
            ids.add(((Number) ((Object[]) row)[0]).longValue());
        }
        return ids;
    }

    /** Posts past the cursor: older than it, or newer when going {@code backwards}. */
    private static void keyset(StringBuilder sql, Map<String, Object> params, String at, String id, Cursor cursor,
            boolean backwards) {
        if (cursor == null) {
            return;
        }
        String cmp = backwards ? ">" : "<";
        // the bound on the time alone lets the index start at the cursor
        sql.append(" and ").append(at).append(" ").append(cmp).append("= :at and (").append(at).append(" ").append(cmp)
                .append(" :at or ").append(id).append(" ").append(cmp).append(" :id)");
        params.put("at", cursor.publishAt());
        params.put("id", cursor.id());
    }

    private List<Long> longs(CharSequence sql, Map<String, Object> params, int limit) {
        // no result class, here or in termIds: with one, Hibernate (7.2) keys the plan by a result mapping that is
        // never equal to the last one, so every request would add a plan that later lookups walk past
        var query = em.createNativeQuery(sql.toString()).setMaxResults(limit);
        params.forEach(query::setParameter);
        List<Long> ids = new ArrayList<>();
        for (Object id : query.getResultList()) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }

    /** These posts with their authors and categories, in one statement, in the order of {@code ids}. */
    private List<Post> inOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Post> byId = new HashMap<>();
        Post.<Post> find("from Post p join fetch p.author left join fetch p.category where p.id in ?1", ids)
                .list().forEach(p -> byId.put(p.id, p));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
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
