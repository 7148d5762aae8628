package org.carbonalliance.telemetry.impl.senml;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The invariants of a resolved record. */
public class SenmlRecordTest {

    @Test
    public void namesFollowRfc8428() {
        assertTrue(SenmlRecord.isValidName("urn:dev:ow:10e2073a01080063:temp"));
        assertTrue(SenmlRecord.isValidName("2001:db8::1/humidity"));
        assertTrue(SenmlRecord.isValidName("a-b_c.d"));
        assertFalse(SenmlRecord.isValidName(""));
        assertFalse(SenmlRecord.isValidName("/a"));
        assertFalse(SenmlRecord.isValidName("a b"));
        assertFalse(SenmlRecord.isValidName("a%b"));
        assertFalse(SenmlRecord.isValidName("a\n"));
    }

    @Test
    public void atMostOneValue() {
        assertThrows(IllegalArgumentException.class,
                () -> new SenmlRecord("a", 0, null, 1.0, "x", null, null, null, null));
    }

    @Test
    public void aValueOrASum() {
        assertThrows(IllegalArgumentException.class,
                () -> new SenmlRecord("a", 0, null, null, null, null, null, null, 5.0));
        assertEquals(2.0, new SenmlRecord("a", 0, null, null, null, null, null, 2.0, null).sum(), 0);
    }

    @Test
    public void invalidNameOrTimeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SenmlRecord.numeric("a b", 0, null, 1));
        assertThrows(IllegalArgumentException.class, () -> SenmlRecord.numeric("a", Double.NaN, null, 1));
    }

    @Test
    public void instantKeepsMilliseconds() {
        assertEquals(1_276_020_071_001L, SenmlRecord.numeric("a", 1276020071.001, null, 1).instant().toEpochMilli());
        assertEquals("2023-11-14T22:13:20Z", SenmlRecord.numeric("a", 1.7e9, null, 1).instant().toString());
    }
}
