package org.quillpress.security;

import java.time.Clock;
import java.time.Instant;

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

    public void start(AccountPrincipal account, RoutingContext routing) {
        Instant expires = clock.instant().plus(config.session().lifetime());
        String sealed = codec.seal(new SessionToken(account.id(), account.sessionEpoch(), expires.getEpochSecond()));
        routing.response().addCookie(cookie(sealed, routing).setMaxAge(config.session().lifetime().toSeconds()));
    }

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
