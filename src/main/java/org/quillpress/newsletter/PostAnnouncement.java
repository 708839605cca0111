package org.quillpress.newsletter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.Timeouts;
import org.quillpress.post.Post;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A post that was announced to its subscribers. Its primary key, the post's id, is the claim: a post is announced
 * once, whatever saves it again and on however many instances.
 */
@Entity
@Table(name = "post_announcement")
public class PostAnnouncement extends PanacheEntityBase {

    @Id
    @Column(name = "post_id")
    public Long postId;

    @Column(name = "announced_at", nullable = false)
    public Instant announcedAt;

    /** When its mails were written to the outbox; null until then ({@link NewPostMails}). */
    @Column(name = "mailed_at")
    public Instant mailedAt;

    /** Posts whose announcement has no mails yet, the oldest first. */
    static List<Long> listUnmailedIds(int limit) {
        return getEntityManager().createQuery("select a.postId from PostAnnouncement a where a.mailedAt is null "
                + "order by a.announcedAt, a.postId", Long.class).setMaxResults(limit).getResultList();
    }

    /**
     * This post's announcement, locked for the current transaction, if its mails are still to be written; a row
     * another transaction holds is skipped ({@code FOR UPDATE SKIP LOCKED}), so the mails are written once.
     */
    static Optional<PostAnnouncement> claimUnmailed(long postId) {
        return find("postId = ?1 and mailedAt is null", postId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", Timeouts.SKIP_LOCKED_MILLI).firstResultOptional();
    }

    /**
     * The posts announced in {@code [from, to)} that are still public now, oldest first, to all readers or, for a
     * subscriber to some categories, in one of them.
     */
    static List<Post> listForDigest(Instant from, Instant to, Instant now, PostSubscriber subscriber) {
        String scope = subscriber.allPosts ? ""
                : " and exists (select 1 from Post q join q.categories c where q = p and c member of s.categories)";
        return Post.getEntityManager().createQuery("select p from PostAnnouncement a, Post p, PostSubscriber s "
                + "where p.id = a.postId and s.id = :subscriber and a.announcedAt >= :from and a.announcedAt < :to and "
                + "p.kind = org.quillpress.post.PostKind.POST and " + Post.VISIBLE + scope
                + " order by a.announcedAt, p.id", Post.class).setParameter("subscriber", subscriber.id)
                .setParameter("from", from).setParameter("to", to).setParameter("now", now).getResultList();
    }
}
