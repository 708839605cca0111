package org.quillpress.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.account.AccountDirectory;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.ApiTokens;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns a session or an API token into a security identity for the account, looked up on a worker thread. */
public final class AccountIdentities {

    /** Identity attribute holding the {@link AccountPrincipal}. */
    public static final String ACCOUNT = "quillpress.account";
    /** Identity attribute telling how the request signed in: "session" or "token". */
    public static final String VIA = "quillpress.via";

    private AccountIdentities() {
    }

    /** The identity carries the account as loaded (cached) from the database; {@link AccountRoles} adds its roles. */
    static SecurityIdentity identityOf(AccountPrincipal account, String via) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(Long.toString(account.id())))
                .addAttribute(ACCOUNT, account)
                .addAttribute(VIA, via)
                .build();
    }

    /** Session cookies: valid while the account exists and its session epoch is unchanged. */
    @ApplicationScoped
    public static class SessionProvider implements IdentityProvider<SessionAuthenticationRequest> {

        @Inject
        AccountDirectory directory;

        @Override
        public Class<SessionAuthenticationRequest> getRequestType() {
            return SessionAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request,
                AuthenticationRequestContext context) {
            return context.runBlocking(() -> directory.find(request.token().accountId())
                    .filter(a -> a.sessionEpoch() == request.token().epoch())
                    .map(a -> identityOf(a, "session"))
                    .orElseThrow(() -> new AuthenticationFailedException("session ended")));
        }
    }

    /** Personal access tokens. */
    @ApplicationScoped
    public static class TokenProvider implements IdentityProvider<ApiTokenAuthenticationRequest> {

        @Inject
        ApiTokens tokens;

        @Override
        public Class<ApiTokenAuthenticationRequest> getRequestType() {
            return ApiTokenAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(ApiTokenAuthenticationRequest request,
                AuthenticationRequestContext context) {
            return context.runBlocking(() -> tokens.authenticate(request.secret())
                    .map(a -> identityOf(a, "token"))
                    .orElseThrow(() -> new AuthenticationFailedException("unknown token")));
        }
    }
}
