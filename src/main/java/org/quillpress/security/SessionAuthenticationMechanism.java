package org.quillpress.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads who is signed in from the encrypted session cookie, or from a personal access token in the
 * Authorization header. A cookie that no longer holds (expired, account gone, sessions ended) is
 * treated as no cookie at all: the request goes on anonymously and the cookie is cleared.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    @Inject
    SessionCodec codec;

    @Inject
    Sessions sessions;

    @Inject
    RevokedSessions revoked;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String secret = authorization.substring(BEARER.length()).trim();
            return identityProviderManager.authenticate(
                    HttpSecurityUtils.setRoutingContextAttribute(new ApiTokenAuthenticationRequest(secret), context));
        }
        Cookie cookie = context.request().getCookie(Sessions.COOKIE);
        if (cookie == null) {
            return Uni.createFrom().nullItem();
        }
        return codec.open(cookie.getValue())
                // signed out: a copy of the cookie is as dead as the one the browser dropped
                .filter(token -> !revoked.isRevoked(token.id()))
                .map(token -> identityProviderManager.authenticate(
                        HttpSecurityUtils.setRoutingContextAttribute(new SessionAuthenticationRequest(token), context))
                        .onFailure().recoverWithUni(failure -> {
                            context.put(Sessions.ENDED_SESSION_ACCOUNT, token.accountId());
                            sessions.clear(context);
                            return Uni.createFrom().nullItem();
                        }))
                .orElseGet(() -> {
                    sessions.clear(context);
                    return Uni.createFrom().nullItem();
                });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        // pages map the refusal themselves (see web.ErrorMappers); this covers anything else
        return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.UNAUTHORIZED.code(),
                HttpHeaderNames.WWW_AUTHENTICATE, "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionAuthenticationRequest.class, ApiTokenAuthenticationRequest.class);
    }
}
