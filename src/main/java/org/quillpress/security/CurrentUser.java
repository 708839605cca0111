package org.quillpress.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.quillpress.account.AccountPrincipal;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;

/** Who is making the current request, if anyone. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    public Optional<AccountPrincipal> account() {
        try {
            return Optional.ofNullable(identity.getAttribute(AccountIdentities.ACCOUNT));
        } catch (AuthenticationFailedException e) {
            // the request's own sign-in failed (a provider's callback refused): it is anonymous, and its error
            // page must still render
            return Optional.empty();
        }
    }

    /** The signed-in account; callers guarded by @Authenticated or @RolesAllowed may rely on it. */
    public AccountPrincipal require() {
        return account().orElseThrow(() -> new io.quarkus.security.UnauthorizedException());
    }

    /** True when the request carries a browser session cookie (ambient authority, needs CSRF). */
    public boolean viaSession() {
        return "session".equals(identity.getAttribute(AccountIdentities.VIA));
    }
}
