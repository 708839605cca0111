package org.quillpress.media;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import io.quarkus.logging.Log;

/** Makes the store the configuration asks for (QUILLPRESS_MEDIA_STORE). */
class MediaStores {

    @Produces
    @ApplicationScoped
    MediaStore store(MediaConfig config) {
        return switch (config.store()) {
            case "fs" -> new FileSystemMediaStore(Path.of(config.dir()));
            case "s3" -> {
                Log.infof("Media files are kept in the S3 bucket %s", config.s3().bucket().orElse("?"));
                yield new S3MediaStore(config.s3());
            }
            default -> throw new IllegalStateException(
                    "QUILLPRESS_MEDIA_STORE must be fs or s3, not " + config.store());
        };
    }

    void close(@Disposes MediaStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
