package org.quillpress.wxr;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Imports started from the admin pages, run one at a time in the background so the upload answers at once
 * and a progress page can follow along. Jobs live in the database ({@link ImportJob}): the uploaded file in
 * pieces, the progress and the report after every batch, and which instance runs the job until when. Any
 * instance shows the progress; when the running instance dies, its lease runs out and another instance takes
 * the job over. The taker reads the file again from the start: the import keeps the state of a whole file
 * (authors met, images for galleries, parents to place) in memory, so it cannot start in the middle, and
 * everything the dead instance stored is found again by its WordPress id and counted as already imported.
 */
@ApplicationScoped
public class ImportJobs {

    /** How often this instance renews its leases and looks for jobs another instance left behind. */
    static final String RENEW_EVERY = "10s";

    /** The uploaded file is stored in pieces of this size. */
    static final int CHUNK_BYTES = 1 << 20;

    /** One import as the progress page shows it, read from the database. */
    public record Job(String id, String fileName, long size, long read, ImportJob.State state, ImportReport report) {

        /** How much of the file has been read, in percent. */
        public int percent() {
            return finished() ? 100 : size <= 0 ? 0 : (int) Math.min(99, read * 100 / size);
        }

        public boolean finished() {
            return state == ImportJob.State.FINISHED || state == ImportJob.State.FAILED;
        }
    }

    /** The instance lost its job to another (its lease ran out while it was stalled): it stops importing. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(String id) {
            super("import " + id + " was taken over by another instance");
        }
    }

    /** Who this instance is in the {@code owner} column: the host, the process, and a random part. */
    private final String instance = hostName() + "/" + ProcessHandle.current().pid() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    /** This instance's name in the {@code owner} column. */
    String instance() {
        return instance;
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "wxr-import"));
    /** The jobs this instance holds (storing, queued or running): their leases are renewed. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    @Inject
    WxrImporter importer;

    @Inject
    Clock clock;

    @Inject
    ImportedAttachments attachments;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    ImportJobsConfig config;

    /**
     * Stores {@code file} (which is deleted afterwards) and starts importing it, filed under {@code sourceName}
     * (when blank, the blog's address the file gives); then the images its posts use from {@code uploads} (a
     * copy of the old site's wp-content/uploads, folder or zip, on this server), when given, and downloaded from
     * the old site when {@code download} is set. Answers the job's id.
     */
    public String start(Path file, String fileName, String sourceName, Path uploads, boolean download)
            throws IOException {
        String id = UUID.randomUUID().toString();
        held.add(id);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob job = new ImportJob();
                job.id = id;
                job.fileName = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
                job.sourceName = sourceName == null || sourceName.isBlank() ? null : sourceName.strip();
                job.uploads = uploads == null ? null : uploads.toString();
                job.downloadAttachments = download;
                job.state = ImportJob.State.UPLOADING;
                job.sizeBytes = size(file);
                job.owner = instance;
                job.leaseUntil = clock.instant().plus(config.lease());
                job.runs = 1;
                job.createdAt = clock.instant();
                job.updatedAt = job.createdAt;
                job.persist();
            });
            storeFile(id, file);
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob job = ImportJob.findById(id);
                job.state = ImportJob.State.RUNNING;
                job.leaseUntil = clock.instant().plus(config.lease());
                job.updatedAt = clock.instant();
            });
        } catch (RuntimeException e) {
            held.remove(id);
            QuarkusTransaction.requiringNew().run(() -> ImportJob.deleteById(id));
            throw e;
        } finally {
            Files.deleteIfExists(file);
        }
        worker.submit(() -> run(id));
        return id;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the file into the database, a piece per transaction, so no transaction holds all of it. */
    private void storeFile(String id, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int seq = 0;
            for (byte[] chunk = in.readNBytes(CHUNK_BYTES); chunk.length > 0; chunk = in.readNBytes(CHUNK_BYTES)) {
                int n = seq++;
                byte[] data = chunk;
                QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery(
                                "insert into import_job_chunk (job_id, seq, data) values (?1, ?2, ?3)")
                                .setParameter(1, id).setParameter(2, n).setParameter(3, data).executeUpdate());
            }
        }
    }

    /** Imports the job this instance holds, from the start of its file; then ends it and drops the file. */
    void run(String id) {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob> findById(id));
        if (job == null || !instance.equals(job.owner)) {
            held.remove(id);
            return;
        }
        ImportReport report = new ImportReport();
        if (job.runs > 1) {
            report.note(ImportRun.words().noteTakenOver());
        }
        AtomicLong read = new AtomicLong();
        AtomicBoolean lost = new AtomicBoolean();
        // a lost job stops at its next read of the file, between batches, rather than inside one
        report.afterEachBatch(() -> lost.compareAndSet(false, !save(id, report, read.get(), ImportJob.State.RUNNING)));
        try (InputStream in = new Counting(new BufferedInputStream(new StoredFile(id, lost), 1 << 16), read)) {
            importer.run(in, report, job.sourceName);
            if ((job.uploads != null || job.downloadAttachments) && report.error() == null) {
                Path uploads = job.uploads == null ? null : Path.of(job.uploads);
                if (uploads != null && !Files.isReadable(uploads)) {
                    report.note(ImportRun.words().noteUploadsElsewhere(job.uploads));
                    uploads = null;
                }
                if (uploads != null || job.downloadAttachments) {
                    attachments.bringIn(uploads, job.downloadAttachments, report);
                }
            }
            Log.infof("WordPress import of %s finished%n%s", job.fileName, report.toText());
        } catch (IOException | RuntimeException e) {
            Log.error("WordPress import failed", e);
            report.fail(ImportRun.words().failUnreadable());
        }
        if (save(id, report, read.get(), report.error() == null ? ImportJob.State.FINISHED : ImportJob.State.FAILED)) {
            QuarkusTransaction.requiringNew().run(
                    () -> em.createNativeQuery("delete from import_job_chunk where job_id = ?1").setParameter(1, id)
                            .executeUpdate());
        } else {
            Log.infof("WordPress import %s was taken over by another instance; this one stopped", id);
        }
        held.remove(id);
    }

    /**
     * Saves the job's progress and report, renewing its lease, while this instance still holds it. Answers
     * whether it did (false: another instance has taken the job over).
     */
    private boolean save(String id, ImportReport report, long read, ImportJob.State state) {
        String saved;
        try {
            saved = json.writeValueAsString(report.saved());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the import report could not be written as JSON", e);
        }
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> ImportJob.update(
                "state = ?1, bytesRead = ?2, report = ?3, leaseUntil = ?4, updatedAt = ?5 where id = ?6 and owner = ?7",
                state, read, saved, now.plus(config.lease()), now, id, instance)) == 1;
    }

    /** The job with this id, as far as it has come, whichever instance runs it. */
    public Optional<Job> find(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob> findByIdOptional(id))
                .filter(job -> job.state != ImportJob.State.UPLOADING)
                .map(job -> new Job(job.id, job.fileName, job.sizeBytes, job.bytesRead, job.state, report(job)));
    }

    private ImportReport report(ImportJob job) {
        if (job.report == null) {
            return new ImportReport();
        }
        try {
            return ImportReport.of(json.readValue(job.report, ImportReport.Saved.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report of import " + job.id + " is not readable", e);
        }
    }

    /** Renews the leases of this instance's jobs, then takes over those whose instance died. */
    @Scheduled(every = RENEW_EVERY, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renewAndTakeOver() {
        Instant now = clock.instant();
        if (!held.isEmpty()) {
            List<String> mine = List.copyOf(held);
            QuarkusTransaction.requiringNew().run(() -> ImportJob.update(
                    "leaseUntil = ?1 where id in ?2 and owner = ?3", now.plus(config.lease()), mine, instance));
        }
        takeOverAbandoned();
    }

    /**
     * Takes over every running job whose lease has run out, and drops uploads that never finished. The claim is
     * one conditional update, so when several instances look at once, exactly one wins each job.
     */
    void takeOverAbandoned() {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> ImportJob.deleteAbandonedUploads(now));
        List<ImportJob> abandoned = QuarkusTransaction.requiringNew().call(() -> ImportJob.listAbandoned(now));
        for (ImportJob job : abandoned) {
            boolean claimed = QuarkusTransaction.requiringNew().call(() -> ImportJob.update(
                    "owner = ?1, leaseUntil = ?2, runs = runs + 1, bytesRead = 0, updatedAt = ?3"
                            + " where id = ?4 and state = ?5 and leaseUntil < ?3",
                    instance, now.plus(config.lease()), now, job.id, ImportJob.State.RUNNING)) == 1;
            if (claimed) {
                Log.infof("Taking over WordPress import %s of %s from %s, whose lease ran out at %s", job.id,
                        job.fileName, job.owner, job.leaseUntil);
                held.add(job.id);
                worker.submit(() -> run(job.id));
            }
        }
    }

    /** Lets another instance take this one's jobs over at once, rather than when their leases run out. */
    @PreDestroy
    void stop() {
        worker.shutdownNow();
        if (!held.isEmpty()) {
            List<String> mine = List.copyOf(held);
            try {
                QuarkusTransaction.requiringNew().run(() -> ImportJob.update(
                        "leaseUntil = ?1 where id in ?2 and owner = ?3 and state = ?4", clock.instant(), mine, instance,
                        ImportJob.State.RUNNING));
            } catch (RuntimeException e) {
                Log.warnf("Could not hand over the WordPress imports %s: %s", mine, e.getMessage());
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    /** The uploaded file, read back from the database a piece at a time. */
    final class StoredFile extends InputStream {
        private final String id;
        private final AtomicBoolean lost;
        private int seq;
        private byte[] chunk = new byte[0];
        private int pos;
        private boolean done;

        StoredFile(String id, AtomicBoolean lost) {
            this.id = id;
            this.lost = lost;
        }

        private boolean fill() {
            if (lost.get()) {
                throw new LeaseLost(id);
            }
            while (!done && pos >= chunk.length) {
                int n = seq++;
                List<?> rows = QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("select data from import_job_chunk where job_id = ?1 and seq = ?2")
                                .setParameter(1, id).setParameter(2, n).getResultList());
                if (rows.isEmpty()) {
                    done = true;
                } else {
                    chunk = (byte[]) rows.get(0);
                    pos = 0;
                }
            }
            return !done;
        }

        @Override
        public int read() {
            return fill() ? chunk[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - pos);
            System.arraycopy(chunk, pos, buffer, offset, n);
            pos += n;
            return n;
        }
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
