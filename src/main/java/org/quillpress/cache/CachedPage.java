package org.quillpress.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import org.quillpress.security.FormFields;

import io.vertx.core.buffer.Buffer;

/**
 * A rendered page as the cache keeps it: either whole, or cut around its per-visitor form fields (see
 * {@link FormFields}) so that each response splices in fields of its own. With HTTP compression on, a
 * compressed copy is made once per entry ({@link GzipCopy}).
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

    /** Memory the entry holds, roughly, in bytes (its compressed copy estimated, as it may not be made yet). */
    int weight();

    /** Makes the compressed copy now rather than for the first hit that asks for it (no-op when off). */
    void compressNow();

    /** A page without per-visitor parts: sent as it is, with an ETag for conditional requests. */
    record Whole(long generation, long expiresAtMillis, String contentType, String cacheControl, String etag,
            Buffer plain, GzipCopy<Buffer> compressed) implements CachedPage {

        /** The gzip copy, null when compression is off or would not make the page smaller. */
        Buffer gzip() {
            return compressed == null ? null : compressed.get();
        }

        @Override
        public int weight() {
            return OVERHEAD + plain.length() + (compressed == null ? 0 : plain.length() / GzipCopy.EXPECTED_RATIO);
        }

        @Override
        public void compressNow() {
            gzip();
        }
    }

    /**
     * A page with one region of form fields, kept as the text before and after it. No ETag: every response
     * carries fields of its own.
     */
    record WithFields(long generation, long expiresAtMillis, String contentType, String cacheControl,
            byte[] prefix, byte[] suffix, GzipCopy<byte[][]> compressed) implements CachedPage {

        /** The compressed text before the fields (see {@link Gzip#head}), null when compression is off. */
        byte[] gzipHead() {
            return compressed == null ? null : compressed.get()[0];
        }

        /** The compressed text after the fields (see {@link Gzip#tail}), null when compression is off. */
        byte[] gzipTail() {
            return compressed == null ? null : compressed.get()[1];
        }

        @Override
        public int weight() {
            return OVERHEAD + prefix.length + suffix.length
                    + (compressed == null ? 0 : (prefix.length + suffix.length) / GzipCopy.EXPECTED_RATIO);
        }

        @Override
        public void compressNow() {
            gzipHead();
        }
    }

    /** Cache-Control for HTML pages that did not set their own: browsers revalidate, so new comments show. */
    String REVALIDATE = "no-cache";

    /** For pages with a visitor's CSRF token: no shared cache may keep them. */
    String PRIVATE_REVALIDATE = "private, no-cache";

    /**
     * The entry for the page, given as {@code text} or as its UTF-8 {@code bytes}, or null when it must not be
     * cached: more than one fields region, or the visitor's CSRF token outside the region (a form rendered with
     * {@code {#csrf /}} on a public page). The region's markers are ASCII, so the page is cut as bytes.
     *
     * @param etag the ETag the application set, or null to derive one from the content
     * @param cacheControl the Cache-Control the application set, or null for the default
     * @param csrfToken the token this request's page was rendered with, if any
     */
    static CachedPage of(PageCache.Fill fill, long expiresAtMillis, String contentType, String cacheControl,
            String etag, String text, byte[] bytes, boolean compress, String csrfToken) {
        byte[] body = bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8);
        // the bytes one to a char, for String.indexOf (the runtime's vectorised search): same positions
        String scanned = new String(body, StandardCharsets.ISO_8859_1);
        int start = contentType.startsWith("text/html") ? scanned.indexOf(FormFields.START) : -1;
        if (start < 0) {
            if (leaks(scanned, 0, body.length, csrfToken)) {
                return null;
            }
            GzipCopy<Buffer> gzip = compress ? new GzipCopy<>(() -> {
                byte[] packed = Gzip.whole(body);
                return packed.length >= body.length ? null : Buffer.buffer(packed);
            }) : null;
            return new Whole(fill.generation(), expiresAtMillis, contentType,
                    cacheControl != null ? cacheControl : REVALIDATE, etag != null ? etag : etag(body),
                    Buffer.buffer(body), gzip);
        }
        int end = scanned.indexOf(FormFields.END, start);
        if (end < 0 || scanned.indexOf(FormFields.START, start + 1) >= 0) {
            return null;
        }
        int after = end + FormFields.END.length();
        if (leaks(scanned, 0, start, csrfToken) || leaks(scanned, after, body.length, csrfToken)) {
            return null;
        }
        byte[] prefix = Arrays.copyOfRange(body, 0, start);
        byte[] suffix = Arrays.copyOfRange(body, after, body.length);
        return new WithFields(fill.generation(), expiresAtMillis, contentType,
                cacheControl != null ? cacheControl : PRIVATE_REVALIDATE, prefix, suffix,
                compress ? new GzipCopy<>(() -> new byte[][] { Gzip.head(prefix), Gzip.tail(suffix) }) : null);
    }

    /** True when the visitor's token appears in {@code page[from, to)}, which would be served to everyone. */
    private static boolean leaks(String page, int from, int to, String csrfToken) {
        if (csrfToken == null || csrfToken.isEmpty()) {
            return false;
        }
        int at = page.indexOf(new String(csrfToken.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1), from);
        return at >= 0 && at < to;
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
