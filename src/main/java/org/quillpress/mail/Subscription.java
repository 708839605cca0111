package org.quillpress.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.quillpress.account.Account;
import org.quillpress.post.Post;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A reader who asked for mail about new comments on a post. A guest's subscription counts only once
 * they confirmed it from a mail (double opt-in); the token in every link is its only key.
 */
@Entity
public class Subscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    public Post post;

    @Column(nullable = false)
    public String email;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    public Account account;

    @Column(nullable = false, unique = true)
    public String token;

    @Column(nullable = false)
    public boolean confirmed;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Subscription> findByToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 64) {
            return Optional.empty();
        }
        return find("from Subscription s join fetch s.post where s.token = ?1", token).firstResultOptional();
    }

    /** This address's subscription to a post, confirmed or not; addresses compare without case. */
    public static Optional<Subscription> findForPost(Post post, String email) {
        return find("post = ?1 and lower(email) = lower(?2)", post, email).firstResultOptional();
    }

    /** Who gets mail about a new comment on the post. */
    public static List<Subscription> listConfirmedForPost(Post post) {
        return list("post = ?1 and confirmed = true order by id", post);
    }
}
