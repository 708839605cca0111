package org.quillpress.cache;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.quillpress.security.FormFields;
import org.quillpress.security.FormStamp;

import io.netty.buffer.Unpooled;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers anonymous GET and HEAD requests for public pages from the {@link PageCache}, on the event loop,
 * before authentication and REST: a hit touches no REST, Hibernate or Qute. On a miss it notes the request
 * for {@link PageCacheFiller} and lets the application answer.
 * <p>
 * A Quarkus HTTP filter: the response headers configured with {@code quarkus.http.header.*} are added by an
 * earlier route, so hits carry them too. Hits are compressed from the stored gzip copy; a response that
 * already has Content-Encoding is left alone by Quarkus' own compression.
 */
@ApplicationScoped
public class PageCacheRoute {

    /** Routing-context key under which a miss hands its {@link PageCache.Fill} to the filler. */
    static final String FILL = PageCacheRoute.class.getName() + ".fill";

    /** Routing-context key set when the page is alike for every visitor, so a signed-in one may fill it too. */
    static final String EVERYONE = PageCacheRoute.class.getName() + ".everyone";

    /** Says whether a response came from the cache (HIT) or was rendered for it (MISS). */
    static final String X_CACHE = "X-Cache";

    /** The Vary value of every cacheable page, spelled as browsers and proxies usually see it. */
    static final String ACCEPT_ENCODING = "Accept-Encoding";

    /**
     * Filters run from the highest priority down: after CORS (300, when configured) and before
     * authentication (200), so a guest's hit costs no security work.
     */
    static final int PRIORITY = 250;

    /**
     * Cookies that make a visitor's pages their own: the session ({@code qp_session}) and any other
     * {@code qp_} cookie (say, a guest's remembered name for the comment form, or their comment awaiting
     * moderation). Name such cookies with this prefix and the cache stays out of the way.
     */
    static final String PERSONAL_COOKIE_PREFIX = "qp_";

    /** The cookie prefix of Quarkus OIDC sessions, should social sign-in be added: they are signed in too. */
    private static final String OIDC_SESSION_PREFIX = "q_session";

    @Inject
    PageCache cache;

    @Inject
    VisitorCsrf csrf;

    @Inject
    FormStamp stamps;

    @Inject
    BeanManager beans;

    /** The public pages' addresses, read from the resources once: the check runs on every request. */
    private Pattern cacheable;

    /** Those of them that are alike for signed-in visitors too (feeds, the sitemap). */
    private Pattern everyone;

    void register(@Observes Filters filters) {
        if (cache.enabled()) {
            // resource classes are beans, so the bean list names every route the application has
            List<Class<?>> resources = beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                    .<Class<?>> map(Bean::getBeanClass).distinct().toList();
            cacheable = CacheRules.cacheablePaths(resources);
            everyone = CacheRules.everyonePaths(resources);
            filters.register(this::handle, PRIORITY);
        }
    }

    void handle(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        HttpMethod method = request.method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD || request.uri().length() > CacheRules.MAX_URI_LENGTH
                || !cacheable.matcher(routing.normalizedPath()).matches() || !csrf.cookieAcceptable(routing)) {
            routing.next();
            return;
        }
        if (personal(request)) {
            if (!everyone.matcher(routing.normalizedPath()).matches()) {
                routing.next();
                return;
            }
            routing.put(EVERYONE, Boolean.TRUE);
        }
        String query = request.query();
        String key = query == null ? routing.normalizedPath() : routing.normalizedPath() + '?' + query;
        CachedPage page = cache.lookup(key);
        if (page != null) {
            answer(routing, page);
            return;
        }
        PageCache.Miss miss = cache.startMiss(key);
        if (miss instanceof PageCache.Fill fill) {
            routing.put(FILL, fill);
            // ended however the response ends (sent, failed, connection lost), so no waiting request is stranded
            routing.addEndHandler(ended -> cache.endFill(fill));
            routing.response().putHeader(X_CACHE, "MISS");
            routing.next();
            return;
        }
        Context context = Vertx.currentContext();
        ((PageCache.Wait) miss).page().whenComplete((rendered, failure) -> context.runOnContext(again -> {
            if (rendered != null) {
                answer(routing, rendered);
            } else {
                // the page was not kept (an error page, too large, changed meanwhile): rendered for this request
                routing.response().putHeader(X_CACHE, "MISS");
                routing.next();
            }
        }));
    }

    /** Serves {@code page}, or lets the application answer when the page's form fields cannot be made here. */
    private void answer(RoutingContext routing, CachedPage page) {
        if (page instanceof CachedPage.WithFields && !csrf.issuesTokenOn(routing.normalizedPath())) {
            routing.next();
            return;
        }
        serve(routing, page);
    }

    /**
     * Visitors with a session, credentials or another personal cookie see their own pages: never served from
     * the cache, never filling it.
     */
    static boolean personal(HttpServerRequest request) {
        if (request.headers().contains(HttpHeaders.AUTHORIZATION)) {
            return true;
        }
        if (request.cookieCount() == 0) {
            return false;
        }
        for (Cookie cookie : request.cookies()) {
            String name = cookie.getName();
            if (name.startsWith(PERSONAL_COOKIE_PREFIX) || name.startsWith(OIDC_SESSION_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    private void serve(RoutingContext routing, CachedPage page) {
        HttpServerRequest request = routing.request();
        HttpServerResponse response = routing.response();
        MultiMap headers = response.headers();
        headers.set(HttpHeaders.CONTENT_TYPE, page.contentType());
        headers.set(HttpHeaders.CACHE_CONTROL, page.cacheControl());
        headers.set(HttpHeaders.VARY, ACCEPT_ENCODING);
        headers.set(X_CACHE, "HIT");
        boolean gzip = CacheRules.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        Buffer body;
        if (page instanceof CachedPage.Whole whole) {
            headers.set(HttpHeaders.ETAG, whole.etag());
            if (CacheRules.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), whole.etag())) {
                headers.remove(HttpHeaders.CONTENT_TYPE);
                response.setStatusCode(304).end();
                return;
            }
            gzip &= whole.gzip() != null;
            body = gzip ? whole.gzip() : whole.plain();
        } else {
            CachedPage.WithFields split = (CachedPage.WithFields) page;
            byte[] fields = FormFields.region(csrf.fieldName(), csrf.tokenFor(routing), stamps.issue())
                    .getBytes(StandardCharsets.UTF_8);
            gzip &= split.gzipHead() != null;
            body = Buffer.buffer(gzip
                    ? Unpooled.wrappedBuffer(
                            Gzip.splice(split.gzipHead(), split.prefix(), fields, split.gzipTail(), split.suffix()))
                    : Unpooled.wrappedBuffer(split.prefix(), fields, split.suffix()));
        }
        if (gzip) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setStatusCode(200);
        if (request.method() == HttpMethod.HEAD) {
            headers.set(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()));
            response.end();
        } else {
            response.end(body);
        }
    }
}
