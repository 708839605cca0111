package org.quillpress.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.quillpress.post.PostKind;
import org.quillpress.post.PostStatus;

/**
 * What the embedded index is built from, read from the database: the posts and pages that are or will be
 * public (published, or scheduled: the search hides those whose time has not come), their tags and approved
 * comments. Drafts and trashed posts are never read, so they can never be found.
 */
@ApplicationScoped
class PostDocuments {

    /** The longest body and comment text indexed per post: a search looks at words, not whole books. */
    static final int MAX_TEXT = 200_000;

    private static final String INDEXABLE = "p.status in (org.quillpress.post.PostStatus.PUBLISHED, "
            + "org.quillpress.post.PostStatus.SCHEDULED) and p.publishAt is not null";

    @Inject
    EntityManager em;

    /** A post or page as the index sees it. */
    record PostText(long id, PostKind kind, String title, String body, Instant publishAt, List<Long> tagIds,
            List<String> tagNames, String comments) {
    }

    /** A tag as the index sees it. */
    record TagText(long id, String name) {
    }

    /** The indexable posts among {@code ids}; an id missing from the answer is a post to drop from the index. */
    @Transactional
    List<PostText> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> tagIds = new HashMap<>();
        Map<Long, List<String>> tagNames = new HashMap<>();
        em.createQuery("select p.id, t.id, t.name from Post p join p.tags t where p.id in :ids order by t.id", Object[].class)
                .setParameter("ids", ids).getResultList().forEach(row -> {
                    tagIds.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Long) row[1]);
                    tagNames.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[2]);
                });
        Map<Long, StringBuilder> comments = new HashMap<>();
        em.createQuery("select c.post.id, c.bodyHtml from Comment c where c.post.id in :ids "
                + "and c.status = org.quillpress.comment.CommentStatus.APPROVED order by c.id", Object[].class)
                .setParameter("ids", ids).getResultList().forEach(row -> {
                    StringBuilder text = comments.computeIfAbsent((Long) row[0], k -> new StringBuilder());
                    if (text.length() < MAX_TEXT) {
                        text.append(PlainText.of((String) row[1])).append('\n');
                    }
                });
        List<PostText> posts = new ArrayList<>();
        em.createQuery("select p.id, p.kind, p.title, p.bodyHtml, p.publishAt from Post p where p.id in :ids and "
                + INDEXABLE, Object[].class).setParameter("ids", ids).getResultList().forEach(row -> {
                    long id = (Long) row[0];
                    String comment = comments.getOrDefault(id, new StringBuilder()).toString();
                    posts.add(new PostText(id, (PostKind) row[1], (String) row[2], cap(PlainText.of((String) row[3])),
                            (Instant) row[4], tagIds.getOrDefault(id, List.of()), tagNames.getOrDefault(id, List.of()),
                            cap(comment)));
                });
        return posts;
    }

    /** A rebuild's next batch: the indexable posts among the next ids, and the last id looked at (0: no more). */
    record Batch(List<Long> ids, long last) {
    }

    /**
     * The indexable posts among the up to {@code max} posts after {@code afterId}, in id order. Read by the primary
     * key alone and sorted out here: with the status in the query H2 read its status index and sorted all of
     * them, 100,000 posts for every batch.
     */
    @Transactional
    Batch batchAfter(long afterId, int max) {
        List<Long> ids = new ArrayList<>();
        long last = 0;
        for (Object[] row : em.createQuery("select p.id, p.status, p.publishAt from Post p where p.id > :after "
                + "order by p.id", Object[].class).setParameter("after", afterId).setMaxResults(max).getResultList()) {
            last = (Long) row[0];
            if ((row[1] == PostStatus.PUBLISHED || row[1] == PostStatus.SCHEDULED) && row[2] != null) {
                ids.add(last);
            }
        }
        return new Batch(ids, last);
    }

    @Transactional
    List<TagText> tags() {
        return em.createQuery("select t.id, t.name from Tag t", Object[].class).getResultList().stream()
                .map(row -> new TagText((Long) row[0], (String) row[1])).toList();
    }

    /**
     * A short summary of everything the index is built from. Each edit of a post or comment raises its version,
     * and a post or comment leaving or joining the searchable ones changes the counts and sums, so a different
     * answer means the index may be out of date. The two aggregates read the indexes comment_search_fingerprint
     * and post_search_fingerprint only (V27), never the rows with their bodies; the tags, a few hundred rows,
     * are summed whole, so a rename to a name of the same length still counts. Read at start and at a clean
     * stop only.
     */
    @Transactional
    String fingerprint() {
        Object[] posts = em.createQuery("select count(p), coalesce(sum(p.version), 0), coalesce(sum(p.id), 0) "
                + "from Post p where " + INDEXABLE, Object[].class).getSingleResult();
        Object[] comments = em.createQuery("select count(c), coalesce(sum(c.version), 0), coalesce(sum(c.id), 0) "
                + "from Comment c where c.status = org.quillpress.comment.CommentStatus.APPROVED", Object[].class)
                .getSingleResult();
        int tags = 0;
        for (TagText tag : tags().stream().sorted(Comparator.comparingLong(TagText::id)).toList()) {
            tags = 31 * (31 * tags + Long.hashCode(tag.id())) + tag.name().hashCode();
        }
        return join(posts) + "/" + join(comments) + "/" + tags;
    }

    private static String join(Object[] row) {
        StringBuilder out = new StringBuilder();
        for (Object value : row) {
            out.append(out.isEmpty() ? "" : ":").append(value);
        }
        return out.toString();
    }

    private static String cap(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
}
