package org.quillpress.newsletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import org.hibernate.Timeouts;
import org.quillpress.post.Category;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A confirmed subscriber to new posts: an address, all posts or some categories, and how often. Its address is
 * private: it appears in the outbox and nowhere else; links reach it by a signed token ({@link ManageTokens}).
 */
@Entity
@Table(name = "post_subscriber")
public class PostSubscriber extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String email;

    /** The address in lower case, unique: one subscription per address. */
    @Column(name = "email_key", nullable = false, unique = true)
    public String emailKey;

    @Column(name = "all_posts", nullable = false)
    public boolean allPosts;

    @ManyToMany
    @JoinTable(name = "post_subscriber_category", joinColumns = @JoinColumn(name = "subscriber_id"), inverseJoinColumns = @JoinColumn(name = "category_id"))
    public List<Category> categories = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Frequency frequency;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Where the next digest starts: the end of the period the last one covered, or when this was confirmed. */
    @Column(name = "last_digest_at", nullable = false)
    public Instant lastDigestAt;

    static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static Optional<PostSubscriber> findByEmail(String email) {
        return find("emailKey", key(email)).firstResultOptional();
    }

    /** Who gets a mail of its own for this post: each-post subscribers to all posts or to one of its categories. */
    static List<PostSubscriber> listEachPostFor(long postId) {
        return list("select s from PostSubscriber s where s.frequency = ?1 and (s.allPosts = true or exists "
                + "(select 1 from Post p join p.categories c where p.id = ?2 and c member of s.categories)) "
                + "order by s.id", Frequency.EACH_POST, postId);
    }

    /** Ids of digest subscribers of this frequency whose last digest ended before {@code periodEnd}. */
    static List<Long> listDigestDueIds(Frequency frequency, Instant periodEnd, int limit) {
        return getEntityManager().createQuery("select s.id from PostSubscriber s where s.frequency = ?1 "
                + "and s.lastDigestAt < ?2 order by s.id", Long.class).setParameter(1, frequency)
                .setParameter(2, periodEnd).setMaxResults(limit).getResultList();
    }

    /**
     * This subscriber, locked for the current transaction, if its digest for the period ending at {@code periodEnd}
     * is still to be made; a row another instance holds is skipped ({@code FOR UPDATE SKIP LOCKED}), one another
     * instance has done is no longer due. So each digest is made once.
     */
    static Optional<PostSubscriber> claimDigestDue(long id, Frequency frequency, Instant periodEnd) {
        return find("id = ?1 and frequency = ?2 and lastDigestAt < ?3", id, frequency, periodEnd)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", Timeouts.SKIP_LOCKED_MILLI).firstResultOptional();
    }
}
