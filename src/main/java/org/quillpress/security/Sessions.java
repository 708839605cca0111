package org.quillpress.security;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.QuillpressConfig;
import org.quillpress.account.AccountPrincipal;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerResponse;

/** Starts and ends sessions: the cookie is HttpOnly, SameSite=Lax, and Secure when configured. */
@ApplicationScoped
public class Sessions {

    public static final String COOKIE = "qp_session";

    @Inject
    SessionCodec codec;

    @Inject
    QuillpressConfig config;

    public void start(AccountPrincipal account, HttpServerResponse response) {
        Instant expires = Instant.now().plus(config.session().lifetime());
        String sealed = codec.seal(new SessionToken(account.id(), account.sessionEpoch(), expires.getEpochSecond()));
        response.addCookie(cookie(sealed).setMaxAge(config.session().lifetime().toSeconds()));
    }

    public void clear(HttpServerResponse response) {
        if (!response.headWritten()) {
            response.addCookie(cookie("").setMaxAge(0));
        }
    }

    private Cookie cookie(String value) {
        return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(config.session().secureCookie());
    }
}
