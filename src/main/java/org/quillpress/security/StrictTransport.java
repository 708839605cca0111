package org.quillpress.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.quillpress.QuillpressConfig;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP Strict Transport Security once the site says it is on TLS: Secure cookies switched on
 * ({@code QUILLPRESS_SECURE_COOKIES}), or the request came over HTTPS (directly, or through a trusted proxy with
 * {@code QUILLPRESS_BEHIND_PROXY}). Never on plain HTTP otherwise: a browser would then refuse a site that has no
 * certificate yet. Added to every answer, the page cache's included.
 */
@ApplicationScoped
public class StrictTransport {

    static final String HEADER = "Strict-Transport-Security";
    /** A year, the value the HSTS preload list asks for; sub-domains are left to their own settings. */
    static final String VALUE = "max-age=31536000";

    /** Before the page cache, which answers without calling further filters. */
    private static final int PRIORITY = 1000;

    @Inject
    QuillpressConfig config;

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext routing) {
        if (applies(config.session().secureCookie(), routing.request().scheme())) {
            routing.response().putHeader(HEADER, VALUE);
        }
        routing.next();
    }

    /** Whether an answer carries the header: the site is said to be on TLS, or this request came over it. */
    static boolean applies(boolean secureCookies, String scheme) {
        return secureCookies || "https".equalsIgnoreCase(scheme);
    }
}
