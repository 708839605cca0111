package org.quillpress.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.QuillpressConfig;
import org.quillpress.account.AccountPrincipal;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/** Starts and ends sessions: the cookie is HttpOnly, SameSite=Lax, and Secure when configured. */
@ApplicationScoped
public class Sessions {

    public static final String COOKIE = "qp_session";

    @Inject
    SessionCodec codec;

    @Inject
    QuillpressConfig config;

    @Inject
    Clock clock;

    @Inject
    RevokedSessions revoked;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** quarkus-rest-csrf's default token size. */
    private static final int CSRF_TOKEN_BYTES = 16;

    /**
     * Starts a session for the account: a new random session id in the sealed cookie, and a fresh CSRF token, so that a
     * token seen before signing in is worth nothing after.
     */
    public void start(AccountPrincipal account, RoutingContext routing) {
        Instant expires = clock.instant().plus(config.session().lifetime());
        byte[] id = new byte[18];
        RANDOM.nextBytes(id);
        String sealed = codec.seal(new SessionToken(account.id(), account.sessionEpoch(), expires.getEpochSecond(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(id)));
        routing.response().addCookie(cookie(sealed, routing).setMaxAge(config.session().lifetime().toSeconds()));
        // quarkus-rest-csrf sets its cookie after the resource from these context keys (see
        // CsrfRequestResponseReactiveFilter): a fresh token there replaces the one seen before signing in
        byte[] csrf = new byte[CSRF_TOKEN_BYTES];
        RANDOM.nextBytes(csrf);
        routing.put("csrf_token_bytes", csrf);
        routing.put("csrf_token", Base64.getUrlEncoder().withoutPadding().encodeToString(csrf));
        routing.put("true", Boolean.TRUE);
    }

    /**
     * Signs out: the session in the request's cookie is ended on the server, on every instance, so a copy of the
     * cookie opens nothing any more; then the cookie is cleared.
     */
    public void end(RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(COOKIE);
        if (cookie != null) {
            codec.open(cookie.getValue()).filter(token -> token.id() != null).ifPresent(token -> revoked
                    .revoke(token.id(), Instant.ofEpochSecond(token.expiresAtEpochSecond())));
        }
        clear(routing);
    }

    /**
     * The account of the request's session cookie when the cookie is genuine but no longer signs anyone in (its
     * session was ended, or the account was banned): such a writer is not a stranger. Noted by the authentication
     * mechanism as it drops the cookie, whose value the request no longer shows once the response clears it.
     */
    public Optional<Long> endedSessionAccount(RoutingContext routing, boolean signedIn) {
        return signedIn ? Optional.empty() : Optional.ofNullable(routing.get(ENDED_SESSION_ACCOUNT));
    }

    /** The routing context key under which {@link SessionAuthenticationMechanism} notes an ended session's account. */
    static final String ENDED_SESSION_ACCOUNT = "quillpress.ended-session-account";

    public void clear(RoutingContext routing) {
        if (!routing.response().headWritten()) {
            routing.response().addCookie(cookie("", routing).setMaxAge(0));
        }
    }

    private Cookie cookie(String value, RoutingContext routing) {
        return cookie(COOKIE, value, routing);
    }

    /**
     * A cookie for the site's own sign-in state (session, guest, draft, link): HttpOnly, SameSite=Lax, for the
     * whole site, and Secure when configured and whenever the request came over HTTPS (directly or through a
     * trusted proxy).
     */
    public Cookie cookie(String name, String value, RoutingContext routing) {
        boolean https = "https".equalsIgnoreCase(routing.request().scheme());
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(config.session().secureCookie() || https);
    }
}
