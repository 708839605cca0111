package org.quillpress.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class GzipCopyTest {

    @Test
    void theCopyIsMadeWhenFirstAskedForAndOnlyOnce() {
        AtomicInteger made = new AtomicInteger();
        GzipCopy<String> copy = new GzipCopy<>(() -> "packed " + made.incrementAndGet());

        assertThat(made).as("nothing compressed for a page no one asked gzip of").hasValue(0);
        assertThat(copy.get()).isEqualTo("packed 1");
        assertThat(copy.get()).isEqualTo("packed 1");
        assertThat(made).hasValue(1);
    }
}
