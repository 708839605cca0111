package org.quillpress.wxr;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An import as every instance sees it: which file, how far it has been read, its report so far, and which
 * instance runs it until when (its lease). The uploaded file itself sits in {@code import_job_chunk} until
 * the job ends.
 */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    /** Where a job is in its life. */
    public enum State {
        /** The uploaded file is being stored; never taken over (the upload's request died with its instance). */
        UPLOADING,
        RUNNING,
        FINISHED,
        FAILED
    }

    @Id
    public String id;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "source_name")
    public String sourceName;

    public String uploads;

    @Column(name = "download_attachments", nullable = false)
    public boolean downloadAttachments;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "bytes_read", nullable = false)
    public long bytesRead;

    /** The report as JSON ({@link ImportReport.Saved}); null until the first batch. */
    public String report;

    @Column(nullable = false)
    public String owner;

    @Column(name = "lease_until", nullable = false)
    public Instant leaseUntil;

    @Column(nullable = false)
    public int runs;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Running jobs whose instance has not renewed its lease in time: it is taken to be dead. */
    static List<ImportJob> listAbandoned(Instant now) {
        return list("state = ?1 and leaseUntil < ?2", State.RUNNING, now);
    }

    /** Uploads whose instance died before the file was stored whole. */
    static long deleteAbandonedUploads(Instant now) {
        return delete("state = ?1 and leaseUntil < ?2", State.UPLOADING, now);
    }
}
