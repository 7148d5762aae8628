package org.carbonalliance.telemetry.impl.senml;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.Test;

/** Base-field arithmetic, validation errors with their record index, the record limit and the time rules. */
public class SenmlParserTest {

    private static final long NOW = 1_700_000_000L;
    private static final double EPS = 1e-9;
    private final SenmlParser parser = new SenmlParser();

    private List<SenmlRecord> parse(String json) {
        return parser.parse(json, Instant.ofEpochSecond(NOW));
    }

    /** Asserts that {@code json} is refused for record {@code index} with a message starting with {@code prefix}. */
    private SenmlException refused(String json, int index, String prefix) {
        SenmlException e = assertThrows(SenmlException.class, () -> parse(json));
        assertEquals(e.getMessage(), index, e.recordIndex());
        assertTrue(e.getMessage(), e.getMessage().startsWith(prefix));
        return e;
    }

    // ---- base fields

    @Test
    public void baseValueIsAddedUntilChanged() {
        List<SenmlRecord> r = parse("[{\"bn\":\"m:\",\"bv\":100,\"n\":\"a\",\"v\":1.5},{\"n\":\"b\",\"v\":-2},"
                + "{\"bv\":10,\"n\":\"c\",\"v\":3},{\"n\":\"d\",\"vs\":\"x\"},{\"n\":\"e\",\"v\":0}]");
        assertEquals(101.5, r.get(0).value(), EPS);
        assertEquals(98, r.get(1).value(), EPS);
        assertEquals(13, r.get(2).value(), EPS);
        assertNull(r.get(3).value());
        assertEquals("x", r.get(3).stringValue());
        assertEquals(10, r.get(4).value(), EPS);
        assertEquals("m:e", r.get(4).name());
    }

    @Test
    public void baseSumIsAddedAndAppliesToFollowingRecords() { // §4.5.4: a lone base sum is the sum
        List<SenmlRecord> r = parse("[{\"bn\":\"meter:\",\"bu\":\"J\",\"bs\":1000,\"n\":\"a\",\"s\":5},"
                + "{\"n\":\"b\",\"v\":1},{\"bs\":-50,\"n\":\"c\",\"s\":7},{\"n\":\"d\",\"s\":0}]");
        assertEquals(new SenmlRecord("meter:a", NOW, "J", null, null, null, null, 1005.0, null), r.get(0));
        assertEquals(new SenmlRecord("meter:b", NOW, "J", 1.0, null, null, null, 1000.0, null), r.get(1));
        assertEquals(-43.0, r.get(2).sum(), EPS);
        assertEquals(-50.0, r.get(3).sum(), EPS);
    }

    @Test
    public void sumWithoutBaseSumAndWithoutValue() {
        SenmlRecord r = parse("[{\"n\":\"energy\",\"u\":\"J\",\"s\":1234.5,\"ut\":60}]").get(0);
        assertEquals(new SenmlRecord("energy", NOW, "J", null, null, null, null, 1234.5, 60.0), r);
    }

    @Test
    public void baseNameAndUnitApplyToTheCarryingRecordAndFollowing() {
        List<SenmlRecord> r = parse("[{\"bn\":\"dev1/\",\"bu\":\"Cel\",\"n\":\"t1\",\"v\":1},{\"n\":\"t2\",\"v\":2},"
                + "{\"bn\":\"dev2/\",\"n\":\"t1\",\"u\":\"K\",\"v\":3},{\"bu\":\"W\",\"n\":\"p\",\"v\":4},{\"bn\":\"x\",\"v\":5}]");
        assertEquals(List.of("dev1/t1", "dev1/t2", "dev2/t1", "dev2/p", "x"),
                r.stream().map(SenmlRecord::name).toList());
        assertEquals("Cel", r.get(1).unit());
        assertEquals("K", r.get(2).unit());
        assertEquals("W", r.get(3).unit());
        assertEquals("W", r.get(4).unit());
    }

    @Test
    public void noUnitAnywhereMeansNullUnit() {
        assertNull(parse("[{\"n\":\"a\",\"v\":1}]").get(0).unit());
    }

    @Test
    public void baseTimeAppliesToFollowingRecordsAndIsReplaced() {
        List<SenmlRecord> r = parse("[{\"bt\":1.6e9,\"n\":\"a\",\"v\":1,\"t\":1.5},{\"n\":\"a\",\"v\":2},"
                + "{\"bt\":-10,\"n\":\"a\",\"v\":3},{\"n\":\"a\",\"v\":4,\"t\":1690000000}]");
        assertEquals(1_600_000_001.5, r.get(0).time(), EPS);
        assertEquals(1_600_000_000, r.get(1).time(), EPS);
        assertEquals(NOW - 10, r.get(2).time(), EPS); // base time -10 is relative to now
        assertEquals(1_689_999_990, r.get(3).time(), EPS); // sum reaches 2^28: absolute
    }

    @Test
    public void relativeLimitIsTwoToThe28() {
        assertEquals(NOW + 100, parse("[{\"n\":\"a\",\"v\":1,\"t\":100}]").get(0).time(), EPS);
        assertEquals(268_435_456, parse("[{\"n\":\"a\",\"v\":1,\"t\":268435456}]").get(0).time(), EPS);
        refused("[{\"n\":\"a\",\"v\":1,\"t\":268435455}]", 0, "record 0: time ");
    }

    @Test
    public void baseVersionUpToTenIsAccepted() {
        assertEquals(2, parse("[{\"bver\":10,\"n\":\"a\",\"v\":1},{\"bver\":10,\"n\":\"b\",\"v\":1}]").size());
        assertEquals(2, parse("[{\"bver\":5,\"n\":\"a\",\"v\":1},{\"n\":\"b\",\"v\":1}]").size());
    }

    @Test
    public void unknownFieldsAreIgnored() {
        SenmlRecord r = parse("[{\"n\":\"a\",\"v\":1,\"rssi\":-70,\"x\":{\"y\":[1]}}]").get(0);
        assertEquals(SenmlRecord.numeric("a", NOW, null, 1), r);
    }

    @Test
    public void emptyPackIsEmpty() {
        assertEquals(List.of(), parse(" [ ] "));
    }

    @Test
    public void readsFromAStream() throws Exception {
        byte[] json = "[{\"n\":\"temperature\",\"v\":1}]".getBytes(StandardCharsets.UTF_8);
        List<SenmlRecord> r = parser.parse(new ByteArrayInputStream(json), Instant.ofEpochSecond(NOW));
        assertEquals(List.of(SenmlRecord.numeric("temperature", NOW, null, 1)), r);
    }

    // ---- refusals

    @Test
    public void valueThatIsAStringIsRefusedWithItsIndex() {
        refused("[{\"n\":\"a\",\"v\":1},{\"n\":\"b\",\"v\":2},{\"n\":\"c\",\"v\":3},{\"n\":\"d\",\"v\":\"4\"}]", 3,
                "record 3: 'v' is not a number");
    }

    @Test
    public void otherNumbersAsStringsAreRefused() {
        refused("[{\"n\":\"a\",\"v\":1},{\"bt\":\"1700000000\",\"n\":\"b\",\"v\":2}]", 1, "record 1: 'bt' is not a number");
        refused("[{\"n\":\"a\",\"v\":1,\"t\":\"0\"}]", 0, "record 0: 't' is not a number");
        refused("[{\"n\":\"a\",\"s\":\"1\"}]", 0, "record 0: 's' is not a number");
        refused("[{\"bv\":null,\"n\":\"a\",\"v\":1}]", 0, "record 0: 'bv' is not a number (got null)");
        refused("[{\"bver\":\"10\",\"n\":\"a\",\"v\":1}]", 0, "record 0: 'bver' is not a number");
        refused("[{\"n\":\"a\",\"v\":1,\"ut\":\"60\"}]", 0, "record 0: 'ut' is not a number");
    }

    @Test
    public void wrongTypesForStringAndBooleanFieldsAreRefused() {
        refused("[{\"n\":7,\"v\":1}]", 0, "record 0: 'n' is not a string");
        refused("[{\"n\":\"a\",\"v\":1},{\"n\":\"a\",\"u\":1,\"v\":1}]", 1, "record 1: 'u' is not a string");
        refused("[{\"bn\":[\"x\"],\"v\":1}]", 0, "record 0: 'bn' is not a string (got array)");
        refused("[{\"n\":\"a\",\"vs\":1}]", 0, "record 0: 'vs' is not a string");
        refused("[{\"n\":\"a\",\"vb\":\"true\"}]", 0, "record 0: 'vb' is not true or false");
    }

    @Test
    public void nonFiniteNumbersAreRefused() {
        refused("[{\"n\":\"a\",\"v\":1},{\"n\":\"a\",\"v\":NaN}]", 1, "record 1: 'v' is not a finite number");
        refused("[{\"n\":\"a\",\"v\":Infinity}]", 0, "record 0: 'v' is not a finite number");
        refused("[{\"bt\":-Infinity,\"n\":\"a\",\"v\":1}]", 0, "record 0: 'bt' is not a finite number");
        refused("[{\"n\":\"a\",\"v\":1e400}]", 0, "record 0: 'v' is not a finite number");
        refused("[{\"bv\":1e308,\"n\":\"a\",\"v\":1e308}]", 0, "record 0: 'v' plus its base value is out of range");
    }

    @Test
    public void invalidNamesAreRefused() {
        SenmlException e = refused("[{\"n\":\"a\",\"v\":1},{\"bn\":\"urn:dev:\",\"n\":\"temp C\",\"v\":1}]", 1,
                "record 1: name 'urn:dev:temp C' is not a valid SenML name");
        assertTrue(e.getMessage().contains("A-Z a-z 0-9 - : . / _"));
        refused("[{\"n\":\"-x\",\"v\":1}]", 0, "record 0: name '-x' is not a valid SenML name");
        refused("[{\"bn\":\"_dev\",\"n\":\"x\",\"v\":1}]", 0, "record 0: name '_devx' is not a valid SenML name");
        refused("[{\"n\":\"t\u00e9\",\"v\":1}]", 0, "record 0: name 't\u00e9' is not a valid SenML name");
        refused("[{\"n\":\"a\",\"v\":1},{\"n\":\"b\",\"v\":1},{\"v\":1}]", 2, "record 2: has no name");
        refused("[{\"bn\":\"\",\"n\":\"\",\"v\":1}]", 0, "record 0: has no name");
    }

    @Test
    public void moreThanOneValueIsRefused() {
        refused("[{\"n\":\"a\",\"v\":1},{\"n\":\"a\",\"v\":1,\"vs\":\"x\"}]", 1,
                "record 1: has more than one value [v, vs]");
        refused("[{\"n\":\"a\",\"vb\":true,\"vd\":\"aGk\"}]", 0, "record 0: has more than one value [vb, vd]");
    }

    @Test
    public void recordWithoutValueOrSumIsRefused() {
        refused("[{\"n\":\"a\",\"v\":1},{\"n\":\"b\",\"u\":\"Cel\",\"t\":-1}]", 1, "record 1: has no value");
        refused("[{\"bn\":\"urn:dev:ow:10e2073a01080063:\"},{\"n\":\"temp\",\"v\":1}]", 0, "record 0: has no value");
        refused("[{\"bv\":5,\"n\":\"a\"}]", 0, "record 0: has no value"); // a base value alone is no value
    }

    @Test
    public void invalidDataValueIsRefused() {
        refused("[{\"n\":\"a\",\"vd\":\"a+b/\"}]", 0, "record 0: 'vd' is not base64url");
    }

    @Test
    public void newerVersionIsRefused() {
        refused("[{\"n\":\"a\",\"v\":1},{\"bver\":11,\"n\":\"b\",\"v\":1}]", 1,
                "record 1: 'bver' 11 is newer than SenML version 10");
        refused("[{\"bver\":2.5,\"n\":\"a\",\"v\":1}]", 0, "record 0: 'bver' must be a positive integer");
        refused("[{\"bver\":0,\"n\":\"a\",\"v\":1}]", 0, "record 0: 'bver' must be a positive integer");
    }

    @Test
    public void versionMustNotChangeWithinAPack() {
        refused("[{\"bver\":5,\"n\":\"a\",\"v\":1},{\"n\":\"b\",\"v\":1},{\"bver\":10,\"n\":\"c\",\"v\":1}]", 2,
                "record 2: 'bver' 10 differs from the pack's version 5");
        refused("[{\"n\":\"a\",\"v\":1},{\"bver\":9,\"n\":\"b\",\"v\":1}]", 1,
                "record 1: 'bver' 9 differs from the pack's version 10");
    }

    @Test
    public void mustUnderstandFieldsAreRefused() {
        refused("[{\"n\":\"a\",\"v\":1},{\"n\":\"b\",\"v\":1,\"foo_\":1}]", 1,
                "record 1: 'foo_' is a must-understand extension");
        refused("[{\"bfoo_\":\"x\",\"n\":\"a\",\"v\":1}]", 0, "record 0: 'bfoo_' is a must-understand extension");
    }

    @Test
    public void negativeUpdateTimeIsRefused() {
        refused("[{\"n\":\"a\",\"v\":1,\"ut\":-1}]", 0, "record 0: 'ut' must not be negative");
    }

    @Test
    public void timesTooFarInTheFutureAreRefused() {
        long day = 86_400;
        assertEquals(NOW + day, parse("[{\"n\":\"a\",\"v\":1,\"t\":" + (NOW + day) + "}]").get(0).time(), EPS);
        SenmlException e = refused("[{\"n\":\"a\",\"v\":1},{\"n\":\"a\",\"v\":1,\"t\":" + (NOW + day + 1) + "}]", 1,
                "record 1: time 2023-11-15T22:13:21Z is more than 86400 s after the server time 2023-11-14T22:13:20Z");
        assertTrue(e.getMessage().contains("device clock"));
        refused("[{\"n\":\"a\",\"v\":1,\"t\":90000}]", 0, "record 0: time "); // relative, 25 h ahead
        refused("[{\"bt\":1.7e9,\"n\":\"a\",\"v\":1},{\"n\":\"b\",\"v\":1,\"t\":1e6}]", 1, "record 1: time ");
    }

    @Test
    public void maxFutureIsAParameter() {
        SenmlParser strict = new SenmlParser(10, Duration.ofSeconds(5));
        String json = "[{\"n\":\"a\",\"v\":1,\"t\":5},{\"n\":\"a\",\"v\":1,\"t\":6}]";
        SenmlException e = assertThrows(SenmlException.class, () -> strict.parse(json, Instant.ofEpochSecond(NOW)));
        assertEquals(1, e.recordIndex());
        assertEquals(1, strict.parse("[{\"n\":\"a\",\"v\":1,\"t\":5}]", Instant.ofEpochSecond(NOW)).size());
    }

    @Test
    public void timesBefore1970AreRefused() {
        refused("[{\"n\":\"a\",\"v\":1,\"t\":-2e9}]", 0, "record 0: time ");
    }

    @Test
    public void recordsMustBeObjects() {
        refused("[{\"n\":\"a\",\"v\":1},5]", 1, "record 1: is not a JSON object");
        refused("[[{\"n\":\"a\",\"v\":1}]]", 0, "record 0: is not a JSON object");
    }

    @Test
    public void malformedJsonIsRefusedWithTheRecordBeingRead() {
        SenmlException e = refused("[{\"n\":\"a\",\"v\":1},\n{\"n\":\"b\",\"v\":2},\n{\"n\":\"c\",\"v\":}]", 2,
                "record 2: malformed JSON: ");
        assertTrue(e.getMessage(), e.getMessage().contains("line 3"));
        refused("[{\"n\":\"a\",\"v\":1,\"v\":2}]", 0, "record 0: malformed JSON: Duplicate field 'v'");
        refused("[{\"n\":\"a\",\"v\":1}", 1, "record 1: ");
        refused("[{\"n\":\"a\",\"v\":1} {\"n\":\"b\",\"v\":1}]", 1, "record 1: malformed JSON");
    }

    @Test
    public void documentMustBeOneArrayOrObject() {
        refused("\"hello\"", SenmlException.NO_RECORD, "expected a JSON array of SenML records or a JSON object");
        refused("", SenmlException.NO_RECORD, "expected a JSON array");
        refused("[{\"n\":\"a\",\"v\":1}] []", SenmlException.NO_RECORD, "unexpected content after the end");
    }

    @Test
    public void oneBadRecordRefusesTheWholePack() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 99; i++) {
            json.append("{\"n\":\"a\",\"v\":").append(i).append("},");
        }
        json.append("{\"n\":\"a\",\"v\":true}]");
        refused(json.toString(), 99, "record 99: 'v' is not a number (got boolean)");
    }

    // ---- limit

    @Test
    public void packsUpToTheLimitAreAccepted() {
        SenmlParser three = new SenmlParser(3, Duration.ofDays(1));
        assertEquals(3, three.parse("[{\"n\":\"a\",\"v\":1},{\"n\":\"a\",\"v\":2},{\"n\":\"a\",\"v\":3}]",
                Instant.ofEpochSecond(NOW)).size());
    }

    @Test
    public void packsOverTheLimitAreRefusedBeforeReadingFurther() {
        SenmlParser three = new SenmlParser(3, Duration.ofDays(1));
        // the 4th record is not even JSON: reading stops at the limit
        SenmlException e = assertThrows(SenmlException.class, () -> three.parse(
                "[{\"n\":\"a\",\"v\":1},{\"n\":\"a\",\"v\":2},{\"n\":\"a\",\"v\":3},{\"n\":\"a\",\"v\":",
                Instant.ofEpochSecond(NOW)));
        assertEquals(3, e.recordIndex());
        assertEquals("record 3: too many records; send at most 3 per pack", e.getMessage());
    }

    @Test
    public void defaultLimitIsTenThousand() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 10_001; i++) {
            json.append(i == 0 ? "" : ",").append("{\"n\":\"a\",\"v\":").append(i).append('}');
        }
        refused(json.toString(), 10_000, "record 10000: too many records; send at most 10000 per pack");
        String ok = json.substring(0, json.lastIndexOf(",{")) + "]";
        List<SenmlRecord> r = parse(ok);
        assertEquals(10_000, r.size());
        assertEquals(9_999, r.get(9_999).value(), EPS);
    }
}
