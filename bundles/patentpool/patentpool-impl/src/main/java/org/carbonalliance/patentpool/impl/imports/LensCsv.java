package org.carbonalliance.patentpool.impl.imports;

import static org.carbonalliance.patentpool.impl.imports.LensColumns.*;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.carbonalliance.patentpool.api.LegalStatus;
import org.carbonalliance.patentpool.api.PatentData;
import org.carbonalliance.patentpool.api.PatentSource;
import org.carbonalliance.patentpool.api.PublicationNumber;

/**
 * Import format {@code lens-csv}: a Lens.org patent search export (CSV, UTF-8, with or without a byte order mark), and
 * the pool's own export ({@link LensCsvWriter}), which adds the columns Lens does not have. Columns are found by their
 * header names, in any order; unknown ones are ignored. Multi-valued cells separate their values with {@code ;;}.
 * <p>
 * The publication number is the Display Key ({@code US 2020/0123456 A1}, {@code CN 112345678 A},
 * {@code EP_0227762_B1_19900411}), or else Jurisdiction + a number column + Kind. A title or abstract with Chinese
 * characters in it is taken as Chinese, unless the file has the pool's {@code Title (zh)} / {@code Abstract (zh)}
 * columns, which say which is which. A row that cannot be read (cell count, date, publication number, a cell over
 * {@value #MAX_CELL} characters) is rejected with its line number and reading goes on; a file without the columns
 * of a Lens export, or not UTF-8, or with broken CSV quoting fails the import.
 * <p>
 * Known limit: commons-csv holds a whole record in memory before the cell check sees it, so a file with one huge
 * quoted cell still costs that much memory while it is read.
 */
public final class LensCsv implements PatentSource {

    /** Longer cells are refused (the longest real abstracts are a few thousand characters). */
    static final int MAX_CELL = 100_000;

    private static final int MAX_QUOTED = 60;
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/MM/dd")
            .withResolverStyle(ResolverStyle.STRICT);
    /** A Lens document key ends with the publication date: {@code EP_0227762_B1_19900411}. */
    private static final Pattern DATE_AFTER_KIND = Pattern.compile("(\\s[A-Z]\\d?)\\s+\\d{8}$");

    @Override
    public String format() {
        return "lens-csv";
    }

    @Override
    public String description() {
        return "Lens.org patent export (CSV, UTF-8), and the pool's own CSV export";
    }

    @Override
    public void read(InputStream in, Sink sink) throws IOException {
        RecordGuard guard = new RecordGuard(utf8WithoutBom(in));
        try (CSVParser parser = CSVParser.builder().setReader(guard).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            Header header = Header.of(next(records, 1));
            long line = parser.getCurrentLineNumber() + 1;
            for (CSVRecord record = next(records, line, guard); record != null;
                    record = next(records, line, guard)) {
                long start = line;
                // the parser counts the line ends it has read: the next record starts on the line after them
                line = parser.getCurrentLineNumber() + 1;
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a blank line
                }
                boolean more;
                try {
                    more = sink.accept(start, patent(header, record));
                } catch (RowException e) {
                    more = sink.reject(start, e.getMessage());
                }
                if (!more) {
                    return;
                }
            }
        }
    }

    private static CSVRecord next(Iterator<CSVRecord> records, long line, RecordGuard guard) throws IOException {
        guard.nextRecord();
        return next(records, line);
    }

    /**
     * Counts the characters read for one record: the CSV parser holds a record whole, so one unterminated quote in a
     * large file would otherwise take the whole file into memory.
     */
    private static final class RecordGuard extends java.io.FilterReader {
        static final int MAX_RECORD = 2_000_000;
        private long read;

        RecordGuard(Reader in) {
            super(in);
        }

        void nextRecord() {
            read = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(n);
            return n;
        }

        private void count(int n) throws IOException {
            if (n > 0 && (read += n) > MAX_RECORD) {
                throw new IOException("a record is longer than " + MAX_RECORD + " characters (an unclosed quote?); "
                        + "records before it were read");
            }
        }
    }

    /** @return the next record, or null at the end; CSV syntax and encoding errors fail the whole file */
    private static CSVRecord next(Iterator<CSVRecord> records, long line) throws IOException {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new IOException("not UTF-8 text (near line " + line + "): save the file as CSV UTF-8", e);
            }
            throw new IOException("broken CSV near line " + line + ": " + e.getCause().getMessage(), e);
        }
    }

    private static PatentData patent(Header header, CSVRecord record) throws RowException {
        if (record.size() != header.size()) {
            throw new RowException("the row has " + record.size() + " cells, the header " + header.size());
        }
        for (int i = 0; i < record.size(); i++) {
            if (record.get(i).length() > MAX_CELL) {
                throw new RowException("column '" + header.name(i) + "': the value is over " + MAX_CELL
                        + " characters long");
            }
        }
        Row row = new Row(header, record);
        String title = row.get(TITLE);
        String titleZh = row.get(TITLE_ZH);
        if (!header.has(TITLE_ZH) && isChinese(title)) {
            titleZh = title;
            title = null;
        }
        String abstractEn = row.get(ABSTRACT);
        String abstractZh = row.get(ABSTRACT_ZH);
        if (!header.has(ABSTRACT_ZH) && isChinese(abstractEn)) {
            abstractZh = abstractEn;
            abstractEn = null;
        }
        String number = publicationNumber(row);
        // Lens has no grant date: a granted kind's publication date is its grant date. (Its URL column is the Lens
        // page, not the office's record, so it is not taken as the office link.)
        LocalDate grant = header.has(GRANT_DATE) ? row.date(GRANT_DATE)
                : grantedKind(number) ? row.date(PUBLICATION_DATE) : null;
        return new PatentData(number, row.get(FAMILY_ID), row.get(APPLICATION_NUMBER),
                row.date(APPLICATION_DATE), row.date(EARLIEST_PRIORITY_DATE), grant,
                row.date(EXPIRY_DATE), row.get(EXPIRY_REASON), legalStatus(row), title, titleZh, abstractEn,
                abstractZh, row.list(APPLICANTS), row.list(OWNERS), row.list(INVENTORS), row.list(CPC),
                row.list(CLIMATE_TAGS), row.list(IPCR), row.get(OFFICE_LINK), row.get(MEMBER));
    }

    private static boolean grantedKind(String number) {
        String kind = PublicationNumber.parse(number).map(PublicationNumber::kind).orElse("");
        return kind.startsWith("B") || kind.startsWith("C") || kind.startsWith("U") || kind.startsWith("Y");
    }

    private static String publicationNumber(Row row) throws RowException {
        String key = row.get(DISPLAY_KEY);
        if (key != null) {
            Optional<PublicationNumber> number = parseDisplayKey(key);
            if (number.isPresent()) {
                return number.get().toString();
            }
        }
        String jurisdiction = row.get(JURISDICTION);
        String number = NUMBER_COLUMNS.stream().map(row::get).filter(v -> v != null).findFirst().orElse(null);
        if (jurisdiction != null && number != null) {
            String kind = row.get(KIND);
            Optional<PublicationNumber> built = PublicationNumber.parse(jurisdiction + number
                    + (kind == null ? "" : kind));
            if (built.isPresent()) {
                return built.get().toString();
            }
        }
        if (key != null) {
            throw new RowException("column '" + DISPLAY_KEY + "': not a publication number: " + quote(key));
        }
        throw new RowException("no publication number: the '" + DISPLAY_KEY + "' cell is empty");
    }

    /** @return the number a Lens display key ({@code US 2020/0123456 A1}) or document key names */
    static Optional<PublicationNumber> parseDisplayKey(String key) {
        String spaced = key.strip().replace('_', ' ');
        return PublicationNumber.parse(DATE_AFTER_KIND.matcher(spaced).replaceFirst("$1"));
    }

    private static LegalStatus legalStatus(Row row) throws RowException {
        String pool = row.get(POOL_LEGAL_STATUS);
        if (pool != null) {
            return LegalStatus.fromWire(pool).orElseThrow(() -> new RowException("column '" + POOL_LEGAL_STATUS
                    + "': not one of pending, granted, lapsed, expired, revoked: " + quote(pool)));
        }
        String lens = row.get(LEGAL_STATUS);
        return lens == null ? null : fromLens(lens);
    }

    /**
     * Lens' calculated patent status (its API documents ACTIVE, PENDING, DISCONTINUED, INACTIVE, EXPIRED, PATENTED,
     * UNKNOWN; its search pages also say Granted, Lapsed, Revoked ...) in the pool's terms.
     *
     * @return the status, or null where the pool has no equivalent: DISCONTINUED (withdrawn or refused before grant),
     *         PATENTED (granted somewhere, term not known), UNKNOWN, and anything else
     */
    static LegalStatus fromLens(String status) {
        return switch (status.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", "_")) {
            case "ACTIVE", "GRANTED" -> LegalStatus.GRANTED;
            case "PENDING" -> LegalStatus.PENDING;
            case "INACTIVE", "LAPSED", "EXPIRED_FEE_RELATED" -> LegalStatus.LAPSED;
            case "EXPIRED", "EXPIRED_LIFETIME" -> LegalStatus.EXPIRED;
            case "REVOKED" -> LegalStatus.REVOKED;
            default -> null;
        };
    }

    static boolean isChinese(String text) {
        return text != null
                && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** @return {@code 'text'}, cut to {@value #MAX_QUOTED} characters, for a reason shown to people */
    static String quote(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", " ");
        return "'" + (oneLine.length() > MAX_QUOTED ? oneLine.substring(0, MAX_QUOTED) + "..." : oneLine) + "'";
    }

    /** Strict UTF-8 (a GBK file from Excel is refused, not read as mojibake), without a leading byte order mark. */
    private static Reader utf8WithoutBom(InputStream in) throws IOException {
        InputStream kept = new FilterInputStream(in) {
            @Override
            public void close() {
                // the caller owns the stream
            }
        };
        PushbackReader reader = new PushbackReader(new InputStreamReader(kept, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        int first;
        try {
            first = reader.read();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text (line 1): save the file as CSV UTF-8", e);
        }
        if (first >= 0 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    /** The header row: column names and where they are. */
    private static final class Header {

        private final List<String> names;
        private final Map<String, Integer> index = new HashMap<>();

        private Header(List<String> names) {
            this.names = names;
            for (int i = 0; i < names.size(); i++) {
                index.putIfAbsent(names.get(i), i);
            }
        }

        static Header of(CSVRecord record) throws IOException {
            if (record == null) {
                throw new IOException("not a Lens.org CSV export: the file is empty");
            }
            List<String> names = new ArrayList<>();
            record.forEach(name -> names.add(name.strip()));
            Header header = new Header(names);
            boolean numbered = header.has(JURISDICTION) && header.has(KIND)
                    && NUMBER_COLUMNS.stream().anyMatch(header::has);
            if (!header.has(DISPLAY_KEY) && !numbered) {
                String all = String.join(", ", names).replaceAll("\\p{Cntrl}", "?");
                throw new IOException("not a Lens.org CSV export: no '" + DISPLAY_KEY + "' column (nor '"
                        + JURISDICTION + "', '" + KIND + "' and '" + NUMBER_COLUMNS.get(0) + "'); the header has: "
                        + (all.length() > 200 ? all.substring(0, 200) + "..." : all));
            }
            return header;
        }

        boolean has(String name) {
            return index.containsKey(name);
        }

        int size() {
            return names.size();
        }

        String name(int i) {
            return names.get(i);
        }
    }

    /** One data row, read by column name. */
    private static final class Row {

        private final Header header;
        private final CSVRecord record;

        Row(Header header, CSVRecord record) {
            this.header = header;
            this.record = record;
        }

        /** @return the cell without surrounding blanks, or null when the column is missing or the cell blank */
        String get(String column) {
            Integer i = header.index.get(column);
            if (i == null) {
                return null;
            }
            String value = record.get(i).strip();
            return value.isEmpty() ? null : value;
        }

        List<String> list(String column) {
            String cell = get(column);
            List<String> values = new ArrayList<>();
            if (cell != null) {
                for (String value : cell.split(Pattern.quote(SEPARATOR))) {
                    if (!value.isBlank()) {
                        values.add(value.strip());
                    }
                }
            }
            return values;
        }

        LocalDate date(String column) throws RowException {
            String text = get(column);
            if (text == null) {
                return null;
            }
            try {
                return text.indexOf('/') >= 0 ? LocalDate.parse(text, SLASHED) : LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new RowException("column '" + column + "': not a date (yyyy-MM-dd): " + quote(text));
            }
        }
    }

    /** A row that cannot be read; the message is the reason given to the sink. */
    private static final class RowException extends Exception {

        private static final long serialVersionUID = 1L;

        RowException(String reason) {
            super(reason, null, false, false);
        }
    }
}
