package org.quillpress.team;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.quillpress.account.Role;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A link sent by mail that works once and for a while: a password reset, an invitation, or a reader's sign-up. The token
 * travels only
 * in the mail; the table keeps its SHA-256, so neither a database copy nor a log opens anything.
 */
@Entity
@Table(name = "one_time_link")
public class OneTimeLink extends PanacheEntityBase {

    /** What the link lets its holder do: set a new password, or create an account (invited, or signing up). */
    public enum Purpose {
        RESET,
        INVITE,
        SIGNUP
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as it appears in a link: 43 URL-safe characters, nothing else. */
    static final String TOKEN_PATTERN = "[A-Za-z0-9_-]{43}";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(nullable = false)
    public String email;

    /** The account a reset is for; null for an invitation or a sign-up. */
    @Column(name = "account_id")
    public Long accountId;

    /** The role an invitation or a sign-up gives; null for a reset. */
    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** A new random token (256 bits). */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The link with this token and purpose while it still works: not used, not revoked, not expired. */
    static Optional<OneTimeLink> findUsable(String token, Purpose purpose, Instant now) {
        if (token == null || !token.matches(TOKEN_PATTERN)) {
            return Optional.empty();
        }
        return find("tokenHash = ?1 and purpose = ?2 and usedAt is null and revokedAt is null and expiresAt > ?3",
                hash(token), purpose, now).firstResultOptional();
    }

    /**
     * Marks the link used, unless another request did so first: the update only matches an unused link, so two
     * requests racing with the same token cannot both get through.
     */
    boolean use(Instant now) {
        return update("usedAt = ?1 where id = ?2 and usedAt is null and revokedAt is null", now, id) == 1;
    }

    /** Invitations not yet accepted, revoked or expired, newest first. */
    static List<OneTimeLink> listPendingInvitations(Instant now) {
        return list("purpose = ?1 and usedAt is null and revokedAt is null and expiresAt > ?2 order by createdAt desc",
                Purpose.INVITE, now);
    }
}
