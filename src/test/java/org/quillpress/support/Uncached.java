package org.quillpress.support;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Addresses the page cache has not seen: a query parameter no page reads, new each time. Tests that count
 * a page's SQL statements request these, so that the application itself answers rather than the cache.
 */
public final class Uncached {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Uncached() {
    }

    public static String path(String path) {
        return path + (path.contains("?") ? "&" : "?") + "uncached=" + SEQUENCE.incrementAndGet();
    }
}
