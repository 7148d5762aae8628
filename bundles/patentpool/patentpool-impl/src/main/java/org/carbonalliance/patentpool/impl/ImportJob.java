package org.carbonalliance.patentpool.impl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A bulk import: its uploaded file waits in {@code data/patentpool/imports/<id>} until the job ends. Counters and
 * {@code lastItem} are written in the same transaction as each batch of patents, so after a kill the job resumes at
 * the first item not yet done. Not tenant-filtered: the secretariat's imports belong to no member; the service checks
 * who may read a job.
 */
@Entity
@Table(name = "pp_import")
public class ImportJob {

    enum State { QUEUED, RUNNING, DONE, FAILED }

    @Id
    @Column(name = "id", length = 36)
    private String id;
    @Column(name = "tenant_id") private String tenantId;
    @Column(name = "created_by", nullable = false) private String createdBy;
    @Column(name = "format", nullable = false) private String format;
    @Column(name = "file_name") private String fileName;
    @Column(name = "size_bytes", nullable = false) private long sizeBytes;
    @Column(name = "state", nullable = false) private String state;
    @Column(name = "items_read", nullable = false) private long itemsRead;
    @Column(name = "imported", nullable = false) private long imported;
    @Column(name = "updated", nullable = false) private long updated;
    @Column(name = "unchanged", nullable = false) private long unchanged;
    @Column(name = "rejected", nullable = false) private long rejected;
    @Column(name = "last_item", nullable = false) private long lastItem;
    @Column(name = "message") private String message;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "finished_at") private Instant finishedAt;
    /** How often the job was started: a restart during a run starts it again. */
    @Column(name = "attempts", nullable = false) private int attempts;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ImportJob() {
    }

    ImportJob(String id, String tenantId, String createdBy, String format, String fileName, long sizeBytes,
            Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.createdBy = createdBy;
        this.format = format;
        this.fileName = fileName;
        this.sizeBytes = sizeBytes;
        this.state = State.QUEUED.name();
        this.createdAt = now;
    }

    String id() { return id; }
    String tenantId() { return tenantId; }
    String createdBy() { return createdBy; }
    String format() { return format; }
    String fileName() { return fileName; }
    long sizeBytes() { return sizeBytes; }
    State state() { return State.valueOf(state); }
    long itemsRead() { return itemsRead; }
    long imported() { return imported; }
    long updated() { return updated; }
    long unchanged() { return unchanged; }
    long rejected() { return rejected; }
    long lastItem() { return lastItem; }
    String message() { return message; }
    Instant createdAt() { return createdAt; }
    Instant finishedAt() { return finishedAt; }

    int attempts() { return attempts; }

    void running() {
        this.state = State.RUNNING.name();
        this.attempts++;
    }

    /** Adds one batch's outcome; {@code lastItem} is the last item the batch dealt with. */
    void progress(long read, long importedNow, long updatedNow, long unchangedNow, long rejectedNow, long last) {
        this.itemsRead += read;
        this.imported += importedNow;
        this.updated += updatedNow;
        this.unchanged += unchangedNow;
        this.rejected += rejectedNow;
        this.lastItem = Math.max(lastItem, last);
    }

    void finish(State end, String text, Instant now) {
        this.state = end.name();
        this.message = text == null ? null : text.length() > 2000 ? text.substring(0, 2000) : text;
        this.finishedAt = now;
    }
}
