package org.quillpress.security;

/**
 * What the session cookie carries: whose session it is, the account's session epoch, its expiry, and the session's
 * own random id, by which signing out ends this one session (see {@link RevokedSessions}). Cookies sealed before
 * sessions had ids carry none: they end with "sign out everywhere" or by expiring.
 */
public record SessionToken(long accountId, int epoch, long expiresAtEpochSecond, String id) {

    /** A token without an id, as older cookies hold. */
    public SessionToken(long accountId, int epoch, long expiresAtEpochSecond) {
        this(accountId, epoch, expiresAtEpochSecond, null);
    }
}
