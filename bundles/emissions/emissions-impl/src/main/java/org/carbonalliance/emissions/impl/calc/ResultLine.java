package org.carbonalliance.emissions.impl.calc;

import java.math.BigDecimal;

/**
 * One line of a calculation: an activity group (or an instrument, or the uncovered rest of a facility's energy) times
 * one factor for one gas, with the arithmetic written out.
 *
 * @param basis       {@code location} or {@code market} for scope 2 lines, {@code null} otherwise
 * @param isoCategory the ISO 14064-1 category (1-6) the line falls in
 * @param quantity    the activity as entered (summed over {@code records})
 * @param factorId    the exact factor version used ({@code null} for direct entries and instruments)
 * @param gasTonnes   tonnes of the gas itself ({@code null} when the factor is already CO2e)
 * @param gwp         the GWP applied ({@code 1} for CO2e figures)
 * @param share       the organisational-boundary share applied (1 = all)
 * @param tco2e       the line's result, tonnes CO2e
 */
public record ResultLine(int line, int scope, String category, String basis, int isoCategory, String facilityId,
        String facilityName, String activityType, int year, BigDecimal quantity, String unit, long records,
        String gas, String factorId, BigDecimal factorValue, String factorUnit, String factorCitation,
        BigDecimal gasTonnes, BigDecimal gwp, BigDecimal share, BigDecimal tco2e, String arithmetic, String note) {
}
