package org.quillpress.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.quillpress.security.CurrentUser;
import org.quillpress.security.FieldsPage;
import org.quillpress.web.PageParts;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.logging.Log;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/**
 * Fills the {@link PageCache} on a miss: takes the page the application rendered for a guest (status 200),
 * renders it to text once if it is still a template, stores it, and sends that same text. Stores only the
 * body, its Content-Type and Cache-Control: never a cookie.
 */
public class PageCacheFiller {

    @Inject
    PageCache cache;

    @Inject
    CurrentUser currentUser;

    @Inject
    CsrfTokenParameterProvider csrf;

    @ServerResponseFilter
    public void fill(ContainerResponseContext response, RoutingContext routing) {
        PageCache.Fill fill = routing.get(PageCacheRoute.FILL);
        if (fill == null || response.getStatus() != 200
                || response.getHeaders().containsKey(HttpHeaders.CONTENT_ENCODING)) {
            return;
        }
        if (currentUser.account().isPresent() && routing.get(PageCacheRoute.EVERYONE) == null) {
            // PageCacheRoute lets signed-in visitors through; an identity from elsewhere must not fill either,
            // unless the page is alike for everyone
            return;
        }
        Object entity = response.getEntity();
        MediaType type = response.getMediaType();
        if (type == null && entity instanceof TemplateInstance template) {
            // a Response built around a template: its type is only chosen when it is written, so choose it now
            type = template.getTemplate().getVariant().map(v -> MediaType.valueOf(v.getContentType()))
                    .orElse(MediaType.TEXT_HTML_TYPE).withCharset(StandardCharsets.UTF_8.name());
        }
        if (type == null) {
            return;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase(StandardCharsets.UTF_8.name())) {
            return;
        }
        // as the application wrote it, so a hit sends the same header as the miss
        String written = response.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String contentType = written != null ? written : type.toString();
        String cacheControl = response.getHeaderString(HttpHeaders.CACHE_CONTROL);
        String etag = response.getHeaderString(HttpHeaders.ETAG);
        String token = token();
        boolean gzip = CacheRules.acceptsGzip(routing.request().getHeader(HttpHeaders.ACCEPT_ENCODING));
        if (entity instanceof TemplateInstance template) {
            String text = template.render();
            response.setEntity(text, response.getEntityAnnotations(), type);
            keep(fill, response, contentType, cacheControl, etag, text, null, token, gzip);
        } else if (entity instanceof String text) {
            keep(fill, response, contentType, cacheControl, etag, text, null, token, gzip);
        } else if (entity instanceof byte[] bytes) {
            keep(fill, response, contentType, cacheControl, etag, null, bytes, token, gzip);
        } else if (entity instanceof FieldsPage page) {
            if (page.length() <= cache.maxPageBytes()) {
                store(fill, response, cacheControl, etag,
                        CachedPage.of(fill, cache.expiresAt(fill), contentType, cacheControl, page,
                                cache.compresses()),
                        gzip);
            }
        } else if (entity instanceof PageParts parts) {
            keep(fill, response, contentType, cacheControl, etag, null, parts.joined(), token, gzip);
        } else if (entity instanceof StreamingOutput stream) {
            // streamed so that memory stays flat (the sitemap): keep a copy while it is written, up to a limit
            response.getHeaders().putSingle(HttpHeaders.VARY, PageCacheRoute.ACCEPT_ENCODING);
            response.setEntity(new CopyingOutput(stream, cache.maxPageBytes(),
                    bytes -> keep(fill, null, contentType, cacheControl, etag, null, bytes, token, gzip)),
                    response.getEntityAnnotations(), type);
        }
    }

    private void keep(PageCache.Fill fill, ContainerResponseContext response, String contentType, String cacheControl,
            String etag, String text, byte[] bytes, String token, boolean clientTakesGzip) {
        if ((bytes != null ? bytes.length : text.length()) > cache.maxPageBytes()) {
            return;
        }
        CachedPage page = CachedPage.of(fill, cache.expiresAt(fill), contentType, cacheControl, etag, text, bytes,
                cache.compresses(), token);
        if (page == null) {
            Log.debugf("Not cached: %s (a second fields region, or a CSRF token outside one)", fill.key());
            return;
        }
        store(fill, response, cacheControl, etag, page, clientTakesGzip);
    }

    private void store(PageCache.Fill fill, ContainerResponseContext response, String cacheControl, String etag,
            CachedPage page, boolean clientTakesGzip) {
        if (response != null) {
            // the same validators and caching rules as the hits that will follow
            response.getHeaders().putSingle(HttpHeaders.VARY, PageCacheRoute.ACCEPT_ENCODING);
            if (cacheControl == null) {
                response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, page.cacheControl());
            }
            if (etag == null && page instanceof CachedPage.Whole whole) {
                response.getHeaders().putSingle(HttpHeaders.ETAG, whole.etag());
            }
        }
        if (clientTakesGzip) {
            // this client will want it and this is a worker thread, unlike the hits' event loop
            page.compressNow();
        }
        cache.store(fill, page);
    }

    /** The CSRF token this page was rendered with, when the extension issued one for the request. */
    private String token() {
        try {
            return csrf.getToken();
        } catch (IllegalStateException none) {
            return null;
        }
    }

    /** A streamed body that also keeps a copy of what it wrote, unless that grows past {@code limit}. */
    record CopyingOutput(StreamingOutput inner, int limit, Consumer<byte[]> complete) implements StreamingOutput {
        @Override
        public void write(OutputStream out) throws IOException {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            boolean[] overflowed = { false };
            inner.write(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    copy(new byte[] { (byte) b }, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    copy(b, off, len);
                }

                private void copy(byte[] b, int off, int len) {
                    if (!overflowed[0] && copy.size() + len <= limit) {
                        copy.write(b, off, len);
                    } else if (!overflowed[0]) {
                        overflowed[0] = true;
                        copy.reset();
                    }
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            });
            if (!overflowed[0]) {
                complete.accept(copy.toByteArray());
            }
        }
    }
}
