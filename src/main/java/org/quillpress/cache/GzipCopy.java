package org.quillpress.cache;

import java.util.function.Supplier;

/**
 * The compressed copy of a cached page, made once: by the request that stored the page when its client takes
 * gzip (on its worker thread), else by the first hit that asks for it. A client that never asks for gzip (a
 * feed reader without it, a crawler, a benchmark) then costs no compression at all, which at the best ratio
 * is most of what storing a large page costs.
 */
final class GzipCopy<T> {

    /** What text pages shrink to, roughly, for counting an entry's memory before its copy is made. */
    static final int EXPECTED_RATIO = 5;

    private Supplier<T> make;
    private T made;

    GzipCopy(Supplier<T> make) {
        this.make = make;
    }

    /** The copy, made now if it was not yet; those asking meanwhile wait for it. */
    synchronized T get() {
        if (make != null) {
            made = make.get();
            make = null;
        }
        return made;
    }
}
