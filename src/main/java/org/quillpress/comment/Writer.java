package org.quillpress.comment;

import java.util.Optional;

import org.quillpress.account.AccountPrincipal;

/**
 * Who is writing: a signed-in account, or a guest; with the client's address and browser. {@code signedOutAccountId}
 * names the account of a session cookie the guest still sent although it no longer holds (ended by a ban, say).
 */
public record Writer(Optional<AccountPrincipal> account, String address, String userAgent, Long signedOutAccountId) {

    public Writer(Optional<AccountPrincipal> account, String address, String userAgent) {
        this(account, address, userAgent, null);
    }
}
