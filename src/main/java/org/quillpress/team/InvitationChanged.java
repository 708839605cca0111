package org.quillpress.team;

import org.quillpress.account.Role;

/**
 * Fired inside the transaction when an invitation is sent, revoked or accepted, or a reader signed up by email, for
 * the audit log.
 */
public record InvitationChanged(What what, String email, Role role) {

    public enum What {
        SENT,
        REVOKED,
        ACCEPTED,
        SIGNED_UP
    }
}
