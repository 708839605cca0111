package org.quillpress.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.quillpress.post.Post;
import org.quillpress.post.PostKind;
import org.quillpress.post.PostListing;
import org.quillpress.web.Paths;

/**
 * The reads behind feeds and the sitemap. They select only the columns they show (never a post's
 * Markdown source), and a feed costs the same few statements whatever the number of posts and terms.
 */
@ApplicationScoped
public class FeedPosts {

    /** Posts per feed: readers poll often and keep what they have already seen. */
    public static final int FEED_SIZE = 20;

    /** Rows per sitemap query: enough to keep round trips few, small enough to keep memory flat. */
    static final int SITEMAP_PAGE = 1000;

    private static final String VISIBLE_POST = "p.kind = org.quillpress.post.PostKind.POST and " + Post.VISIBLE;

    @Inject
    EntityManager em;

    @Inject
    PostListing listing;

    /** Which posts a feed holds: all, one tag's, one category's or one author's. */
    public record Scope(Long tagId, Long categoryId, Long authorId) {
        public static final Scope ALL = new Scope(null, null, null);

        public static Scope tag(long id) {
            return new Scope(id, null, null);
        }

        public static Scope category(long id) {
            return new Scope(null, id, null);
        }

        public static Scope author(long id) {
            return new Scope(null, null, id);
        }
    }

    /** The columns of a post that a feed shows, as the first query reads them. */
    record Row(Long id, String slug, String title, String bodyHtml, String excerpt, Instant publishAt,
            Instant updatedAt, Instant createdAt, String authorName, Long featuredMediaId) {
    }

    /**
     * The newest visible posts in {@code scope}, newest first: their ids as a list page finds them (see
     * {@link PostListing#ids}), then one statement for those posts with their author's name, one for their tags
     * and one for their categories.
     */
    @Transactional
    public List<FeedPost> latest(Scope scope, Instant now) {
        PostListing.Filter filter = scope.tagId() != null ? PostListing.Filter.tag(scope.tagId())
                : scope.categoryId() != null ? PostListing.Filter.category(scope.categoryId())
                        : scope.authorId() != null ? PostListing.Filter.author(scope.authorId()) : PostListing.Filter.ALL;
        List<Long> ids = listing.ids(filter, null, null, FEED_SIZE);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Row> byId = new HashMap<>();
        em.createQuery("select p.id, p.slug, p.title, p.bodyHtml, p.excerpt, p.publishAt, p.updatedAt, p.createdAt, "
                + "a.displayName, p.featuredMediaId from Post p join p.author a where p.id in :ids", Row.class)
                .setParameter("ids", ids).getResultList().forEach(row -> byId.put(row.id(), row));
        List<Row> rows = ids.stream().map(byId::get).filter(Objects::nonNull).toList();

        Map<Long, List<FeedPost.Term>> tags = new HashMap<>();
        List<Object[]> tagRows = em.createQuery("select p.id, t.name, t.slug from Post p join p.tags t "
                + "where p.id in :ids order by t.name", Object[].class)
                .setParameter("ids", rows.stream().map(Row::id).toList())
                .getResultList();
        for (Object[] row : tagRows) {
            tags.computeIfAbsent((Long) row[0], k -> new ArrayList<>())
                    .add(new FeedPost.Term((String) row[1], (String) row[2]));
        }

        Map<Long, List<FeedPost.Term>> categories = new HashMap<>();
        em.createQuery("select p.id, c.name, c.slug from Post p join p.categories c where p.id in :ids "
                + "order by p.id, index(c)", Object[].class)
                .setParameter("ids", rows.stream().map(Row::id).toList())
                .getResultList()
                .forEach(row -> categories.computeIfAbsent((Long) row[0], k -> new ArrayList<>())
                        .add(new FeedPost.Term((String) row[1], (String) row[2])));

        List<FeedPost> posts = new ArrayList<>(rows.size());
        for (Row r : rows) {
            posts.add(new FeedPost(r.id(), r.slug(), r.title(), r.bodyHtml(), r.excerpt(), r.publishAt(),
                    r.updatedAt(), r.createdAt(), r.authorName(),
                    categories.getOrDefault(r.id(), List.of()), tags.getOrDefault(r.id(), List.of()), r.featuredMediaId()));
        }
        return posts;
    }

    /** A public address for the sitemap, with when its content last changed (null when unknown). */
    public record Location(String path, Instant lastModified) {
    }

    /** A sitemap line with the id that the next query of its file starts after (keyset paging). */
    public record Keyed(long id, Location location) {
    }

    /*
     * The sitemap is split into files by id range: file n of a kind holds the ids in ((n-1)*w, n*w], w being
     * the file's width. Every query below names that range, so a file costs the same at any depth and only
     * reads the post_sitemap index (kind, id, status, publish_at, updated_at, slug), never a post's row. The
     * bound "p.id > 0" on an otherwise whole-table query is what lets H2 choose that index over post_visible_timeline.
     */

    /** A sitemap file as its index shows it: how many addresses it holds, and their last change (null when unknown). */
    public record SitemapFile(long urls, Instant lastModified) {
    }

    /**
     * The files of one kind of post that hold a visible post, by number (from 1), with their counts and last
     * change. One statement, read from the index alone.
     */
    @Transactional
    public Map<Long, SitemapFile> postFiles(PostKind kind, int width, Instant now) {
        Map<Long, SitemapFile> files = new TreeMap<>();
        em.createQuery("select (p.id - 1) / " + width + ", count(p.id), max(p.updatedAt), max(p.publishAt) "
                + "from Post p where p.kind = :kind and p.id > 0 and " + Post.VISIBLE + " group by (p.id - 1) / "
                + width, Object[].class)
                .setParameter("kind", kind).setParameter("now", now).getResultList()
                .forEach(r -> files.put(((Number) r[0]).longValue() + 1,
                        new SitemapFile(((Number) r[1]).longValue(), later((Instant) r[2], (Instant) r[3]))));
        return files;
    }

    /** The files of width {@code width} that hold a tag with a visible post, by number (from 1), with their counts. */
    @Transactional
    public Map<Long, SitemapFile> tagFiles(int width, Instant now) {
        return termFiles("tag", "post_tag", "tag_id", width, now);
    }

    /** The files of width {@code width} that hold a category with a visible post, by number (from 1), with their counts. */
    @Transactional
    public Map<Long, SitemapFile> categoryFiles(int width, Instant now) {
        return termFiles("category", "post_category", "category_id", width, now);
    }

    private Map<Long, SitemapFile> termFiles(String table, String joinTable, String column, int width, Instant now) {
        Map<Long, SitemapFile> files = new TreeMap<>();
        List<?> rows = em.createNativeQuery("select (t.id - 1) / " + width + ", count(t.id) from " + table
                + " t where t.id > 0 and " + hasVisiblePost(joinTable, column) + " group by (t.id - 1) / " + width)
                .setParameter("now", now).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            files.put(((Number) r[0]).longValue() + 1, new SitemapFile(((Number) r[1]).longValue(), null));
        }
        return files;
    }

    /** When the newest visible post appeared or was last edited, or null when there is none: the home page's lastmod. */
    @Transactional
    public Instant latestChange(Instant now) {
        return postFiles(PostKind.POST, Integer.MAX_VALUE, now).values().stream().findFirst()
                .map(SitemapFile::lastModified).orElse(null);
    }

    /**
     * Up to {@link #SITEMAP_PAGE} visible posts with an id above {@code afterId} and at most {@code lastId}, by
     * id. The order names the kind so that H2 reads post_sitemap in order.
     */
    @Transactional
    public List<Keyed> postsBetween(long afterId, long lastId, Instant now) {
        return em.createQuery("select p.id, p.slug, p.updatedAt, p.publishAt from Post p where " + VISIBLE_POST
                + " and p.id > :after and p.id <= :last order by p.kind, p.id", Object[].class)
                .setParameter("now", now).setParameter("after", afterId).setParameter("last", lastId)
                .setMaxResults(SITEMAP_PAGE).getResultStream()
                .map(r -> new Keyed((Long) r[0], new Location(Paths.post((String) r[1]),
                        later((Instant) r[2], (Instant) r[3]))))
                .toList();
    }

    /**
     * Up to {@link #SITEMAP_PAGE} visible standalone pages with an id above {@code afterId} and at most
     * {@code lastId}, by id, with their addresses (under their parents': /about/team).
     */
    @Transactional
    public List<Keyed> pagesBetween(long afterId, long lastId, Instant now) {
        List<Object[]> rows = em.createQuery("select p.id, p.updatedAt, p.publishAt from Post p "
                + "where p.kind = org.quillpress.post.PostKind.PAGE and " + Post.VISIBLE
                + " and p.id > :after and p.id <= :last order by p.kind, p.id", Object[].class)
                .setParameter("now", now).setParameter("after", afterId).setParameter("last", lastId)
                .setMaxResults(SITEMAP_PAGE).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> tree = pageTree();
        return rows.stream().map(r -> new Keyed((Long) r[0], new Location(path(tree, (Long) r[0]),
                later((Instant) r[1], (Instant) r[2])))).toList();
    }

    /** The address of every standalone page by its id, in one statement (there are few pages). */
    @Transactional
    public Map<Long, String> pagePaths() {
        Map<Long, Object[]> tree = pageTree();
        Map<Long, String> paths = new HashMap<>();
        tree.keySet().forEach(id -> paths.put(id, path(tree, id)));
        return paths;
    }

    /** Every page's id, slug and parent id, by id: a page's address names its parents (which may be drafts). */
    private Map<Long, Object[]> pageTree() {
        Map<Long, Object[]> tree = new HashMap<>();
        em.createQuery("select p.id, p.slug, pp.id from Post p left join p.parent pp "
                + "where p.kind = org.quillpress.post.PostKind.PAGE", Object[].class)
                .getResultList().forEach(r -> tree.put((Long) r[0], r));
        return tree;
    }

    /** As {@link Post#path}: the slugs from the top page down to this one; the bound ends a loop in bad data. */
    private static String path(Map<Long, Object[]> tree, Long id) {
        List<String> slugs = new ArrayList<>();
        for (Object[] p = tree.get(id); p != null && slugs.size() <= tree.size(); p = tree.get((Long) p[2])) {
            slugs.add(0, (String) p[1]);
        }
        return Paths.page(String.join("/", slugs));
    }

    /*
     * Archives are found by probing for one visible post each (the post_tag and category indexes answer
     * that) rather than by grouping every post: a page of them costs the same however many posts exist.
     * The price is no lastmod for archive pages, which the protocol makes optional.
     */

    /** Up to {@link #SITEMAP_PAGE} tags with an id in ({@code afterId}, {@code lastId}] that have a visible post. */
    @Transactional
    public List<Keyed> tagsBetween(long afterId, long lastId, Instant now) {
        return termsBetween("tag", "post_tag", "tag_id", afterId, lastId, now).stream()
                .map(r -> new Keyed(((Number) r[0]).longValue(), new Location(Paths.tag((String) r[1]), null))).toList();
    }

    /** Up to {@link #SITEMAP_PAGE} categories with an id in ({@code afterId}, {@code lastId}] that have a visible post. */
    @Transactional
    public List<Keyed> categoriesBetween(long afterId, long lastId, Instant now) {
        return termsBetween("category", "post_category", "category_id", afterId, lastId, now).stream()
                .map(r -> new Keyed(((Number) r[0]).longValue(), new Location(Paths.category((String) r[1]), null)))
                .toList();
    }

    private List<Object[]> termsBetween(String table, String joinTable, String column, long afterId, long lastId,
            Instant now) {
        List<?> rows = em.createNativeQuery("select t.id, t.slug from " + table + " t where t.id > :after and t.id <= :last"
                + " and " + hasVisiblePost(joinTable, column) + " order by t.id").setParameter("now", now)
                .setParameter("after", afterId).setParameter("last", lastId).setMaxResults(SITEMAP_PAGE).getResultList();
        return rows.stream().map(Object[].class::cast).toList();
    }

    /**
     * "Term t has a visible post", in plain SQL answered by the first entry of the term's timeline index in its
     * join table (term, visible_at, post_id), which holds each post's public time (see post.TermTimeline): one
     * read per term. Through the post table (or in HQL, which joins the term's table again) H2 began from the
     * posts and read 30,000 of them per term: over a minute for the sitemap index at 100,000 posts.
     */
    private static String hasVisiblePost(String joinTable, String column) {
        return "exists (select 1 from " + joinTable + " j where j." + column + " = t.id and j.visible_at <= :now)";
    }

    /** A post scheduled after its last edit changes for readers when it appears, not when it was saved. */
    static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
