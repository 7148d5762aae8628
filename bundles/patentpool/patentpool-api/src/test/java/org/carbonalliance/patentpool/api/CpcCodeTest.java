package org.carbonalliance.patentpool.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class CpcCodeTest {

    @Test
    public void codesAreParsedInTheirUsualSpellings() {
        assertEquals("Y02E 10/50", CpcCode.parse("Y02E 10/50").orElseThrow().toString());
        assertEquals("Y02E 10/50", CpcCode.parse("y02e10/50").orElseThrow().toString());
        assertEquals("H01M 10/052", CpcCode.parse(" H01M 10 / 052 ").orElseThrow().toString());
        for (String bad : new String[] {null, "", "Y02E", "Z01M 10/00", "H01M 10", "H01M10/5", "H1M 10/00"}) {
            assertEquals(String.valueOf(bad), Optional.empty(), CpcCode.parse(bad));
        }
    }

    @Test
    public void climateTagsAreDerivedFromY02AndY04S() {
        List<CpcCode> codes = List.of(CpcCode.parse("H01M 10/052").orElseThrow(),
                CpcCode.parse("Y02E 60/10").orElseThrow(), CpcCode.parse("Y04S 10/126").orElseThrow(),
                CpcCode.parse("Y02E 10/50").orElseThrow(), CpcCode.parse("Y10T 29/49").orElseThrow());
        assertEquals(EnumSet.of(ClimateTag.Y02E, ClimateTag.Y04S), CpcCode.climateTags(codes));
    }

    @Test
    public void tagsByName() {
        assertEquals(Optional.of(ClimateTag.Y02T), ClimateTag.of(" y02t "));
        assertTrue(ClimateTag.of("Y03X").isEmpty());
        assertEquals(9, ClimateTag.values().length);
        assertEquals(Optional.of(LegalStatus.LAPSED), LegalStatus.fromWire("lapsed"));
        assertTrue(LegalStatus.fromWire("LAPSED").isEmpty());
    }
}
