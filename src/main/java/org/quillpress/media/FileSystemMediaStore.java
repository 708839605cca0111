package org.quillpress.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Files in one folder (./data/media by default): enough for a single instance. */
class FileSystemMediaStore implements MediaStore {

    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private static final String TEMP_PREFIX = ".upload-";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path dir;

    FileSystemMediaStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the media folder " + this.dir, e);
        }
    }

    @Override
    public void put(String name, byte[] bytes, String contentType) {
        Path target = resolve(name);
        try {
            // written beside its place and moved in, so a reader never sees half a file
            Path temp = Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX);
            try {
                Files.write(temp, bytes);
                if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                    // temporary files are private (0600); a web server in front may serve the folder itself
                    Files.setPosixFilePermissions(temp, READABLE);
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + name, e);
        }
    }

    @Override
    public Optional<Stored> get(String name) {
        Path file = resolve(name);
        return Files.isRegularFile(file) ? Optional.of(new LocalFile(file)) : Optional.empty();
    }

    @Override
    public boolean local() {
        return true;
    }

    @Override
    public void delete(String name) {
        try {
            Files.deleteIfExists(resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + name, e);
        }
    }

    @Override
    public void forEachFile(Consumer<Listed> action) {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    action.accept(new Listed(file.getFileName().toString(), Files.getLastModifiedTime(file).toInstant()));
                } catch (NoSuchFileException e) {
                    // deleted since the listing: nothing to do
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the media folder " + dir, e);
        }
    }

    /** Whether {@code name} is one of the temporary files {@link #put} writes before moving them in place. */
    static boolean temporary(String name) {
        return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
    }

    /** Names are checked by {@link MediaFiles#parse} before they come here; this keeps a bad one inside anyway. */
    private Path resolve(String name) {
        Path file = dir.resolve(name).normalize();
        if (!file.getParent().equals(dir)) {
            throw new IllegalArgumentException("Not a media file name: " + name);
        }
        return file;
    }
}
