package org.quillpress.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A session someone signed out of, kept until its cookie would have expired anyway. */
@Entity
@Table(name = "revoked_session")
public class RevokedSession extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
