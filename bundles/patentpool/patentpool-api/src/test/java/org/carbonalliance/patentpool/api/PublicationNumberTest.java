package org.carbonalliance.patentpool.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Optional;
import org.junit.Test;

public class PublicationNumberTest {

    private static String canonical(String text) {
        return PublicationNumber.parse(text).map(PublicationNumber::toString).orElse("(none)");
    }

    @Test
    public void officeFormsBecomeDocdb() {
        assertEquals("CN112345678A", canonical("CN112345678A"));
        assertEquals("US10123456B2", canonical("US 10,123,456 B2"));
        assertEquals("EP1234567B1", canonical("ep 1 234 567 b1"));
        assertEquals("WO2020123456A1", canonical("WO 2020/123456 A1"));
        assertEquals("US20200123456A1", canonical("US 2020-0123456 A1"));
        assertEquals("a missing kind code is allowed", "JP2020123456", canonical("JP2020123456"));
    }

    @Test
    public void partsAreKept() {
        PublicationNumber number = PublicationNumber.parse("CN212345678U").orElseThrow();
        assertEquals("CN", number.country());
        assertEquals("212345678", number.number());
        assertEquals("U", number.kind());
        assertTrue("a Chinese utility model", number.isUtilityModel());
        assertFalse(PublicationNumber.parse("CN112345678B").orElseThrow().isUtilityModel());
    }

    @Test
    public void whatIsNotANumberIsRefused() {
        for (String bad : new String[] {null, "", "CN", "112345678A", "CNABC123A", "C112345678A", "CN123A",
                "US10123456B22", "CN112345678A; DROP TABLE", "X".repeat(100)}) {
            assertEquals(String.valueOf(bad), Optional.empty(), PublicationNumber.parse(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> new PublicationNumber("cn", "112345678", "A"));
    }
}
