package org.carbonalliance.emissions.impl.calc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.Test;

/** Which factors apply: region order, year, one source, one denominator, per-gas over totals. */
public class FactorIndexTest {

    private static Factor f(String source, String key, String type, String region, String gas, String unit,
            Integer year) {
        return new Factor(source + ":" + key + "@1", source, key, 1, type, region, gas, BigDecimal.ONE, "kg", unit,
                year, "p", "d", "t");
    }

    private final FactorIndex index = new FactorIndex(List.of(
            f("cn", "national-2021", "electricity", "CN", "CO2", "MWh", 2021),
            f("cn", "national-2022", "electricity", "CN", "CO2", "MWh", 2022),
            f("cn", "east-2022", "electricity", "CN-EAST", "CO2", "MWh", 2022),
            f("uk", "gas-kwh-gross-co2e", "fuel", "GB", "CO2e", "kWh", 2024),
            f("uk", "gas-kwh-gross-co2", "fuel", "GB", "CO2", "kWh", 2024),
            f("uk", "gas-kwh-net-co2", "fuel", "GB", "CO2", "kWh", 2024),
            f("uk", "gas-m3-co2", "fuel", "GB", "CO2", "m3", 2024),
            f("ipcc", "gas-co2", "fuel", "GLOBAL", "CO2", "TJ", null),
            f("cn", "gas-m3-co2", "fuel", "CN", "CO2", "m3", null)));

    private String ids(List<Factor> factors) {
        return String.join(",", factors.stream().map(Factor::key).toList());
    }

    @Test
    public void theMostSpecificRegionAndTheYearWin() {
        assertEquals("east-2022", ids(index.effective("electricity", List.of("CN-EAST", "CN", "GLOBAL"), 2022, "MWh")));
        assertEquals("national-2022", ids(index.effective("electricity", List.of("CN-GD", "CN", "GLOBAL"), 2022,
                "kWh")));
        assertEquals("national-2022", ids(index.effective("electricity", List.of("CN"), 2025, "MWh")));
        assertEquals("national-2021", ids(index.effective("electricity", List.of("CN"), 2021, "MWh")));
        // Only later figures: the earliest of them.
        assertEquals("national-2021", ids(index.effective("electricity", List.of("CN"), 2019, "MWh")));
        assertTrue(index.effective("electricity", List.of("US"), 2022, "MWh").isEmpty());
    }

    @Test
    public void theActivitysUnitChoosesTheDenominatorAndPerGasFiguresBeatTheTotal() {
        assertEquals("gas-kwh-gross-co2", ids(index.effective("fuel", List.of("GB", "GB", "GLOBAL"), 2024, "kWh")));
        assertEquals("gas-kwh-gross-co2", ids(index.effective("fuel", List.of("GB"), 2024, "MWh")));
        assertEquals("gas-m3-co2", ids(index.effective("fuel", List.of("GB"), 2024, "m3")));
        assertEquals("gas-co2", ids(index.effective("fuel", List.of("CN", "GLOBAL"), 2024, "GJ")));
        assertEquals("gas-m3-co2", ids(index.effective("fuel", List.of("CN", "GLOBAL"), 2024, "l")));
        // Nothing converts anywhere: the first region's factors, so the calculation can name both units.
        assertEquals("gas-m3-co2", ids(index.effective("fuel", List.of("CN", "GLOBAL"), 2024, "km")));
    }
}
