package org.quillpress.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.quillpress.account.Account;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.AccountService;
import org.quillpress.account.Role;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Accounts for tests, each with a unique email so that tests never share one by accident. */
public final class TestAccounts {

    public static final String OWNER_EMAIL = "owner@quillpress.test";
    public static final String OWNER_PASSWORD = "Owner-Password-2026";
    public static final String PASSWORD = "Test-Password-2026";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestAccounts() {
    }

    /** A new account with a local password; its email is returned in the principal's handle owner. */
    public static Created create(Role role, String displayName) {
        String email = "user" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "@quillpress.test";
        Account account = QuarkusTransaction.requiringNew().call(() -> Arc.container().instance(AccountService.class)
                .get().createLocal(displayName, email, PASSWORD, role));
        return new Created(AccountPrincipal.of(account), email);
    }

    public static AccountPrincipal owner() {
        return QuarkusTransaction.requiringNew()
                .call(() -> AccountPrincipal.of(Account.<Account> find("email", OWNER_EMAIL).firstResult()));
    }

    /** An account made for a test, and how to sign in as it. */
    public record Created(AccountPrincipal principal, String email) {
        public WebClient signIn() {
            return WebClient.signedIn(email, PASSWORD);
        }
    }
}
