package org.quillpress.account;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One way to sign in to an account: a provider and the provider's stable subject for the person.
 * The local provider's subject is the lower-cased email, and only it has a password hash.
 */
@Entity
@Table(name = "login_identity")
public class LoginIdentity extends PanacheEntityBase {

    public static final String LOCAL = "local";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    @Column(nullable = false)
    public String provider;

    @Column(nullable = false)
    public String subject;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    /** What the provider last said about the person (none for the local provider). */
    @Column(name = "display_name")
    public String displayName;

    /** An address the provider verified; private. */
    public String email;

    @Column(name = "avatar_url")
    public String avatarUrl;

    public static Optional<LoginIdentity> find(String provider, String subject) {
        return find("from LoginIdentity i join fetch i.account where i.provider = ?1 and i.subject = ?2", provider,
                subject).firstResultOptional();
    }

    /** The ways an account signs in, oldest first. */
    public static java.util.List<LoginIdentity> listFor(long accountId) {
        return list("account.id = ?1 order by createdAt, id", accountId);
    }

    /** Keeps the provider's latest profile: names and pictures change. */
    void refresh(SocialProfile profile) {
        displayName = profile.displayName();
        email = profile.email();
        avatarUrl = profile.avatarUrl();
    }

    public static Optional<LoginIdentity> findLocal(String email) {
        return find(LOCAL, normalizeEmail(email));
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
