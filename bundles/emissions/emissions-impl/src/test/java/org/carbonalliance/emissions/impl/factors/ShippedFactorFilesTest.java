package org.carbonalliance.emissions.impl.factors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carbonalliance.emissions.api.EmissionFactor;
import org.carbonalliance.emissions.impl.calc.GwpSet;
import org.carbonalliance.emissions.impl.calc.GwpTable;
import org.junit.Test;

/** Every shipped factor enters the library, keys are unique, and the published check figures are there. */
public class ShippedFactorFilesTest {

    private static final List<String> FILES = List.of("china-mee-grid", "ipcc-2006-stationary", "us-epa-hub",
            "uk-desnz-2024", "china-fuels-gbt32150");
    private final GwpTable gwp = GwpTable.shipped();

    private Map<String, EmissionFactor> load(String file) throws Exception {
        try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/factors/" + file + ".csv"),
                StandardCharsets.UTF_8)) {
            Map<String, EmissionFactor> byKey = new HashMap<>();
            for (EmissionFactor f : FactorCsv.read(in)) {
                Optional<String> problem = FactorRules.problem(f, gwp);
                assertTrue(file + ": " + problem.orElse(""), problem.isEmpty());
                assertTrue(file + ": duplicate key " + f.key(), byKey.put(f.key(), f) == null);
            }
            return byKey;
        }
    }

    private void assertFigure(Map<String, EmissionFactor> factors, String key, String value, String numerator,
            String denominator) {
        EmissionFactor f = factors.get(key);
        assertTrue("missing " + key, f != null);
        assertEquals(key, 0, new BigDecimal(value).compareTo(f.value()));
        assertEquals(key, numerator, f.numeratorUnit());
        assertEquals(key, denominator, f.denominatorUnit());
    }

    @Test
    public void everyShippedFactorIsValidAndUnique() throws Exception {
        Set<String> sources = new HashSet<>();
        for (String file : FILES) {
            assertTrue(file + " is not empty", load(file).size() >= 10);
            sources.add(file);
        }
        assertEquals(5, sources.size());
    }

    @Test
    public void publishedCheckFiguresAreShipped() throws Exception {
        Map<String, EmissionFactor> china = load("china-mee-grid");
        assertFigure(china, "cn-grid-national-2022", "0.5366", "t", "MWh");
        assertFigure(china, "cn-grid-national-2021", "0.5568", "t", "MWh");
        assertFigure(china, "cn-grid-national-2023", "0.5306", "t", "MWh");
        assertEquals(Integer.valueOf(2022), china.get("cn-grid-national-2022").validYear());
        Map<String, EmissionFactor> ipcc = load("ipcc-2006-stationary");
        assertFigure(ipcc, "ipcc-stationary-natural-gas-co2", "56100", "kg", "TJ");
        assertFigure(ipcc, "ipcc-stationary-natural-gas-ch4", "1", "kg", "TJ");
        assertFigure(ipcc, "ipcc-stationary-natural-gas-n2o", "0.1", "kg", "TJ");
        Map<String, EmissionFactor> epa = load("us-epa-hub");
        assertFigure(epa, "us-epa-stationary-natural-gas-co2-per-mmbtu", "53.06", "kg", "MMBtu");
        assertFigure(epa, "us-epa-stationary-natural-gas-co2-per-scf", "0.05444", "kg", "scf");
        // GB/T 32150: 42.652 GJ/t × 20.20 tC/TJ × 98 % × 44/12 = 3.0959 t CO2 per t of diesel.
        EmissionFactor diesel = load("china-fuels-gbt32150").get("cn-gbt32150-diesel-co2");
        assertEquals(0, new BigDecimal("42.652").multiply(new BigDecimal("20.20")).multiply(new BigDecimal("0.98"))
                .multiply(new BigDecimal("44")).divide(new BigDecimal("12000"), 12, java.math.RoundingMode.HALF_EVEN)
                .compareTo(diesel.value()));
        assertEquals("t", diesel.denominatorUnit());
        Map<String, EmissionFactor> uk = load("uk-desnz-2024");
        assertFigure(uk, "uk-electricity-generation-kwh-co2e", "0.20705", "kg CO2e", "kWh");
    }

    @Test
    public void gwpSetsHoldTheAssessmentReportValuesAndBlendsAddUp() {
        assertEquals(0, new BigDecimal("28").compareTo(gwp.gwp("CH4", GwpSet.AR5).orElseThrow()));
        assertEquals(0, new BigDecimal("265").compareTo(gwp.gwp("N2O", GwpSet.AR5).orElseThrow()));
        assertEquals(0, new BigDecimal("273").compareTo(gwp.gwp("N2O", GwpSet.AR6).orElseThrow()));
        assertEquals(0, new BigDecimal("23500").compareTo(gwp.gwp("SF6", GwpSet.AR5).orElseThrow()));
        assertEquals(0, new BigDecimal("1923.5").compareTo(gwp.gwp("R-410A", GwpSet.AR5).orElseThrow()));
        assertEquals(0, new BigDecimal("3943").compareTo(gwp.gwp("R-404A", GwpSet.AR5).orElseThrow()
                .setScale(0, java.math.RoundingMode.HALF_UP)));
        for (String gas : List.of("CO2", "CH4", "N2O", "SF6", "NF3", "HFC-134a", "PFC-14")) {
            assertTrue(gas, gwp.gases().contains(gas));
        }
    }
}
