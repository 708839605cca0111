package org.quillpress.security;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An account's authenticator-app secret (TOTP, RFC 6238). While {@code enabledAt} is null it is being set up and
 * asks for nothing; once enabled, a password sign-in also needs a code from the app or a recovery code.
 */
@Entity
@Table(name = "two_factor")
public class TwoFactor extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public Long accountId;

    @Column(nullable = false)
    public String secret;

    @Column(name = "enabled_at")
    public Instant enabledAt;

    /** The last 30-second step a code was accepted for: a code seen once is not accepted again. */
    @Column(name = "last_step")
    public Long lastStep;

    static Optional<TwoFactor> enabledFor(long accountId) {
        return TwoFactor.<TwoFactor> findByIdOptional(accountId).filter(t -> t.enabledAt != null);
    }
}
