package org.carbonalliance.examples.jsonl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.carbonalliance.patentpool.api.LegalStatus;
import org.carbonalliance.patentpool.api.PatentData;
import org.carbonalliance.patentpool.api.PatentSource;
import org.junit.Test;

public class JsonLinesPatentSourceTest {

    /** Records what the source hands over; answers false after {@code stopAfter} items. */
    static final class RecordingSink implements PatentSource.Sink {

        final Map<Long, PatentData> accepted = new LinkedHashMap<>();
        final Map<Long, String> rejected = new LinkedHashMap<>();
        final List<Long> order = new ArrayList<>();
        private final int stopAfter;

        RecordingSink(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        RecordingSink() {
            this(Integer.MAX_VALUE);
        }

        @Override
        public boolean accept(long item, PatentData patent) {
            accepted.put(item, patent);
            order.add(item);
            return order.size() < stopAfter;
        }

        @Override
        public boolean reject(long item, String reason) {
            rejected.put(item, reason);
            order.add(item);
            return order.size() < stopAfter;
        }
    }

    private final JsonLinesPatentSource source = new JsonLinesPatentSource();

    private RecordingSink read(RecordingSink sink, String... lines) throws IOException {
        byte[] file = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        source.read(new ByteArrayInputStream(file), sink);
        return sink;
    }

    @Test
    public void goodLinesAreAcceptedAndBadOnesRejectedWithLineNumberAndField() throws IOException {
        RecordingSink sink = read(new RecordingSink(),
                "{\"publicationNumber\": \"CN112345678A\", \"familyId\": \"F1\", \"applicationDate\": \"2020-03-01\","
                        + " \"grantDate\": null, \"legalStatus\": \"granted\", \"titleZh\": \"电池电极\","
                        + " \"applicants\": [\"Example Energy Co.\"], \"cpcCodes\": [\"Y02E 60/10\", \"H01M 4/13\"]}",
                "",
                "{\"publicationNumber\": \"CN1A\", ",
                "{\"publicationNumber\": \"CN2A\", \"publication_date\": \"2020-01-01\"}",
                "{\"publicationNumber\": \"CN3A\", \"applicationDate\": \"2021-02-30\"}",
                "{\"publicationNumber\": \"CN4A\", \"legalStatus\": \"Granted\"}",
                "[\"CN5A\"]",
                "   ",
                "{\"publicationNumber\": \"US7654321B2\"}\r",
                "{\"publicationNumber\": \"CN6A\", \"inventors\": \"Li Wei\"}",
                "{\"familyId\": \"F7\"}");

        assertEquals(List.of(1L, 9L), List.copyOf(sink.accepted.keySet()));
        PatentData first = sink.accepted.get(1L);
        assertEquals("CN112345678A", first.publicationNumber());
        assertEquals("F1", first.familyId());
        assertEquals(LocalDate.of(2020, 3, 1), first.applicationDate());
        assertNull(first.grantDate());
        assertEquals(LegalStatus.GRANTED, first.legalStatus());
        assertEquals("电池电极", first.titleZh());
        assertEquals(List.of("Example Energy Co."), first.applicants());
        assertEquals(List.of("Y02E 60/10", "H01M 4/13"), first.cpcCodes());
        assertEquals(List.of(), first.owners());
        assertEquals("US7654321B2", sink.accepted.get(9L).publicationNumber());

        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 10L, 11L), List.copyOf(sink.rejected.keySet()));
        assertTrue(sink.rejected.get(3L), sink.rejected.get(3L).startsWith("not valid JSON"));
        assertTrue(sink.rejected.get(4L), sink.rejected.get(4L).startsWith("unknown field \"publication_date\""));
        assertEquals("applicationDate: \"2021-02-30\" is not a date YYYY-MM-DD", sink.rejected.get(5L));
        assertEquals("legalStatus: \"Granted\" is none of pending, granted, lapsed, expired, revoked",
                sink.rejected.get(6L));
        assertTrue(sink.rejected.get(7L), sink.rejected.get(7L).startsWith("not a JSON object"));
        assertEquals("inventors: expected an array of strings, found a string", sink.rejected.get(10L));
        assertEquals("no publicationNumber", sink.rejected.get(11L));
        assertEquals("file order", List.of(1L, 3L, 4L, 5L, 6L, 7L, 9L, 10L, 11L), sink.order);
    }

    @Test
    public void aFieldTwiceOrASecondValueOnTheLineIsRejected() throws IOException {
        RecordingSink sink = read(new RecordingSink(),
                "{\"publicationNumber\": \"CN1A\", \"publicationNumber\": \"CN2A\"}",
                "{\"publicationNumber\": \"CN1A\"} {\"publicationNumber\": \"CN2A\"}");
        assertTrue(sink.rejected.get(1L), sink.rejected.get(1L).contains("Duplicate field 'publicationNumber'"));
        assertEquals("more than one JSON value on the line", sink.rejected.get(2L));
        assertTrue(sink.accepted.isEmpty());
    }

    @Test
    public void readingEndsWhenTheSinkSaysSo() throws IOException {
        RecordingSink sink = read(new RecordingSink(2),
                "{\"publicationNumber\": \"CN1A\"}", "not json", "{\"publicationNumber\": \"CN3A\"}");
        assertEquals(List.of(1L, 2L), sink.order);
    }

    @Test
    public void aTooLongLineIsRejectedUnreadAndTheNextOneRead() throws IOException {
        String huge = "{\"publicationNumber\": \"CN1A\", \"titleEn\": \"" + "x".repeat(JsonLinesPatentSource.MAX_LINE)
                + "\"}";
        RecordingSink sink = read(new RecordingSink(), huge, "{\"publicationNumber\": \"CN2A\"}");
        assertEquals("line longer than 1000000 characters, not read", sink.rejected.get(1L));
        assertEquals(List.of(2L), List.copyOf(sink.accepted.keySet()));
    }

    @Test
    public void bytesThatAreNotUtf8RejectOnlyTheirLine() throws IOException {
        byte[] gbk = "{\"publicationNumber\": \"CN1A\", \"titleZh\": \"电池\"}\n{\"publicationNumber\": \"CN2A\"}\n"
                .getBytes(java.nio.charset.Charset.forName("GBK"));
        RecordingSink sink = new RecordingSink();
        source.read(new ByteArrayInputStream(gbk), sink);
        assertTrue(sink.rejected.get(1L), sink.rejected.get(1L).startsWith("not UTF-8"));
        assertEquals(List.of(2L), List.copyOf(sink.accepted.keySet()));
    }

    @Test
    public void fieldNamesAreExactlyThoseOfPatentData() {
        assertEquals(Arrays.stream(PatentData.class.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toSet()), JsonLinesPatentSource.FIELDS);
    }

    @Test
    public void boundedLineReaderCutsLongLinesAndSkipsTheirRest() throws IOException {
        BoundedLineReader reader = new BoundedLineReader(new StringReader("abc\r\nabcdef\nab\n\nlast"), 3);
        assertEquals("abc", reader.readLine());
        assertFalse(reader.tooLong());
        assertEquals("abc", reader.readLine());
        assertTrue(reader.tooLong());
        assertEquals("ab", reader.readLine());
        assertFalse(reader.tooLong());
        assertEquals("", reader.readLine());
        assertEquals("las", reader.readLine());
        assertTrue(reader.tooLong());
        assertNull(reader.readLine());
    }
}
