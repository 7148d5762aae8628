package org.carbonalliance.emissions.impl.calc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A calculated inventory: its lines and their totals, in tonnes CO2e.
 *
 * @param byScope    {@code scope1}, {@code scope2-location}, {@code scope2-market}, {@code scope3}
 * @param byCategory {@code scope1/stationary} ... {@code scope3/6}; scope 2 categories location-based
 * @param byIsoCategory ISO 14064-1 categories 1-6 (scope 2 location-based)
 * @param byFacility facility id to tonnes CO2e (scope 2 location-based)
 * @param byGas      gas to tonnes CO2e (scope 2 location-based)
 * @param gasTonnes  gas to tonnes of the gas itself, where known
 * @param byYear     activity year to tonnes CO2e (scope 2 location-based)
 * @param factorIds  every factor version used, sorted
 */
public record Calculation(GwpSet gwpSet, List<ResultLine> lines, Map<String, BigDecimal> byScope,
        Map<String, BigDecimal> byCategory, Map<String, BigDecimal> byIsoCategory, Map<String, BigDecimal> byFacility,
        Map<String, BigDecimal> byGas, Map<String, BigDecimal> gasTonnes, Map<String, BigDecimal> byYear,
        List<String> factorIds, List<String> notes) {
}
