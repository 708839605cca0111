package org.quillpress.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.quillpress.media.MediaConfig;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;

/**
 * Backups of the embedded (H2) build while it runs: the whole database as one consistent SQL script (H2's
 * {@code SCRIPT}, read in one snapshot transaction, so writes go on meanwhile), then the media folder. Accounts,
 * password hashes, settings, subscriptions, bans, the mail outbox and the content are all in the script. The
 * media files are copied after the script: they are written before the rows that name them and never changed,
 * so every file the script refers to is already there. The PostgreSQL build is backed up with pg_dump.
 */
@ApplicationScoped
public class Backups {

    /** The database's file in a backup folder; restore it with H2's RunScript tool (README). */
    public static final String DATABASE_FILE = "database.sql.zip";

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'quillpress-'yyyyMMdd-HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** A backup made: its folder, and how many media files it holds. */
    public record Taken(Path dir, long databaseBytes, long mediaFiles) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BackupConfig config;

    @Inject
    MediaConfig media;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** Whether this build can back itself up (the embedded H2 build); PostgreSQL uses pg_dump. */
    public boolean supported() {
        return "h2".equals(dbKind);
    }

    /** The configured backup folder. */
    public Path dir() {
        return Path.of(config.dir()).toAbsolutePath().normalize();
    }

    /** The backups in the configured folder, newest first. */
    public List<String> list() {
        if (!Files.isDirectory(dir())) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir())) {
            return entries.filter(p -> Files.isRegularFile(p.resolve(DATABASE_FILE))).map(p -> p.getFileName().toString())
                    .sorted((a, b) -> b.compareTo(a)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Backs the site up into a new folder under the configured one. */
    public Taken take() {
        return take(dir());
    }

    /** Backs the site up into a new folder under {@code parent}, named after the time (UTC). */
    public Taken take(Path parent) {
        if (!supported()) {
            throw new IllegalStateException("This build runs on PostgreSQL: back it up with pg_dump (README).");
        }
        try {
            Path dir = newFolder(parent);
            Path script = dir.resolve(DATABASE_FILE);
            writeScript(script);
            long mediaFiles = copyMedia(dir.resolve("media"));
            Taken taken = new Taken(dir, Files.size(script), mediaFiles);
            Log.infof("Backup written to %s (database %d bytes, %d media files)", dir, taken.databaseBytes(),
                    mediaFiles);
            return taken;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path newFolder(Path parent) throws IOException {
        Files.createDirectories(parent);
        String name = NAME.format(clock.instant());
        Path dir = parent.resolve(name);
        for (int n = 2; Files.exists(dir); n++) {
            dir = parent.resolve(name + "-" + n);
        }
        return Files.createDirectory(dir);
    }

    /** The whole database as SQL, read in one snapshot: what was committed when it began, nothing after. */
    private void writeScript(Path script) {
        String file = script.toAbsolutePath().toString().replace("'", "''");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
            connection.setAutoCommit(false);
            try {
                statement.execute("SCRIPT TO '" + file + "' COMPRESSION ZIP");
                connection.commit();
            } finally {
                connection.setAutoCommit(true);
                statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The database could not be written to " + script + ": " + e.getMessage(), e);
        }
    }

    /** Copies the media folder (of the file store; a bucket is backed up by its own means), answering the count. */
    private long copyMedia(Path target) throws IOException {
        if (!"fs".equals(media.store())) {
            Log.infof("Media are in the %s store: back its bucket up by its own means (README)", media.store());
            return 0;
        }
        Path source = Path.of(media.dir()).toAbsolutePath().normalize();
        if (!Files.isDirectory(source)) {
            return 0;
        }
        long copied = 0;
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else if (Files.isRegularFile(file)) {
                    Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES);
                    copied++;
                }
            }
        }
        return copied;
    }
}
