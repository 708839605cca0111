package org.quillpress.cache;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.csrf.reactive.runtime.CsrfTokenUtils;
import io.quarkus.csrf.reactive.runtime.RestCsrfConfig;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The CSRF token of a visitor served from the cache, chosen and set exactly as quarkus-rest-csrf does for
 * a GET it handles (CsrfRequestResponseReactiveFilter): the token in the visitor's cookie when there is
 * one, otherwise new random bytes; and the cookie (re)set with the configured attributes. With a signature
 * key the extension issues a new token on every page and keeps its signature in the cookie; so does this.
 */
@ApplicationScoped
class VisitorCsrf {

    @Inject
    RestCsrfConfig config;

    private final SecureRandom random = new SecureRandom();

    String fieldName() {
        return config.formFieldName();
    }

    /**
     * False when the visitor sends a CSRF cookie the extension would refuse (wrong size or not base64url):
     * then the application answers, with the 400 the extension gives.
     */
    boolean cookieAcceptable(RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(config.cookieName());
        if (cookie == null) {
            return true;
        }
        try {
            int expected = config.tokenSignatureKey().isPresent() ? 32 : config.tokenSize();
            return Base64.getUrlDecoder().decode(cookie.getValue()).length == expected;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** False when the extension would give no token on this path ({@code quarkus.rest-csrf.create-token-path}). */
    boolean issuesTokenOn(String path) {
        return config.createTokenPath().map(paths -> paths.contains(path)).orElse(true);
    }

    /** The token for this visitor's form fields; sets the CSRF cookie on the response. */
    String tokenFor(RoutingContext routing) {
        Cookie existing = routing.request().getCookie(config.cookieName());
        String token;
        String cookieValue;
        if (config.tokenSignatureKey().isPresent()) {
            byte[] bytes = newToken();
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            cookieValue = CsrfTokenUtils.signCsrfToken(bytes, config.tokenSignatureKey().get());
        } else if (existing != null) {
            token = existing.getValue();
            cookieValue = token;
        } else {
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(newToken());
            cookieValue = token;
        }
        Cookie cookie = Cookie.cookie(config.cookieName(), cookieValue).setHttpOnly(config.cookieHttpOnly())
                .setSecure(config.cookieForceSecure() || routing.request().isSSL())
                .setMaxAge(config.cookieMaxAge().toSeconds()).setPath(config.cookiePath());
        config.cookieDomain().ifPresent(cookie::setDomain);
        routing.response().addCookie(cookie);
        return token;
    }

    private byte[] newToken() {
        byte[] bytes = new byte[config.tokenSize()];
        random.nextBytes(bytes);
        return bytes;
    }
}
