package org.carbonalliance.patentpool.impl;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carbonalliance.platform.api.security.AlliancePrincipal;

/**
 * Bulk imports as jobs: {@link #start} stores the upload (expanding gzip or zip with limits), checks that the format
 * can read it, and queues the job; one worker imports jobs in order, in batches that commit together with the job's
 * counters, and resumes an interrupted job after a restart. Client errors are {@code ApiException}s.
 */
public interface Imports {

    /** One item not imported. */
    record RejectedItem(long item, String reason) {
    }

    /** A job as its owner sees it. {@code state}: queued, running, done, failed. */
    record ImportView(String id, String format, String fileName, long sizeBytes, String state, long itemsRead,
            long imported, long updated, long unchanged, long rejected, String message, Instant createdAt,
            Instant finishedAt, String createdBy, String memberTenantId, List<RejectedItem> rejections,
            boolean moreRejections) {
    }

    /** A format the pool can import. */
    record Format(String format, String description, boolean builtIn) {
    }

    /**
     * @param format   a {@link #formats()} name
     * @param fileName the uploaded file's name, for people (optional)
     * @param upload   the request body, read to its end here (the caller has limited its size)
     * @return the queued job
     */
    ImportView start(String format, String fileName, InputStream upload, AlliancePrincipal caller);

    /** @return the job, when the caller's organisation started it (the secretariat: any job) */
    Optional<ImportView> find(String id, AlliancePrincipal caller);

    /** @return the caller's organisation's latest 50 jobs (the secretariat: everyone's), newest first */
    List<ImportView> recent(AlliancePrincipal caller);

    List<Format> formats();
}
