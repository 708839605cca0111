package org.quillpress.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.quillpress.security.FormFields;

import io.vertx.core.buffer.Buffer;

/**
 * A rendered page as the cache keeps it: either whole, or cut around its per-visitor form fields (see
 * {@link FormFields}) so that each response splices in fields of its own. Compressed copies are made once,
 * here, when HTTP compression is on.
 */
sealed interface CachedPage {

    /** Bytes of bookkeeping counted per entry besides the content. */
    int OVERHEAD = 256;

    /** The cache generation the page was rendered in; a later generation means it may be out of date. */
    long generation();

    /** Wall-clock milliseconds from which the page is no longer served. */
    long expiresAtMillis();

    String contentType();

    String cacheControl();

    /** Memory the entry holds, roughly, in bytes. */
    int weight();

    /** A page without per-visitor parts: sent as it is, with an ETag for conditional requests. */
    record Whole(long generation, long expiresAtMillis, String contentType, String cacheControl, String etag,
            Buffer plain, Buffer gzip) implements CachedPage {

        @Override
        public int weight() {
            return OVERHEAD + plain.length() + (gzip == null ? 0 : gzip.length());
        }
    }

    /**
     * A page with one region of form fields, kept as the text before and after it. No ETag: every response
     * carries fields of its own.
     */
    record WithFields(long generation, long expiresAtMillis, String contentType, String cacheControl,
            byte[] prefix, byte[] suffix, byte[] gzipHead, byte[] gzipTail) implements CachedPage {

        @Override
        public int weight() {
            return OVERHEAD + prefix.length + suffix.length
                    + (gzipHead == null ? 0 : gzipHead.length + gzipTail.length);
        }

    }

    /** Cache-Control for HTML pages that did not set their own: browsers revalidate, so new comments show. */
    String REVALIDATE = "no-cache";

    /** For pages with a visitor's CSRF token: no shared cache may keep them. */
    String PRIVATE_REVALIDATE = "private, no-cache";

    /**
     * The entry for {@code text}, or null when the page must not be cached: more than one fields region, or
     * the visitor's CSRF token outside the region (a form rendered with {@code {#csrf /}} on a public page).
     *
     * @param etag the ETag the application set, or null to derive one from the content
     * @param cacheControl the Cache-Control the application set, or null for the default
     * @param csrfToken the token this request's page was rendered with, if any
     */
    static CachedPage of(PageCache.Fill fill, long expiresAtMillis, String contentType, String cacheControl,
            String etag, String text, byte[] bytes, boolean compress, String csrfToken) {
        int start = text == null ? -1 : text.indexOf(FormFields.START);
        if (start < 0) {
            byte[] body = bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8);
            if (leaks(body, csrfToken)) {
                return null;
            }
            byte[] gzip = compress ? Gzip.whole(body) : null;
            return new Whole(fill.generation(), expiresAtMillis, contentType,
                    cacheControl != null ? cacheControl : REVALIDATE, etag != null ? etag : etag(body),
                    Buffer.buffer(body), gzip == null || gzip.length >= body.length ? null : Buffer.buffer(gzip));
        }
        int end = text.indexOf(FormFields.END, start);
        if (end < 0 || text.indexOf(FormFields.START, start + 1) >= 0) {
            return null;
        }
        byte[] prefix = text.substring(0, start).getBytes(StandardCharsets.UTF_8);
        byte[] suffix = text.substring(end + FormFields.END.length()).getBytes(StandardCharsets.UTF_8);
        if (leaks(prefix, csrfToken) || leaks(suffix, csrfToken)) {
            return null;
        }
        return new WithFields(fill.generation(), expiresAtMillis, contentType,
                cacheControl != null ? cacheControl : PRIVATE_REVALIDATE, prefix, suffix,
                compress ? Gzip.head(prefix) : null, compress ? Gzip.tail(suffix) : null);
    }

    /** True when the visitor's token appears in what would be served to everyone. */
    private static boolean leaks(byte[] shared, String csrfToken) {
        if (csrfToken == null || csrfToken.isEmpty()) {
            return false;
        }
        return new String(shared, StandardCharsets.ISO_8859_1).contains(csrfToken);
    }

    /**
     * A weak validator from the content, made as FeedResource makes its own, so a feed keeps one ETag
     * whether it came from the cache or not. Weak: the page goes out plain or gzipped.
     */
    static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
