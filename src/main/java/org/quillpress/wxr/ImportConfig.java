package org.quillpress.wxr;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the WordPress import. */
@ConfigMapping(prefix = "quillpress.import")
public interface ImportConfig {

    /**
     * Whether images may be downloaded from loopback addresses: for tests, which serve the "old site" on this
     * machine, and for an admin importing from a copy of it on the same machine. Private addresses never are.
     */
    @WithDefault("false")
    boolean downloadFromLoopback();
}
