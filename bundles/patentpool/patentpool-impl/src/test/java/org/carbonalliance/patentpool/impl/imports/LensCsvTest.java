package org.carbonalliance.patentpool.impl.imports;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.carbonalliance.patentpool.api.LegalStatus;
import org.carbonalliance.patentpool.api.PatentData;
import org.junit.Test;

/**
 * {@link LensCsv} and {@link LensCsvWriter}. The sample {@code imports/lens-export-sample.csv} is made up (no real
 * patents), in the header of a real Lens.org patent export, with a byte order mark and a two-line abstract.
 */
public class LensCsvTest {

    private final LensCsv lens = new LensCsv();

    @Test
    public void readsALensExportByLineNumber() throws IOException {
        RecordingSink sink = new RecordingSink();
        try (InputStream in = getClass().getResourceAsStream("/imports/lens-export-sample.csv")) {
            lens.read(in, sink);
        }
        // the first row's abstract takes lines 2 and 3; a granted kind's publication date is its grant date, and
        // the Lens URL (the Lens page) is not the office's record
        assertEquals(List.of(2L, 4L, 5L, 6L, 7L, 8L), sink.items);
        assertEquals(List.of(2L, 4L, 5L, 8L), List.copyOf(sink.accepted.keySet()));

        assertEquals(new PatentData("US11999001B2", null, "US 17/500001", LocalDate.of(2021, 10, 13),
                LocalDate.of(2020, 10, 14), LocalDate.of(2023, 3, 14), null, null, LegalStatus.GRANTED,
                "Solid electrolyte for lithium ion secondary battery", null,
                "A solid electrolyte contains a sulfide, a halide and a binder.\n"
                        + "The battery made with it keeps 95% of its capacity after 1000 cycles.",
                null, List.of("EXAMPLE BATTERY CORP", "EXAMPLE UNIV"), List.of("EXAMPLE BATTERY CORP"),
                List.of("SATO HANAKO", "DOE JOHN Q"), List.of("Y02E60/10", "H01M10/0562", "H01M10/0525"), List.of(),
                List.of("H01M10/0562", "H01M10/0525"), null, null),
                sink.accepted.get(2L));

        PatentData chinese = sink.accepted.get(4L);
        assertEquals("CN115000001A", chinese.publicationNumber());
        assertNull(chinese.titleEn());
        assertEquals("一种光伏组件清洗机器人", chinese.titleZh());
        assertNull(chinese.abstractEn());
        assertTrue(chinese.abstractZh().startsWith("本发明公开了"));
        assertEquals(List.of("张三", "李四"), chinese.inventors());
        assertEquals(List.of(), chinese.owners());
        assertEquals(LegalStatus.PENDING, chinese.legalStatus());

        PatentData wo = sink.accepted.get(5L);
        assertEquals("WO2021123456A1", wo.publicationNumber());
        assertEquals("Wind turbine blade with \"serrated\" trailing edge, and method", wo.titleEn());
        assertNull("DISCONTINUED has no pool status", wo.legalStatus());

        assertEquals("KR102000001B1", sink.accepted.get(8L).publicationNumber());
        assertEquals(LegalStatus.LAPSED, sink.accepted.get(8L).legalStatus());

        assertEquals("column 'Application Date': not a date (yyyy-MM-dd): '2018-02-30'", sink.rejected.get(6L));
        assertEquals("no publication number: the 'Display Key' cell is empty", sink.rejected.get(7L));
    }

    @Test
    public void rejectsBrokenRowsAndReadsOn() throws IOException {
        String longDate = "2020-01-01 or thereabouts, the applicant could not remember exactly when it was";
        String csv = "Display Key,Application Date,Abstract\n"
                + "US 10123456 B2,2020-01-01\n" // line 2: a cell short
                + "US 10123457 B2,\"" + longDate + "\",x\n" // 3
                + "\n" // 4: blank, skipped
                + "no number at all,2020-01-01,x\n" // 5
                + "US 10123458 B2,2020-01-01,\"" + "a".repeat(LensCsv.MAX_CELL + 1) + "\"\n" // 6
                + "US 10123459 B2,2020/01/02,\"two\nlines\"\n" // 7-8
                + "US_10123460_B2,,\n"; // 9
        RecordingSink sink = read(csv);

        assertEquals(List.of(2L, 3L, 5L, 6L, 7L, 9L), sink.items);
        assertEquals("the row has 2 cells, the header 3", sink.rejected.get(2L));
        String dateReason = sink.rejected.get(3L);
        assertTrue(dateReason, dateReason.startsWith("column 'Application Date': not a date (yyyy-MM-dd): '"
                + longDate.substring(0, 60) + "...'"));
        assertFalse("cut to 60 characters", dateReason.contains(longDate.substring(0, 61)));
        assertEquals("column 'Display Key': not a publication number: 'no number at all'", sink.rejected.get(5L));
        assertEquals("column 'Abstract': the value is over 100000 characters long", sink.rejected.get(6L));
        assertEquals(LocalDate.of(2020, 1, 2), sink.accepted.get(7L).applicationDate());
        assertEquals("two\nlines", sink.accepted.get(7L).abstractEn());
        assertEquals("US10123460B2", sink.accepted.get(9L).publicationNumber());
    }

    @Test
    public void takesDocumentKeysAndNumberColumns() throws IOException {
        RecordingSink keys = read("Display Key\nEP_0227762_B1_19900411\nUS 2020/0123456 A1\r\ncn112345678a\n");
        assertEquals(List.of("EP0227762B1", "US20200123456A1", "CN112345678A"), numbers(keys));
        assertEquals(List.of(2L, 3L, 4L), keys.items);

        RecordingSink built = read("Jurisdiction,Kind,Publication Number\nUS,B2,10123456\nCN,,112345678\n");
        assertEquals(List.of("US10123456B2", "CN112345678"), numbers(built));
    }

    @Test
    public void chineseTextIsSortedByTheZhColumnsWhenThereAreAny() throws IOException {
        RecordingSink sink = read("Display Key,Title,Title (zh),Abstract\nCN 112345678 A,PV module (光伏组件),,光伏\n");
        PatentData p = sink.accepted.get(2L);
        assertEquals("PV module (光伏组件)", p.titleEn());
        assertNull(p.titleZh());
        assertEquals("光伏", p.abstractZh());
        assertNull(p.abstractEn());
    }

    @Test
    public void refusesFilesThatAreNotLensExports() {
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        assertFails(binary, "not UTF-8 text");
        assertFails("name,number,date\nA,1,2\n".getBytes(StandardCharsets.UTF_8),
                "not a Lens.org CSV export: no 'Display Key' column (nor 'Jurisdiction', 'Kind' and "
                        + "'Publication Number'); the header has: name, number, date");
        assertFails(new byte[0], "not a Lens.org CSV export: the file is empty");
        assertFails("Display Key,Title\n光伏\n".getBytes(Charset.forName("GBK")), "not UTF-8 text");
        assertFails("Display Key,Title\nUS 10123456 B2,\"never closed\n".getBytes(StandardCharsets.UTF_8),
                "broken CSV near line 2");
    }

    @Test
    public void stopsWhenTheSinkSaysSo() throws IOException {
        RecordingSink sink = new RecordingSink(2);
        try (InputStream in = getClass().getResourceAsStream("/imports/lens-export-sample.csv")) {
            lens.read(in, sink);
        }
        assertEquals(List.of(2L, 4L), sink.items);
    }

    @Test
    public void leavesTheStreamOpen() throws IOException {
        boolean[] closed = {false};
        InputStream in = new FilterInputStream(new ByteArrayInputStream("Display Key\nUS10123456B2\n".getBytes())) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        lens.read(in, new RecordingSink());
        assertFalse(closed[0]);
    }

    @Test
    public void readsBackWhatItWrites() throws IOException {
        List<PatentData> patents = List.of(
                new PatentData("US10123456B2", "55012345", "US 16/123456", LocalDate.of(2019, 3, 4),
                        LocalDate.of(2018, 3, 5), LocalDate.of(2021, 6, 1), LocalDate.of(2040, 1, 1),
                        "patent term adjustment of 303 days", LegalStatus.GRANTED, "Battery, \"solid\" state", null,
                        "First line, with a comma.\r\nSecond \"quoted\" line.\nThird line", null,
                        List.of("ACME, INC.", "Doe \"Jr\" John"), List.of("ACME, INC."),
                        List.of("DOE JOHN", "ROE JANE"),
                        List.of("Y02E 60/10", "H01M 10/052"), List.of("Y02E"), List.of("H01M 10/052"),
                        "https://ppubs.uspto.gov/pubwebapp/external.html?q=(10123456).pn.", "tenant-7"),
                new PatentData("CN112345678A", null, "CN202010123456.7", LocalDate.of(2020, 2, 3), null, null, null,
                        null, LegalStatus.PENDING, null, "一种储能电池", null, "本发明涉及储能。\n第二段，含逗号。", List.of("某某公司"),
                        List.of(), List.of("张三"), List.of("Y02E 60/10"), List.of(), List.of(), null, null),
                new PatentData("EP1234567B1", null, null, null, null, null, null, null, LegalStatus.REVOKED,
                        "Wind turbine", "风力涡轮机", "A turbine.", "一种涡轮机。", List.of(), List.of(), List.of(), List.of(),
                        List.of("Y02E", "Y02B"), List.of(), null, null),
                new PatentData("WO2020123456A1", null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null),
                new PatentData("JP2019123456A", null, null, null, null, null, LocalDate.of(2039, 5, 5), "extended",
                        LegalStatus.EXPIRED, "Title with trailing ;", null, "=1+2 looks like a formula", null,
                        List.of("A;B"), List.of(), List.of(), List.of(), List.of(), List.of(), null, null));
        StringWriter out = new StringWriter();
        LensCsvWriter.write(patents, out);
        String csv = out.toString();
        assertTrue(csv, csv.startsWith(String.join(",", LensColumns.WRITTEN) + "\r\n"));

        RecordingSink sink = read(csv);
        assertEquals(patents, new ArrayList<>(sink.accepted.values()));
        assertEquals(List.of(), List.copyOf(sink.rejected.values()));
        // the first patent's abstract has two line breaks in it, the second's one
        assertEquals(List.of(2L, 5L, 7L, 8L, 9L), sink.items);
    }

    @Test(expected = IllegalArgumentException.class)
    public void refusesAnItemHoldingTheSeparator() throws IOException {
        new LensCsvWriter(new StringWriter()).write(patent("CN112345678A", List.of("A;;B")));
    }

    @Test
    public void refusesAnItemEndingWithASemicolon() throws IOException {
        LensCsvWriter writer = new LensCsvWriter(new StringWriter());
        try {
            writer.write(patent("CN112345678A", List.of("A;", "B")));
            fail("wrote 'A;;;B'");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("CN112345678A applicants: 'A;' cannot be written"));
        }
    }

    @Test
    public void mapsLensStatuses() {
        assertEquals(LegalStatus.GRANTED, LensCsv.fromLens("ACTIVE"));
        assertEquals(LegalStatus.GRANTED, LensCsv.fromLens("Granted"));
        assertEquals(LegalStatus.PENDING, LensCsv.fromLens("pending"));
        assertEquals(LegalStatus.LAPSED, LensCsv.fromLens("INACTIVE"));
        assertEquals(LegalStatus.LAPSED, LensCsv.fromLens("Expired - Fee Related"));
        assertEquals(LegalStatus.EXPIRED, LensCsv.fromLens("EXPIRED"));
        assertEquals(LegalStatus.REVOKED, LensCsv.fromLens("Revoked"));
        assertNull(LensCsv.fromLens("DISCONTINUED"));
        assertNull(LensCsv.fromLens("PATENTED"));
        assertNull(LensCsv.fromLens("UNKNOWN"));
        for (LegalStatus status : List.of(LegalStatus.GRANTED, LegalStatus.PENDING, LegalStatus.LAPSED,
                LegalStatus.EXPIRED)) {
            assertEquals(status, LensCsv.fromLens(LensCsvWriter.toLens(status)));
        }
        assertNull(LensCsvWriter.toLens(LegalStatus.REVOKED));
    }

    private static PatentData patent(String number, List<String> applicants) {
        return new PatentData(number, null, null, null, null, null, null, null, null, null, null, null, null,
                applicants, null, null, null, null, null, null, null);
    }

    private RecordingSink read(String csv) throws IOException {
        RecordingSink sink = new RecordingSink();
        lens.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), sink);
        return sink;
    }

    private void assertFails(byte[] file, String message) {
        try {
            lens.read(new ByteArrayInputStream(file), new RecordingSink());
            fail("read a file that is not a Lens export: " + message);
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(message));
        }
    }

    private static List<String> numbers(RecordingSink sink) {
        return sink.accepted.values().stream().map(PatentData::publicationNumber).toList();
    }

    @Test
    public void anUnclosedQuoteDoesNotReadTheRestOfTheFileIntoOneRecord() {
        String file = "\"Display Key\",\"Title\"\nCN 115000009 A,\"starts a quote that never ends "
                + "x".repeat(3_000_000);
        RecordingSink sink = new RecordingSink();
        IOException e = org.junit.Assert.assertThrows(IOException.class, () -> lens.read(
                new java.io.ByteArrayInputStream(file.getBytes(java.nio.charset.StandardCharsets.UTF_8)), sink));
        assertTrue(e.getMessage(), e.getMessage().contains("longer than"));
    }
}
