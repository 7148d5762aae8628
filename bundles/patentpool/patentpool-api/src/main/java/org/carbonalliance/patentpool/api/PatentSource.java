package org.carbonalliance.patentpool.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Extension point: a source of patent records. Register an implementation as an OSGi service (whiteboard) and the pool
 * picks it up at once; stop the bundle and it is gone, with everything it imported kept.
 * <ul>
 * <li>As an <b>import format</b>: {@code POST /api/patentpool/imports?format=<format()>} stores the uploaded file
 * (expanded first when it was sent gzip- or zip-compressed) and hands it to {@link #read}. The pool checks each
 * record as it checks a contribution, stores it (a record the same member already pooled is updated, so importing a
 * file twice changes nothing) and reports each refused one with its item number.</li>
 * <li>As a <b>legal-status source</b>: the daily lapse watch asks {@link #legalStatus} about granted and pending
 * patents and records the office's answer.</li>
 * </ul>
 * Built in: {@code lens-csv} (a Lens.org patent CSV export) and {@code st36-xml} (USPTO / WIPO ST.36 grant XML, many
 * documents in one file). An exception thrown by a source fails that one import or status check, never the pool.
 * <p>
 * <b>{@link #read} is called more than once for one file</b>, possibly at the same time for different files, so an
 * implementation must be thread-safe and give the same items the same numbers on every read: once while the upload is
 * answered (the start of the file; an {@link IOException} there answers 400 and no job is made; a small file whose
 * every record is refused also answers 400), once by the import job, and again after a restart, when the job goes
 * on after the last item it had stored.
 * <p>
 * <b>Time limits.</b> Every method runs on a platform thread and is interrupted when it takes longer than its limit:
 * {@link #format} 5 seconds (asked once, when the service appears; a source that fails or takes longer is ignored),
 * {@link #description} 1 second (an empty description stands in), {@link #read} 60 seconds for the first look at an
 * upload (longer answers 400, no job is made), {@link #legalStatus} 30 seconds (longer skips the source for the
 * day). An import job's {@link #read} has no overall limit, but one that hands nothing to the sink for 10 minutes is
 * abandoned and the job fails. An {@link IOException} is the documented answer about a file or an office; any other
 * exception (an {@link Error} too), a time-out or an abandoned read names the plugin's bundle in {@code /api/health}
 * (check {@code plugins}); a bundle with 4 calls still running past their limit is not called until one ends.
 */
@ConsumerType
public interface PatentSource {

    /**
     * @return the format's name: a lower-case letter or digit, then up to 39 lower-case letters, digits and dashes,
     *         such as {@code jsonl}. A source whose name is taken (the built-in names included) or malformed is
     *         ignored, with a warning in the log.
     */
    String format();

    /** @return one line for people choosing a format, such as "JSON lines, one PatentData object per line" */
    String description();

    /**
     * Reads every record in {@code in} and hands each to {@code sink} in file order. A record that cannot be read goes
     * to {@link Sink#reject} and reading goes on with the next one. Do not close {@code in}.
     *
     * @throws IOException when the file as a whole cannot be read: the import is reported as failed with the message,
     *                     and the records handed to the sink before it stay imported
     */
    void read(InputStream in, Sink sink) throws IOException;

    /**
     * @return the patent's current legal status at its office, or empty when this source does not know it (the
     *         default: a source that only reads files)
     * @throws IOException when the office cannot be asked now (the lapse watch tries again the next day)
     */
    default Optional<LegalStatus> legalStatus(PublicationNumber number) throws IOException {
        return Optional.empty();
    }

    /**
     * Where a source hands the records it read. Implemented by the pool. Its methods may throw an unchecked exception
     * when the pool cannot store records (the database refused): let it pass, do not catch it; the import then
     * resumes later from the last stored item.
     */
    @ProviderType
    interface Sink {

        /**
         * Takes a record as read; the pool checks and stores it later, in batches, and reports a refusal in the job
         * (not through the return value).
         *
         * @param item   the record's position in the file as a person would look for it: the line number of a CSV
         *               row or a JSON line, the number of an XML document (1 for the first); increasing, and the
         *               same on every read of the file
         * @param patent the record as read; a source need not check it (the pool does), but one without a
         *               publication number is better rejected with that reason
         * @return false when the import has been stopped (the platform is stopping) and reading should end
         */
        boolean accept(long item, PatentData patent);

        /**
         * @param item   as for {@link #accept}
         * @param reason what is wrong, for the person who made the file (such as "no publication number")
         * @return false when the import has been stopped and reading should end
         */
        boolean reject(long item, String reason);
    }
}
