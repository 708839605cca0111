package org.quillpress.operations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where backups of the embedded database are written (environment: QUILLPRESS_BACKUP_DIR). */
@ConfigMapping(prefix = "quillpress.backup")
public interface BackupConfig {

    /** The folder the admin page's backups go to: keep it on another disk, or copy it away. */
    @WithDefault("backups")
    String dir();
}
