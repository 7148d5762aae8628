package org.carbonalliance.patentpool.impl.imports;

import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * The columns {@link LensCsv} reads and {@link LensCsvWriter} writes: those of a Lens.org patent search export (its
 * header: {@code "#", Jurisdiction, Kind, Display Key, Lens ID, Publication Date, Publication
 * Year, Application Number, Application Date, Priority Numbers, Earliest Priority Date, Title, Abstract, Applicants,
 * Inventors, Owners, URL, Document Type, Has Full Text, Cites Patent Count, Cited by Patent Count, Simple Family Size,
 * Simple Family Members, ..., CPC Classifications, IPCR Classifications, US Classifications, ..., Legal Status}) and
 * the pool's own, which Lens does not have, so that an export of the pool reads back as it was.
 */
final class LensColumns {

    /** Between the values of a multi-valued cell, as Lens writes them: {@code Y02E 60/10;;H01M 10/052}. */
    static final String SEPARATOR = ";;";

    /** RFC 4180: comma, double quotes doubled inside quoted cells, CRLF between records; blank lines are kept. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180;

    static final String JURISDICTION = "Jurisdiction";
    static final String KIND = "Kind";
    static final String DISPLAY_KEY = "Display Key";
    static final String APPLICATION_NUMBER = "Application Number";
    static final String APPLICATION_DATE = "Application Date";
    static final String PUBLICATION_DATE = "Publication Date";
    static final String EARLIEST_PRIORITY_DATE = "Earliest Priority Date";
    static final String TITLE = "Title";
    static final String ABSTRACT = "Abstract";
    static final String APPLICANTS = "Applicants";
    static final String INVENTORS = "Inventors";
    static final String OWNERS = "Owners";
    /** The Lens record's own page; read as the office link only when there is no {@link #OFFICE_LINK}. */
    static final String URL = "URL";
    static final String CPC = "CPC Classifications";
    static final String IPCR = "IPCR Classifications";
    /** Lens' calculated status: ACTIVE, PENDING, DISCONTINUED, INACTIVE, EXPIRED, PATENTED or UNKNOWN. */
    static final String LEGAL_STATUS = "Legal Status";
    /**
     * Number columns that, with {@link #JURISDICTION} and {@link #KIND}, stand for a missing {@link #DISPLAY_KEY}. A
     * Lens export has none of them; other tools' exports and hand-made files do.
     */
    static final List<String> NUMBER_COLUMNS = List.of("Publication Number", "Document Number", "Doc Number");

    // The pool's own columns.
    static final String TITLE_ZH = "Title (zh)";
    static final String ABSTRACT_ZH = "Abstract (zh)";
    static final String FAMILY_ID = "Family ID";
    static final String GRANT_DATE = "Grant Date";
    static final String EXPIRY_DATE = "Expiry Date";
    static final String EXPIRY_REASON = "Expiry Reason";
    /** The pool's {@link org.carbonalliance.patentpool.api.LegalStatus#wire() wire form}; wins over Lens' own. */
    static final String POOL_LEGAL_STATUS = "Pool Legal Status";
    static final String CLIMATE_TAGS = "Climate Tags";
    static final String MEMBER = "Member";
    static final String OFFICE_LINK = "Office Link";

    /** What {@link LensCsvWriter} writes, in this order. */
    static final List<String> WRITTEN = List.of(JURISDICTION, KIND, DISPLAY_KEY, APPLICATION_NUMBER, APPLICATION_DATE,
            EARLIEST_PRIORITY_DATE, TITLE, TITLE_ZH, ABSTRACT, ABSTRACT_ZH, APPLICANTS, INVENTORS, OWNERS, CPC, IPCR,
            LEGAL_STATUS, FAMILY_ID, GRANT_DATE, EXPIRY_DATE, EXPIRY_REASON, POOL_LEGAL_STATUS, CLIMATE_TAGS, MEMBER,
            OFFICE_LINK);

    private LensColumns() {
    }
}
