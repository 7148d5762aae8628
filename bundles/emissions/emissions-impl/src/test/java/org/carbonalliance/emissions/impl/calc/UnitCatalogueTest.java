package org.carbonalliance.emissions.impl.calc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import org.junit.Test;

/** Conversions checked against the units' definitions. */
public class UnitCatalogueTest {

    private static void assertConverts(String amount, String from, String to, String expected) {
        BigDecimal result = UnitCatalogue.convert(new BigDecimal(amount), from, to);
        assertEquals(amount + " " + from + " in " + to, 0, new BigDecimal(expected).compareTo(result));
    }

    @Test
    public void energyConvertsExactly() {
        assertConverts("1000", "kWh", "MWh", "1");
        assertConverts("1", "MWh", "GJ", "3.6");
        assertConverts("1", "TJ", "GJ", "1000");
        assertConverts("1", "GWh", "TJ", "3.6");
        assertConverts("1", "MMBtu", "GJ", "1.05505585262");
        assertConverts("10", "therm", "MMBtu", "1");
        assertConverts("1", "MJ", "kWh", "0.2777777777777777777777777777777778");
    }

    @Test
    public void volumeMassAndDistanceConvertExactly() {
        assertConverts("1", "gal", "l", "3.785411784");
        assertConverts("1000", "scf", "m3", "28.316846592");
        assertConverts("1", "m3", "l", "1000");
        assertConverts("1", "lb", "kg", "0.45359237");
        assertConverts("1", "short-ton", "t", "0.90718474");
        assertConverts("2500", "kg", "t", "2.5");
        assertConverts("1", "mile", "km", "1.609344");
        assertConverts("1", "passenger-mile", "passenger-km", "1.609344");
        assertConverts("1", "ton-mile", "tonne-km", "1.45997231821056");
    }

    @Test
    public void differentQuantitiesDoNotConvertAndTheMessageNamesBoth() {
        for (String[] pair : new String[][] { { "kWh", "l" }, { "passenger-km", "km" }, { "km", "tonne-km" },
                { "vehicle-km", "passenger-km" }, { "kg", "MWh" } }) {
            assertFalse(pair[0] + " to " + pair[1], UnitCatalogue.convertible(pair[0], pair[1]));
            try {
                UnitCatalogue.convert(BigDecimal.ONE, pair[0], pair[1]);
                fail();
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("'" + pair[0] + "'")
                        && e.getMessage().contains("'" + pair[1] + "'"));
            }
        }
    }

    @Test
    public void currenciesAreUnitsThatOnlyConvertToThemselves() {
        assertTrue(UnitCatalogue.isCurrency("CNY"));
        assertFalse(UnitCatalogue.isCurrency("XYZ"));
        assertConverts("12.5", "USD", "USD", "12.5");
        assertTrue(UnitCatalogue.convertible("EUR", "EUR"));
        try {
            UnitCatalogue.convert(BigDecimal.ONE, "CNY", "USD");
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("exchange rate"));
        }
        assertFalse(UnitCatalogue.convertible("USD", "kg"));
    }

    @Test
    public void unknownUnitsAreNamed() {
        try {
            UnitCatalogue.convert(BigDecimal.ONE, "furlong", "km");
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("'furlong' is not a known unit"));
        }
    }
}
