package org.quillpress.comment;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A comment typed by a guest who then chose to sign in with a provider: kept for the return to the form. */
@Entity
@Table(name = "sign_in_draft")
public class SignInDraft extends PanacheEntityBase {

    @Id
    public String token;

    @Column(name = "post_id", nullable = false)
    public long postId;

    @Column(name = "parent_id")
    public Long parentId;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<SignInDraft> find(String token, long postId, Instant notBefore) {
        return find("token = ?1 and postId = ?2 and createdAt > ?3", token, postId, notBefore).firstResultOptional();
    }

    public static long deleteOlderThan(Instant cutoff) {
        return delete("createdAt < ?1", cutoff);
    }
}
