package org.carbonalliance.patentpool.impl.imports;

import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.carbonalliance.patentpool.api.LegalStatus;
import org.carbonalliance.patentpool.api.PatentData;
import org.carbonalliance.patentpool.api.PublicationNumber;

/**
 * Writes patents as CSV in the columns of a Lens.org export where Lens has them, plus the pool's own
 * ({@link LensColumns#WRITTEN}), one row per patent, so that {@link LensCsv} reads back every field as it was written.
 * Except, as the format allows no better:
 * <ul>
 * <li>blank text reads back as null, and values lose leading and trailing blanks (as list items do), and empty list
 * items are dropped;</li>
 * <li>a list item cannot hold {@code ;;}, or start or end with {@code ;}, as that would be read as two items:
 * {@link #write(PatentData)} refuses such a patent;</li>
 * <li>the publication number reads back in canonical form ({@link PublicationNumber#parse}), and one that does not
 * parse not at all.</li>
 * </ul>
 * The writer does not write Lens' "#", "Lens ID" or "URL" columns (the pool has no such values); its "Legal Status"
 * holds Lens' word for the pool's status, blank where Lens has none (revoked). Values starting with {@code =},
 * {@code +}, {@code -} or {@code @} are written as they are: a spreadsheet opening the file may take them for
 * formulas. Closing is the caller's: this class only flushes.
 */
public final class LensCsvWriter implements Flushable {

    private final CSVPrinter printer;

    /** @param out where the CSV goes; UTF-8 is what {@link LensCsv} reads */
    public LensCsvWriter(Writer out) throws IOException {
        this.printer = new CSVPrinter(out, LensColumns.FORMAT);
    }

    /** Writes {@code patents} with a header row first, and flushes {@code out} (which stays open). */
    public static void write(Iterable<PatentData> patents, Writer out) throws IOException {
        LensCsvWriter writer = new LensCsvWriter(out);
        writer.writeHeader();
        for (PatentData patent : patents) {
            writer.write(patent);
        }
        writer.flush();
    }

    public void writeHeader() throws IOException {
        printer.printRecord(LensColumns.WRITTEN);
    }

    /** @throws IllegalArgumentException when a list item could not be read back as written (see the class) */
    public void write(PatentData p) throws IOException {
        PublicationNumber number = PublicationNumber.parse(p.publicationNumber()).orElse(null);
        List<String> row = new ArrayList<>(LensColumns.WRITTEN.size());
        row.add(number == null ? null : number.country());
        row.add(number == null ? null : number.kind());
        row.add(p.publicationNumber());
        row.add(p.applicationNumber());
        row.add(date(p.applicationDate()));
        row.add(date(p.priorityDate()));
        row.add(p.titleEn());
        row.add(p.titleZh());
        row.add(p.abstractEn());
        row.add(p.abstractZh());
        row.add(list(p, "applicants", p.applicants()));
        row.add(list(p, "inventors", p.inventors()));
        row.add(list(p, "owners", p.owners()));
        row.add(list(p, "cpcCodes", p.cpcCodes()));
        row.add(list(p, "ipcCodes", p.ipcCodes()));
        row.add(p.legalStatus() == null ? null : toLens(p.legalStatus()));
        row.add(p.familyId());
        row.add(date(p.grantDate()));
        row.add(date(p.expiryDate()));
        row.add(p.expiryReason());
        row.add(p.legalStatus() == null ? null : p.legalStatus().wire());
        row.add(list(p, "climateTags", p.climateTags()));
        row.add(p.member());
        row.add(p.officeLink());
        printer.printRecord(row);
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    /** @return Lens' patent status for {@code status}, or null where Lens has none */
    static String toLens(LegalStatus status) {
        return switch (status) {
            case GRANTED -> "ACTIVE";
            case PENDING -> "PENDING";
            case LAPSED -> "INACTIVE";
            case EXPIRED -> "EXPIRED";
            case REVOKED -> null;
        };
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String list(PatentData p, String field, List<String> values) {
        for (String value : values) {
            if (value.contains(LensColumns.SEPARATOR) || value.startsWith(";") || value.endsWith(";")) {
                throw new IllegalArgumentException(p.publicationNumber() + " " + field + ": " + LensCsv.quote(value)
                        + " cannot be written: ';;' separates the values of a cell");
            }
        }
        return String.join(LensColumns.SEPARATOR, values);
    }
}
