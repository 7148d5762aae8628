package org.carbonalliance.telemetry.impl.senml;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.Test;

/** A simple device's plain JSON object: one record per numeric field. */
public class PlainObjectTest {

    private static final long NOW = 1_700_000_100L;
    private final SenmlParser parser = new SenmlParser();

    private List<SenmlRecord> parse(String json) {
        return parser.parse(json, Instant.ofEpochSecond(NOW));
    }

    private void refused(String json, String prefix) {
        SenmlException e = assertThrows(SenmlException.class, () -> parse(json));
        assertEquals(SenmlException.NO_RECORD, e.recordIndex());
        assertTrue(e.getMessage(), e.getMessage().startsWith(prefix));
    }

    @Test
    public void oneRecordPerNumericFieldAtTheGivenTime() {
        assertEquals(List.of(SenmlRecord.numeric("temperature", 1_700_000_000, null, 21.5),
                SenmlRecord.numeric("energy_kwh", 1_700_000_000, null, 1234.5)),
                parse("{\"temperature\": 21.5, \"energy_kwh\": 1234.5, \"t\": 1700000000}"));
    }

    @Test
    public void withoutTimeTheRecordsAreNow() {
        assertEquals(List.of(SenmlRecord.numeric("power.w", NOW, null, -3)), parse("{\"power.w\": -3}"));
    }

    @Test
    public void smallTimesAreRelativeToNow() {
        assertEquals(NOW - 60, parse("{\"t\": -60, \"co2\": 410}").get(0).time(), 1e-9);
    }

    @Test
    public void fieldsThatAreNotNumbersAreIgnored() {
        List<SenmlRecord> r = parse("{\"id\": \"dev-7\", \"on\": true, \"meta\": {\"fw\": 3}, \"list\": [1], "
                + "\"none\": null, \"flow\": 2}");
        assertEquals(List.of(SenmlRecord.numeric("flow", NOW, null, 2)), r);
    }

    @Test
    public void timeMustBeANumber() {
        refused("{\"temperature\": 21.5, \"t\": \"1700000000\"}", "'t' is not a finite number");
    }

    @Test
    public void timeInTheFarFutureIsRefused() {
        refused("{\"temperature\": 21.5, \"t\": 1800000000}", "time 2027-01-15T08:00:00Z is more than 86400 s");
    }

    @Test
    public void nonFiniteValuesAreRefused() {
        refused("{\"temperature\": NaN}", "'temperature' is not a finite number");
    }

    @Test
    public void invalidFieldNamesAreRefused() {
        refused("{\"temp C\": 21.5}", "'temp C' is not a valid metric name");
    }

    @Test
    public void objectWithoutNumbersIsRefused() {
        refused("{}", "no numeric fields");
        refused("{\"temperature\": \"21.5\", \"t\": 1700000000}", "no numeric fields");
    }

    @Test
    public void singleSenmlRecordIsNotMistakenForPlainFields() {
        refused("{\"n\": \"temperature\", \"v\": 21.5}", "this looks like a single SenML record");
    }

    @Test
    public void limitCountsNumericFields() {
        SenmlParser two = new SenmlParser(2, Duration.ofDays(1));
        assertEquals(2, two.parse("{\"a\": 1, \"b\": 2, \"c\": \"x\"}", Instant.ofEpochSecond(NOW)).size());
        SenmlException e = assertThrows(SenmlException.class,
                () -> two.parse("{\"a\": 1, \"b\": 2, \"c\": 3}", Instant.ofEpochSecond(NOW)));
        assertEquals("too many fields; send at most 2 numbers", e.getMessage());
    }

    @Test
    public void duplicateFieldsAreRefused() {
        refused("{\"a\": 1, \"a\": 2}", "malformed JSON: Duplicate field 'a'");
    }
}
