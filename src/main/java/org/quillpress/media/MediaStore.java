package org.quillpress.media;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where image files are kept, by name. Files are written once and never changed (their names are content
 * hashes), so a store needs no locking and any instance may serve any file.
 */
public interface MediaStore {

    /** Stores a file; when it returns the file is complete and readable by every instance. */
    void put(String name, byte[] bytes, String contentType);

    /** The file, or empty when there is none with this name. */
    Optional<Stored> get(String name);

    /** True when {@link #get} only looks at the local disk, so it may run on the event loop. */
    boolean local();

    /** Removes a file; a missing one is not an error. */
    void delete(String name);

    /**
     * Every file in the store with the time it was last written, for the orphan sweep: the store's own files
     * and anything else found in its place (a temporary file a killed process left, say).
     */
    void forEachFile(Consumer<Listed> action);

    /** One file of a listing. */
    record Listed(String name, Instant modified) {
    }

    /** A stored file as the store can hand it out: a local file (sent without copying) or a stream. */
    sealed interface Stored {
    }

    record LocalFile(Path path) implements Stored {
    }

    /** A stream the caller closes. */
    record Streamed(InputStream in, long length) implements Stored {
    }
}
