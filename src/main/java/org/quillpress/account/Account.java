package org.quillpress.account;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person on the site: reader, author, moderator or admin. Email is private, never shown. */
@Entity
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String handle;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    public String email;

    public String bio;

    public String website;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    /** Whether comments written while signed in ask for mail about replies (the form's box starts so). */
    @Column(name = "notify_replies", nullable = false)
    public boolean notifyReplies = true;

    @Column(name = "session_epoch", nullable = false)
    public int sessionEpoch;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public int version;

    /** An account with the provider of the sign-in it used last ({@link LoginIdentity#LOCAL} when it has none). */
    public record WithProvider(Account account, String provider) {
    }

    /** The account and its last-used provider, in one statement: a comment records both. */
    public static Optional<WithProvider> findWithLatestProvider(long id) {
        return getEntityManager().createQuery("select a, (select li.provider from LoginIdentity li where li.account = a "
                + "order by li.lastUsedAt desc nulls last, li.id limit 1) from Account a where a.id = ?1", Object[].class)
                .setParameter(1, id).getResultStream().findFirst()
                .map(row -> new WithProvider((Account) row[0], row[1] == null ? LoginIdentity.LOCAL : (String) row[1]));
    }

    public static Optional<Account> findByHandle(String handle) {
        return find("handle", handle).firstResultOptional();
    }

    /** True when a moderator or an admin has this email (compared without case). */
    public static boolean isStaffEmail(String email) {
        return count("lower(email) = ?1 and role in ?2", email.toLowerCase(java.util.Locale.ROOT),
                java.util.Arrays.stream(Role.values()).filter(r -> r.atLeast(Role.MODERATOR)).toList()) > 0;
    }

    public static boolean anyAdmin() {
        return count("role", Role.ADMIN) > 0;
    }

    /** The handles that equal {@code base} or start with "base-". */
    public static java.util.List<String> handlesLike(String base) {
        return find("select a.handle from Account a where a.handle = ?1 or a.handle like ?2", base, base + "-%")
                .project(String.class).list();
    }
}
