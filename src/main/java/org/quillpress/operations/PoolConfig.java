package org.quillpress.operations;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The connection pool once the site runs (environment: QUILLPRESS_DB_ACQUISITION_TIMEOUT); see {@link StartupPool}. */
@ConfigMapping(prefix = "quillpress.db")
public interface PoolConfig {

    /** How long a request waits for a free connection once the site runs. */
    @WithDefault("5s")
    Duration acquisitionTimeout();
}
