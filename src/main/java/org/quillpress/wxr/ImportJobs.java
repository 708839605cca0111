package org.quillpress.wxr;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;

/**
 * Imports started from the admin pages, run one at a time in the background so the upload answers at once
 * and a progress page can follow along. Jobs live in this instance's memory until it restarts.
 */
@ApplicationScoped
public class ImportJobs {

    /** One import: the uploaded file, how far it has been read, and its report. */
    public static final class Job {
        public final String id = UUID.randomUUID().toString();
        public final String fileName;
        public final long size;
        public final Instant started;
        public final ImportReport report = new ImportReport();
        final AtomicLong read = new AtomicLong();

        Job(String fileName, long size, Instant started) {
            this.fileName = fileName;
            this.size = size;
            this.started = started;
        }

        /** How much of the file has been read, in percent. */
        public int percent() {
            return report.finished() ? 100 : size <= 0 ? 0 : (int) Math.min(99, read.get() * 100 / size);
        }
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "wxr-import"));
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    @Inject
    WxrImporter importer;

    @Inject
    Clock clock;

    @Inject
    ImportedAttachments attachments;

    /**
     * Starts importing {@code file}, which the job deletes once read, filed under {@code sourceName} (when blank,
     * the blog's address the file gives); then the images its posts use from {@code uploads} (a copy of the old
     * site's wp-content/uploads, folder or zip, on this server), when given, and downloaded from the old site when
     * {@code download} is set.
     */
    public Job start(Path file, String fileName, String sourceName, Path uploads, boolean download)
            throws IOException {
        Job job = new Job(fileName, Files.size(file), clock.instant());
        jobs.put(job.id, job);
        worker.submit(() -> {
            try (InputStream in = new Counting(new BufferedInputStream(Files.newInputStream(file), 1 << 16), job.read)) {
                importer.run(in, job.report, sourceName);
                if ((uploads != null || download) && job.report.error() == null) {
                    attachments.bringIn(uploads, download, job.report);
                }
                Log.infof("WordPress import of %s finished%n%s", fileName, job.report.toText());
            } catch (IOException | RuntimeException e) {
                Log.error("WordPress import failed", e);
                job.report.fail("The uploaded file could not be read.");
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    Log.warnf("Could not delete %s: %s", file, e.getMessage());
                }
            }
        });
        return job;
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Counts the bytes read, for the progress bar. */
    static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
