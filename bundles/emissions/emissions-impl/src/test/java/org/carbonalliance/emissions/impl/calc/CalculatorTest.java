package org.carbonalliance.emissions.impl.calc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Published-factor cases, both scope 2 bases, direct entries and the boundary share. */
public class CalculatorTest {

    private static final String MEE = "Ministry of Ecology and Environment";
    private final List<Factor> library = new ArrayList<>();
    private final Calculator calculator = new Calculator(GwpTable.shipped(),
            (type, regions, year, unit) -> new FactorIndex(library).effective(type, regions, year, unit));
    private final FacilityScope plant = new FacilityScope("f1", "Plant", List.of("CN-EAST", "CN", "GLOBAL"),
            BigDecimal.ONE);

    private static Factor factor(String key, String type, String region, String gas, String value, String num,
            String den, Integer year) {
        return new Factor("test:" + key + "@1", "test", key, 1, type, region, gas, new BigDecimal(value), num, den,
                year, MEE, "doc", "table");
    }

    private static ActivityGroup group(int scope, String category, String type, String gas, String quantity,
            String unit) {
        return new ActivityGroup("f1", scope, category, type, gas, unit, 2022, new BigDecimal(quantity), 1);
    }

    private Calculation calculate(List<ActivityGroup> groups, List<Instrument> instruments) {
        return calculator.calculate(groups, Map.of("f1", plant), instruments, GwpSet.AR5, Map.of());
    }

    private static void assertTonnes(String expected, BigDecimal actual) {
        assertEquals(expected + " vs " + actual, 0, new BigDecimal(expected).compareTo(actual));
    }

    @Test
    public void chinasNationalGridFactorGivesTheExpectedTonnes() {
        library.add(factor("cn-2022", "electricity", "CN", "CO2", "0.5366", "t", "MWh", 2022));
        Calculation c = calculate(List.of(group(2, "electricity", "electricity", null, "1000", "MWh")), List.of());
        assertTonnes("536.6", c.byScope().get("scope2-location"));
        assertTonnes("536.6", c.byScope().get("scope2-market"));
        ResultLine line = c.lines().get(0);
        assertEquals("test:cn-2022@1", line.factorId());
        assertEquals("1000 MWh × 0.5366 t CO2/MWh = 536.6 t CO2; × GWP 1 (AR5) = 536.6 t CO2e", line.arithmetic());
        assertTrue(c.lines().get(1).note().contains("grid average is used"));
    }

    @Test
    public void ipccNaturalGasPerGasWithGwp() {
        library.add(factor("ng-co2", "stationary-combustion/natural-gas", "GLOBAL", "CO2", "56100", "kg", "TJ", null));
        library.add(factor("ng-ch4", "stationary-combustion/natural-gas", "GLOBAL", "CH4", "1", "kg", "TJ", null));
        library.add(factor("ng-n2o", "stationary-combustion/natural-gas", "GLOBAL", "N2O", "0.1", "kg", "TJ", null));
        Calculation c = calculate(List.of(group(1, "stationary", "stationary-combustion/natural-gas", null, "100000",
                "GJ")), List.of());
        assertTonnes("5610", c.gasTonnes().get("CO2"));
        assertTonnes("0.1", c.gasTonnes().get("CH4"));
        assertTonnes("0.01", c.gasTonnes().get("N2O"));
        // 5610 + 0.1 × 28 + 0.01 × 265
        assertTonnes("5615.45", c.byScope().get("scope1"));
        assertTonnes("5615.45", c.byIsoCategory().get("1"));
        ResultLine co2 = c.lines().stream().filter(l -> l.gas().equals("CO2")).findFirst().orElseThrow();
        assertTrue(co2.arithmetic(), co2.arithmetic().startsWith("100000 GJ = 100 TJ × 56100 kg CO2/TJ = 5610 t CO2"));
    }

    @Test
    public void aCertificateLowersOnlyTheMarketBasedFigure() {
        library.add(factor("cn-2022", "electricity", "CN", "CO2", "0.5366", "t", "MWh", 2022));
        library.add(factor("cn-resid", "electricity-residual-mix", "CN", "CO2", "0.6", "t", "MWh", 2022));
        Instrument gec = new Instrument("i1", "f1", 2022, "certificate", "electricity", new BigDecimal("400"),
                BigDecimal.ZERO, "GEC-0001");
        Calculation c = calculate(List.of(group(2, "electricity", "electricity", null, "1000000", "kWh")),
                List.of(gec));
        assertTonnes("536.6", c.byScope().get("scope2-location"));
        assertTonnes("360", c.byScope().get("scope2-market"));
        assertTonnes("536.6", c.byCategory().get("scope2/electricity"));
    }

    @Test
    public void refrigerantLossesUseTheChosenGwpSet() {
        Calculation ar5 = calculate(List.of(group(1, "fugitive", "refrigerant-loss", "R-410A", "10", "kg")), List.of());
        assertTonnes("19.235", ar5.byScope().get("scope1"));
        Calculation ar6 = calculator.calculate(List.of(group(1, "fugitive", "refrigerant-loss", "HFC-134a", "1",
                "t")), Map.of("f1", plant), List.of(), GwpSet.AR6, Map.of());
        assertTonnes("1530", ar6.byScope().get("scope1"));
        assertEquals(GwpSet.AR6, ar6.gwpSet());
        assertNull(ar6.lines().get(0).factorId());
    }

    @Test
    public void equityShareScalesAndUnconvertibleUnitsNameBoth() {
        library.add(factor("cn-2022", "electricity", "CN", "CO2", "0.5366", "t", "MWh", 2022));
        FacilityScope jointVenture = new FacilityScope("f1", "JV", List.of("CN"), new BigDecimal("0.4"));
        Calculation c = calculator.calculate(List.of(group(2, "electricity", "electricity", null, "1000", "MWh")),
                Map.of("f1", jointVenture), List.of(), GwpSet.AR5, Map.of());
        assertTonnes("214.64", c.byScope().get("scope2-location"));
        assertTrue(c.lines().get(0).arithmetic().contains("× 40 % equity share"));
        try {
            calculate(List.of(group(2, "electricity", "electricity", null, "1000", "l")), List.of());
            fail();
        } catch (CalculationException e) {
            assertTrue(e.problems().toString(), e.problems().get(0).contains("'l'")
                    && e.problems().get(0).contains("'MWh'"));
        }
    }

    @Test
    public void missingFactorsAreListed() {
        try {
            calculate(List.of(group(3, "6", "travel/air-long-haul", null, "100", "passenger-km")), List.of());
            fail();
        } catch (CalculationException e) {
            assertTrue(e.problems().get(0), e.problems().get(0).contains("no emission factor for travel/air-long-haul"));
        }
    }

    @Test
    public void isoCategoriesFollowTheCrosswalk() {
        assertEquals(1, Calculator.isoCategory(1, "stationary"));
        assertEquals(2, Calculator.isoCategory(2, "heat"));
        assertEquals(3, Calculator.isoCategory(3, "6"));
        assertEquals(4, Calculator.isoCategory(3, "1"));
        assertEquals(5, Calculator.isoCategory(3, "11"));
        assertEquals(6, Calculator.isoCategory(3, "15"));
    }
}
