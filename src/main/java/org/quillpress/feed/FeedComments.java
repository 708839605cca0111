package org.quillpress.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.quillpress.comment.CommentStatus;
import org.quillpress.post.Post;
import org.quillpress.post.PostKind;

/**
 * The reads behind the comment feeds: the newest approved comments as plain values, with the name of
 * their writer and the title and address of their post, in one statement read in index order (no
 * entity, no post body, no statement per comment). A million comments cost what a hundred do.
 */
@ApplicationScoped
public class FeedComments {

    /** Comments per feed. */
    static final int SIZE = 30;

    @Inject
    EntityManager em;

    @Inject
    FeedPosts posts;

    /** A comment as a feed shows it; {@code postPath} is its post's or page's address. */
    record Row(long id, String writer, Instant createdAt, Instant editedAt, String bodyHtml, String postTitle,
            String postPath) {
    }

    private static final String COLUMNS = "select c.id, coalesce(a.displayName, c.authorName), c.createdAt, "
            + "c.editedAt, c.bodyHtml, p.id, p.kind, p.slug, p.title from Comment c join c.post p left join c.account a ";

    /**
     * The newest approved comments on visible posts and pages. The order names the status so that H2 reads
     * the index comment_queue (status, created_at, id) backwards and stops after {@link #SIZE} rows.
     */
    @Transactional
    public List<Row> latest(Instant now) {
        List<Object[]> rows = em.createQuery(COLUMNS + "where c.status = :approved and " + Post.VISIBLE
                + " order by c.status desc, c.createdAt desc, c.id desc", Object[].class)
                .setParameter("approved", CommentStatus.APPROVED).setParameter("now", now)
                .setMaxResults(SIZE).getResultList();
        // a comment on a nested page links under its parents' address: one statement for the page tree
        Map<Long, String> pagePaths = rows.stream().anyMatch(r -> r[6] == PostKind.PAGE)
                ? posts.pagePaths()
                : Map.of();
        return rows.stream().map(r -> row(r, r[6] == PostKind.PAGE ? pagePaths.get((Long) r[5])
                : ((PostKind) r[6]).path((String) r[7]))).toList();
    }

    /**
     * The newest approved comments of one post, whose address is given. The order names the post and the
     * status so that H2 reads the index comment_post_feed backwards.
     */
    @Transactional
    public List<Row> ofPost(long postId, String postPath) {
        return em.createQuery(COLUMNS + "where p.id = :post and c.status = :approved "
                + "order by c.post.id desc, c.status desc, c.createdAt desc, c.id desc", Object[].class)
                .setParameter("post", postId).setParameter("approved", CommentStatus.APPROVED)
                .setMaxResults(SIZE).getResultStream().map(r -> row(r, postPath)).toList();
    }

    private static Row row(Object[] r, String postPath) {
        return new Row((Long) r[0], (String) r[1], (Instant) r[2], (Instant) r[3], (String) r[4], (String) r[8],
                postPath);
    }
}
