package org.quillpress.wxr;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long an instance holds an import it runs without renewing its hold (environment: QUILLPRESS_IMPORT_*). */
@ConfigMapping(prefix = "quillpress.import")
public interface ImportJobsConfig {

    /**
     * An instance renews the lease of its imports every {@link ImportJobs#RENEW_EVERY}; a job whose lease ran
     * out is taken over by another instance. Long enough for a stalled JVM (a long garbage collection, a
     * swapping machine) not to look dead; short enough that an import whose instance died goes on soon.
     */
    @WithDefault("60s")
    Duration lease();
}
