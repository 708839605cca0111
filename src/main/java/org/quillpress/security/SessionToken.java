package org.quillpress.security;

/** What the session cookie carries: whose session it is, the account's session epoch, and its expiry. */
public record SessionToken(long accountId, int epoch, long expiresAtEpochSecond) {
}
