package org.carbonalliance.telemetry.impl.senml;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.Test;

/** The JSON examples of RFC 8428 §5.1, parsed and resolved. */
public class Rfc8428ExamplesTest {

    private static final double NOW = 1_700_000_000;
    private static final double EPS = 1e-6;
    private final SenmlParser parser = new SenmlParser();

    private List<SenmlRecord> parse(String json) {
        return parser.parse(json, Instant.ofEpochSecond((long) NOW));
    }

    static void assertRecord(SenmlRecord r, String name, double time, String unit, double value) {
        assertEquals(name, r.name());
        assertEquals(time, r.time(), EPS);
        assertEquals(unit, r.unit());
        assertEquals(value, r.value(), EPS);
        assertNull(r.sum());
    }

    @Test
    public void singleDatapoint() { // §5.1.1
        List<SenmlRecord> r = parse("[{\"n\":\"urn:dev:ow:10e2073a01080063\",\"u\":\"Cel\",\"v\":23.1}]");
        assertEquals(1, r.size());
        assertRecord(r.get(0), "urn:dev:ow:10e2073a01080063", NOW, "Cel", 23.1);
    }

    @Test
    public void multipleDatapointsNow() { // §5.1.2, first example
        List<SenmlRecord> r = parse("[{\"bn\":\"urn:dev:ow:10e2073a01080063:\",\"n\":\"voltage\",\"u\":\"V\","
                + "\"v\":120.1},{\"n\":\"current\",\"u\":\"A\",\"v\":1.2}]");
        assertEquals(2, r.size());
        assertRecord(r.get(0), "urn:dev:ow:10e2073a01080063:voltage", NOW, "V", 120.1);
        assertRecord(r.get(1), "urn:dev:ow:10e2073a01080063:current", NOW, "A", 1.2);
    }

    private static final String MULTIPLE_DATAPOINTS = "[" // §5.1.2, second example
            + "{\"bn\":\"urn:dev:ow:10e2073a0108006:\",\"bt\":1.276020076001e+09,\"bu\":\"A\",\"bver\":5,"
            + "\"n\":\"voltage\",\"u\":\"V\",\"v\":120.1},"
            + "{\"n\":\"current\",\"t\":-5,\"v\":1.2},{\"n\":\"current\",\"t\":-4,\"v\":1.3},"
            + "{\"n\":\"current\",\"t\":-3,\"v\":1.4},{\"n\":\"current\",\"t\":-2,\"v\":1.5},"
            + "{\"n\":\"current\",\"t\":-1,\"v\":1.6},{\"n\":\"current\",\"v\":1.7}]";

    @Test
    public void multipleDatapointsWithBaseTime() {
        List<SenmlRecord> r = parse(MULTIPLE_DATAPOINTS);
        assertEquals(7, r.size());
        assertRecord(r.get(0), "urn:dev:ow:10e2073a0108006:voltage", 1276020076.001, "V", 120.1);
        assertRecord(r.get(1), "urn:dev:ow:10e2073a0108006:current", 1276020071.001, "A", 1.2);
        assertRecord(r.get(5), "urn:dev:ow:10e2073a0108006:current", 1276020075.001, "A", 1.6);
        assertRecord(r.get(6), "urn:dev:ow:10e2073a0108006:current", 1276020076.001, "A", 1.7);
        assertEquals("2010-06-08T18:01:16.001Z", Instant.ofEpochMilli(r.get(6).instant().toEpochMilli()).toString());
    }

    @Test
    public void multipleDatapointsMatchTheirResolvedForm() { // the RFC's resolved form of the example above
        assertSameRecords(parse("["
                + "{\"n\":\"urn:dev:ow:10e2073a0108006:voltage\",\"u\":\"V\",\"t\":1.276020076001e+09,\"v\":120.1},"
                + "{\"n\":\"urn:dev:ow:10e2073a0108006:current\",\"u\":\"A\",\"t\":1.276020071001e+09,\"v\":1.2},"
                + "{\"n\":\"urn:dev:ow:10e2073a0108006:current\",\"u\":\"A\",\"t\":1.276020072001e+09,\"v\":1.3},"
                + "{\"n\":\"urn:dev:ow:10e2073a0108006:current\",\"u\":\"A\",\"t\":1.276020073001e+09,\"v\":1.4},"
                + "{\"n\":\"urn:dev:ow:10e2073a0108006:current\",\"u\":\"A\",\"t\":1.276020074001e+09,\"v\":1.5},"
                + "{\"n\":\"urn:dev:ow:10e2073a0108006:current\",\"u\":\"A\",\"t\":1.276020075001e+09,\"v\":1.6},"
                + "{\"n\":\"urn:dev:ow:10e2073a0108006:current\",\"u\":\"A\",\"t\":1.276020076001e+09,\"v\":1.7}]"),
                parse(MULTIPLE_DATAPOINTS));
    }

    @Test
    public void multipleDatapointsWithRelativeTimes() { // §5.1.2 without base time: times relative to now (§4.5.3)
        List<SenmlRecord> r = parse(MULTIPLE_DATAPOINTS.replace("\"bt\":1.276020076001e+09,", ""));
        assertEquals(7, r.size());
        assertRecord(r.get(0), "urn:dev:ow:10e2073a0108006:voltage", NOW, "V", 120.1);
        assertRecord(r.get(1), "urn:dev:ow:10e2073a0108006:current", NOW - 5, "A", 1.2);
        assertRecord(r.get(4), "urn:dev:ow:10e2073a0108006:current", NOW - 2, "A", 1.5);
        assertRecord(r.get(6), "urn:dev:ow:10e2073a0108006:current", NOW, "A", 1.7);
    }

    @Test
    public void sensmlStream() { // §5.1.2, third example (SensML stream, read as a complete pack)
        List<SenmlRecord> r = parse("[{\"bn\":\"urn:dev:ow:10e2073a01080063\",\"bt\":1.320067464e+09,"
                + "\"bu\":\"%RH\",\"v\":21.2},{\"t\":10,\"v\":21.3},{\"t\":20,\"v\":21.4},{\"t\":30,\"v\":21.4},"
                + "{\"t\":40,\"v\":21.5},{\"t\":50,\"v\":21.5},{\"t\":60,\"v\":21.5},{\"t\":70,\"v\":21.6},"
                + "{\"t\":80,\"v\":21.7},{\"t\":90,\"v\":21.5},{\"t\":91,\"v\":21.5},{\"t\":92,\"v\":21.5}]");
        assertEquals(12, r.size());
        assertRecord(r.get(0), "urn:dev:ow:10e2073a01080063", 1320067464, "%RH", 21.2);
        assertRecord(r.get(8), "urn:dev:ow:10e2073a01080063", 1320067544, "%RH", 21.7);
        assertRecord(r.get(11), "urn:dev:ow:10e2073a01080063", 1320067556, "%RH", 21.5);
    }

    private static final String MULTIPLE_MEASUREMENTS = "[" // §5.1.3
            + "{\"bn\":\"urn:dev:ow:10e2073a01080063\",\"bt\":1.320067464e+09,\"bu\":\"%RH\",\"v\":20},"
            + "{\"u\":\"lon\",\"v\":24.30621},{\"u\":\"lat\",\"v\":60.07965},"
            + "{\"t\":60,\"v\":20.3},{\"u\":\"lon\",\"t\":60,\"v\":24.30622},{\"u\":\"lat\",\"t\":60,\"v\":60.07965},"
            + "{\"t\":120,\"v\":20.7},{\"u\":\"lon\",\"t\":120,\"v\":24.30623},"
            + "{\"u\":\"lat\",\"t\":120,\"v\":60.07966},{\"u\":\"%EL\",\"t\":150,\"v\":98},"
            + "{\"t\":180,\"v\":21.2},{\"u\":\"lon\",\"t\":180,\"v\":24.30628},"
            + "{\"u\":\"lat\",\"t\":180,\"v\":60.07967}]";

    @Test
    public void multipleMeasurements() {
        List<SenmlRecord> r = parse(MULTIPLE_MEASUREMENTS);
        assertEquals(13, r.size());
        String n = "urn:dev:ow:10e2073a01080063";
        assertRecord(r.get(0), n, 1320067464, "%RH", 20);
        assertRecord(r.get(1), n, 1320067464, "lon", 24.30621);
        assertRecord(r.get(3), n, 1320067524, "%RH", 20.3);
        assertRecord(r.get(9), n, 1320067614, "%EL", 98);
        assertRecord(r.get(10), n, 1320067644, "%RH", 21.2);
        assertRecord(r.get(12), n, 1320067644, "lat", 60.07967);
    }

    @Test
    public void resolvedData() { // §5.1.4: the resolved form of §5.1.3
        String n = "{\"n\":\"urn:dev:ow:10e2073a01080063\",";
        List<SenmlRecord> resolved = parse("["
                + n + "\"u\":\"%RH\",\"t\":1.320067464e+09,\"v\":20},"
                + n + "\"u\":\"lon\",\"t\":1.320067464e+09,\"v\":24.30621},"
                + n + "\"u\":\"lat\",\"t\":1.320067464e+09,\"v\":60.07965},"
                + n + "\"u\":\"%RH\",\"t\":1.320067524e+09,\"v\":20.3},"
                + n + "\"u\":\"lon\",\"t\":1.320067524e+09,\"v\":24.30622},"
                + n + "\"u\":\"lat\",\"t\":1.320067524e+09,\"v\":60.07965},"
                + n + "\"u\":\"%RH\",\"t\":1.320067584e+09,\"v\":20.7},"
                + n + "\"u\":\"lon\",\"t\":1.320067584e+09,\"v\":24.30623},"
                + n + "\"u\":\"lat\",\"t\":1.320067584e+09,\"v\":60.07966},"
                + n + "\"u\":\"%EL\",\"t\":1.320067614e+09,\"v\":98},"
                + n + "\"u\":\"%RH\",\"t\":1.320067644e+09,\"v\":21.2},"
                + n + "\"u\":\"lon\",\"t\":1.320067644e+09,\"v\":24.30628},"
                + n + "\"u\":\"lat\",\"t\":1.320067644e+09,\"v\":60.07967}]");
        assertEquals(13, resolved.size());
        assertSameRecords(resolved, parse(MULTIPLE_MEASUREMENTS));
    }

    @Test
    public void multipleDataTypes() { // §5.1.5
        List<SenmlRecord> r = parse("[{\"bn\":\"urn:dev:ow:10e2073a01080063:\",\"n\":\"temp\",\"u\":\"Cel\",\"v\":23.1},"
                + "{\"n\":\"label\",\"vs\":\"Machine Room\"},{\"n\":\"open\",\"vb\":false},"
                + "{\"n\":\"nfv-reader\",\"vd\":\"aGkgCg\"}]");
        assertEquals(4, r.size());
        assertRecord(r.get(0), "urn:dev:ow:10e2073a01080063:temp", NOW, "Cel", 23.1);
        assertEquals(new SenmlRecord("urn:dev:ow:10e2073a01080063:label", NOW, null, null, "Machine Room", null, null,
                null, null), r.get(1));
        assertEquals(new SenmlRecord("urn:dev:ow:10e2073a01080063:open", NOW, null, null, null, false, null, null,
                null), r.get(2));
        assertEquals(new SenmlRecord("urn:dev:ow:10e2073a01080063:nfv-reader", NOW, null, null, null, null, "aGkgCg",
                null, null), r.get(3));
    }

    @Test
    public void collectionOfResources() { // §5.1.6: the 4th record has the 3rd's base name and the 1st's base time
        List<SenmlRecord> r = parse("[{\"bn\":\"2001:db8::2/\",\"bt\":1.320078429e+09,\"n\":\"temperature\","
                + "\"u\":\"Cel\",\"v\":25.2},{\"n\":\"humidity\",\"u\":\"%RH\",\"v\":30},"
                + "{\"bn\":\"2001:db8::1/\",\"n\":\"temperature\",\"u\":\"Cel\",\"v\":12.3},"
                + "{\"n\":\"humidity\",\"u\":\"%RH\",\"v\":67}]");
        assertEquals(4, r.size());
        assertRecord(r.get(0), "2001:db8::2/temperature", 1320078429, "Cel", 25.2);
        assertRecord(r.get(1), "2001:db8::2/humidity", 1320078429, "%RH", 30);
        assertRecord(r.get(2), "2001:db8::1/temperature", 1320078429, "Cel", 12.3);
        assertRecord(r.get(3), "2001:db8::1/humidity", 1320078429, "%RH", 67);
    }

    @Test
    public void actuationWithFractionalRelativeTime() { // §5.1.7, last example: "t":0.1 after an absolute base time
        List<SenmlRecord> r = parse("[{\"bt\":1.320078429e+09,\"bu\":\"/\",\"n\":\"2001:db8::3\",\"v\":0.5},"
                + "{\"n\":\"2001:db8::4\",\"v\":0.5},{\"n\":\"2001:db8::3\",\"t\":0.1,\"v\":0},"
                + "{\"n\":\"2001:db8::4\",\"t\":0.1,\"v\":0}]");
        assertEquals(4, r.size());
        assertRecord(r.get(1), "2001:db8::4", 1320078429, "/", 0.5);
        assertRecord(r.get(3), "2001:db8::4", 1320078429.1, "/", 0);
    }

    private static void assertSameRecords(List<SenmlRecord> expected, List<SenmlRecord> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            SenmlRecord e = expected.get(i);
            SenmlRecord a = actual.get(i);
            assertEquals("record " + i, e.name(), a.name());
            assertEquals("record " + i, e.time(), a.time(), EPS);
            assertEquals("record " + i, e.unit(), a.unit());
            assertEquals("record " + i, e.value(), a.value(), EPS);
        }
    }
}
