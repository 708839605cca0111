package org.quillpress.wxr;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.quillpress.operations.Backups;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The application's entry point. {@code import-wxr FILE [--source=NAME] [--uploads=FOLDER-OR-ZIP]
 * [--download-attachments]}, {@code export-wxr FILE}, {@code export-json FILE} and {@code backup DIR} (the
 * embedded build, while the site is stopped) run that one task against the configured database and exit (without opening
 * the HTTP port or running timed jobs); anything else starts the site as usual.
 */
@QuarkusMain
public class WxrCommand implements QuarkusApplication {

    static final Set<String> COMMANDS = Set.of("import-wxr", "export-wxr", "export-json", "backup");

    @Inject
    WxrImporter importer;

    @Inject
    WxrExporter exporter;

    @Inject
    ImportedAttachments attachments;

    @Inject
    Backups backups;

    public static void main(String... args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            // a task, not a server: no listener, no scheduled mail or publishing while it runs
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.scheduler.enabled", "false");
        }
        Quarkus.run(WxrCommand.class, args);
    }

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            Quarkus.waitForExit();
            return 0;
        }
        boolean importing = args[0].equals("import-wxr");
        String sourceName = null;
        Path uploads = null;
        boolean download = false;
        boolean usage = args.length < 2 || !importing && args.length != 2;
        for (int i = 2; i < args.length && !usage; i++) {
            if (args[i].startsWith("--source=")) {
                sourceName = args[i].substring("--source=".length());
            } else if (args[i].startsWith("--uploads=")) {
                uploads = Path.of(args[i].substring("--uploads=".length()));
            } else if (args[i].equals("--download-attachments")) {
                download = true;
            } else {
                usage = true;
            }
        }
        if (usage) {
            Log.errorf(
                    importing ? "Usage: %s FILE [--source=NAME] [--uploads=FOLDER-OR-ZIP] [--download-attachments]"
                            : "Usage: %s FILE",
                    args[0]);
            return 2;
        }
        Path file = Path.of(args[1]);
        return switch (args[0]) {
            case "import-wxr" -> importFile(file, sourceName, uploads, download);
            case "export-wxr" -> export(file, true);
            case "backup" -> backup(file);
            default -> export(file, false);
        };
    }

    private int importFile(Path file, String sourceName, Path uploads, boolean download) throws IOException {
        if (!Files.isReadable(file) || (uploads != null && !Files.isReadable(uploads))) {
            Log.errorf("Cannot read %s", uploads != null && Files.isReadable(file) ? uploads : file);
            return 2;
        }
        long started = System.nanoTime();
        long size = Files.size(file);
        AtomicLong read = new AtomicLong();
        ImportReport report = new ImportReport();
        // a line per batch: a large import takes minutes, and should say how far it is and how long is left
        report.afterEachBatch(() -> Log.info(ImportProgress.line(report.batches(), report.itemCount(), read.get(), size,
                Duration.ofNanos(System.nanoTime() - started))));
        try (InputStream in = new ImportJobs.Counting(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                read)) {
            importer.run(in, report, sourceName);
        }
        if ((uploads != null || download) && report.error() == null) {
            attachments.bringIn(uploads, download, report);
        }
        Log.infof("Import of %s took %.1f s%n%s", file, (System.nanoTime() - started) / 1e9, report.toText());
        return report.error() == null ? 0 : 1;
    }

    /** Backs the embedded database and the media folder up into a new folder under {@code parent}. */
    private int backup(Path parent) {
        if (!backups.supported()) {
            Log.error("This build runs on PostgreSQL: back it up with pg_dump -Fc (README, \"Backup and restore\")");
            return 2;
        }
        Backups.Taken taken = backups.take(parent);
        Log.infof("Backup written to %s", taken.dir());
        return 0;
    }

    private int export(Path file, boolean wxr) throws IOException {
        long started = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            if (wxr) {
                exporter.writeWxr(out);
            } else {
                exporter.writeJson(out);
            }
        }
        Log.infof("Exported the site to %s (%d bytes) in %.1f s", file, Files.size(file),
                (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
