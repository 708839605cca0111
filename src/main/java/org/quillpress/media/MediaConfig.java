package org.quillpress.media;

import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where uploaded images live and what an upload may be (environment: QUILLPRESS_MEDIA_*, see the README). */
@ConfigMapping(prefix = "quillpress.media")
public interface MediaConfig {

    /** {@code fs} (a folder, one instance) or {@code s3} (an S3-compatible bucket, any number of instances). */
    @WithDefault("fs")
    String store();

    /** The folder of the {@code fs} store, beside the embedded database by default. */
    @WithDefault("data/media")
    String dir();

    /** The largest file accepted, before any decoding. */
    @WithDefault("20M")
    MemorySize maxSize();

    /**
     * The most pixels an image may have, read from its header before decoding: a small file can claim a huge
     * canvas (a decompression bomb), and decoding it would take the heap.
     */
    @WithDefault("50000000")
    long maxPixels();

    /** How many uploads are decoded at once: each holds its decoded pixels (4 bytes each) in memory. */
    @WithDefault("2")
    int parallelUploads();

    /** How often one instance looks for files no image row names (older than an hour) and removes them. */
    @WithDefault("1h")
    java.time.Duration sweepEvery();

    /**
     * Whether WebP renditions are written beside the JPEG/PNG ones (with libwebp, native code); false turns
     * them off, for a platform where libwebp misbehaves.
     */
    @WithDefault("true")
    boolean webp();

    S3 s3();

    /** Images copied from other sites ({@link RemoteImages}). */
    Remote remote();

    interface Remote {
        /** Lets downloads reach this machine (127.0.0.1, ::1): for tests only, never in production. */
        @WithDefault("false")
        boolean allowLoopback();
    }

    interface S3 {
        /** The server's address, e.g. https://s3.eu-west-1.amazonaws.com or http://minio:9000. */
        Optional<String> endpoint();

        Optional<String> bucket();

        @WithDefault("us-east-1")
        String region();

        Optional<String> accessKey();

        Optional<String> secretKey();

        /** Bucket in the path rather than the host name: what MinIO, Ceph and S3Proxy expect. */
        @WithDefault("true")
        boolean pathStyle();
    }
}
