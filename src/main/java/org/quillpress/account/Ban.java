package org.quillpress.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A ban on an account (its id), an email address, or a network (an address or CIDR range). */
@Entity
public class Ban extends PanacheEntityBase {

    /** What a ban names. */
    public enum Kind {
        ACCOUNT,
        EMAIL,
        NETWORK
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "ban_value", nullable = false)
    public String value;

    public String reason;

    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** The bans on this account, address or network that are in force at {@code now}. */
    public static java.util.List<Ban> listActive(Kind kind, String value, Instant now) {
        return Ban.<Ban> list("kind = ?1 and value = ?2", kind, value).stream().filter(b -> b.activeAt(now)).toList();
    }

    /** The day the ban ends (UTC, 2026-12-01), or null for a ban without end. */
    public String endDay() {
        return expiresAt == null ? null : expiresAt.toString().substring(0, 10);
    }

    public boolean activeAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
