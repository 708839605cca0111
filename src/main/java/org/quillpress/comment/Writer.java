package org.quillpress.comment;

import java.util.Optional;

import org.quillpress.account.AccountPrincipal;

/** Who is writing: a signed-in account, or a guest; with the client's address and browser. */
public record Writer(Optional<AccountPrincipal> account, String address, String userAgent) {
}
