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
 * <li>As an <b>import format</b>: {@code POST /api/patentpool/imports?format=<format()>} streams the uploaded file
 * to {@link #read}, on a background thread of its own; the pool checks each record, stores it (a record already in the
 * pool is updated, so importing a file twice changes nothing) and reports each refused one with its item number.</li>
 * <li>As a <b>legal-status source</b>: the daily lapse watch asks {@link #legalStatus} about granted and pending
 * patents and records the office's answer.</li>
 * </ul>
 * Built in: {@code lens-csv} (a Lens.org patent CSV export) and {@code st36-xml} (USPTO / WIPO ST.36 grant XML, many
 * documents in one file). An exception thrown by a source fails that one import or status check, never the pool.
 */
@ConsumerType
public interface PatentSource {

    /** @return the format's name, lower case letters, digits and dashes, such as {@code jsonl}; unique in the pool */
    String format();

    /** @return one line for people choosing a format, such as "JSON lines, one PatentData object per line" */
    String description();

    /**
     * Reads every record in {@code in} and hands each to {@code sink} in file order. A record that cannot be read goes
     * to {@link Sink#reject} and reading goes on with the next one. Do not close {@code in}.
     *
     * @throws IOException when the file as a whole cannot be read (the import is reported as failed, with the message)
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

    /** Where a source hands the records it read. Implemented by the pool. */
    @ProviderType
    interface Sink {

        /**
         * @param item   the record's position in the file as a person would look for it: the line number of a CSV
         *               row or a JSON line, the number of an XML document (1 for the first)
         * @param patent the record as read
         * @return false when the import has been stopped and reading should end
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
