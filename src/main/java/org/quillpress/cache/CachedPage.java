package org.quillpress.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import org.quillpress.security.FieldsPage;
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
     * carries fields of its own. The two texts may be shared with other entries (see {@link FieldsPage}): never
     * written to.
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
        int start = contentType.startsWith("text/html") ? indexOf(body, FIELDS_START, 0) : -1;
        if (start < 0) {
            if (leaks(body, 0, body.length, csrfToken)) {
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
        int end = indexOf(body, FIELDS_END, start);
        if (end < 0 || indexOf(body, FIELDS_START, start + 1) >= 0) {
            return null;
        }
        int after = end + FIELDS_END.length;
        if (leaks(body, 0, start, csrfToken) || leaks(body, after, body.length, csrfToken)) {
            return null;
        }
        return around(fill, expiresAtMillis, contentType, cacheControl, Arrays.copyOfRange(body, 0, start),
                Arrays.copyOfRange(body, after, body.length), compress);
    }

    /**
     * The entry for a page that hands over its one fields region apart from the text around it and vouches that no
     * other per-visitor text is in it ({@link FieldsPage}): kept without searching or copying it.
     */
    static CachedPage of(PageCache.Fill fill, long expiresAtMillis, String contentType, String cacheControl,
            FieldsPage page, boolean compress) {
        return around(fill, expiresAtMillis, contentType, cacheControl, page.before(), page.after(), compress);
    }

    /** The page kept as the text before its fields region and the text after it. */
    private static WithFields around(PageCache.Fill fill, long expiresAtMillis, String contentType,
            String cacheControl, byte[] prefix, byte[] suffix, boolean compress) {
        return new WithFields(fill.generation(), expiresAtMillis, contentType,
                cacheControl != null ? cacheControl : PRIVATE_REVALIDATE, prefix, suffix,
                compress ? new GzipCopy<>(() -> new byte[][] { Gzip.head(prefix), Gzip.tail(suffix) }) : null);
    }

    /** The fields region's markers as the bytes they are in a page (constants: never written to). */
    byte[] FIELDS_START = FormFields.START.getBytes(StandardCharsets.US_ASCII);

    byte[] FIELDS_END = FormFields.END.getBytes(StandardCharsets.US_ASCII);

    /** True when the visitor's token appears in {@code body[from, to)}, which would be served to everyone. */
    private static boolean leaks(byte[] body, int from, int to, String csrfToken) {
        if (csrfToken == null || csrfToken.isEmpty()) {
            return false;
        }
        int at = indexOf(body, csrfToken.getBytes(StandardCharsets.UTF_8), from);
        return at >= 0 && at < to;
    }

    /**
     * Where {@code needle} first occurs in {@code hay} at or after {@code from}, or -1. Horspool's search: on a
     * mismatch it moves by how far the window's last byte is from the needle's end, so a page is read in strides
     * about as long as the needle (a marker or a token: 16 to 40 bytes) rather than byte by byte; every
     * mis-cached page pays this over its whole length, a few times.
     */
    static int indexOf(byte[] hay, byte[] needle, int from) {
        int n = needle.length;
        if (n == 0) {
            return Math.max(0, Math.min(from, hay.length));
        }
        int[] shift = new int[256];
        Arrays.fill(shift, n);
        for (int i = 0; i < n - 1; i++) {
            shift[needle[i] & 0xff] = n - 1 - i;
        }
        int last = n - 1;
        for (int i = Math.max(0, from); i <= hay.length - n; i += shift[hay[i + last] & 0xff]) {
            int j = last;
            while (j >= 0 && hay[i + j] == needle[j]) {
                j--;
            }
            if (j < 0) {
                return i;
            }
        }
        return -1;
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
