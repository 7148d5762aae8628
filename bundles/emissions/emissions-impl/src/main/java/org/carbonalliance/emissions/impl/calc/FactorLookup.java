package org.carbonalliance.emissions.impl.calc;

import java.util.List;

/** Finds the factors a calculation uses. */
public interface FactorLookup {

    /**
     * @return the factors (one per gas) effective for {@code activityType} in {@code year} for a quantity in
     *         {@code unit}: the first region of {@code regions} that has any; the factor year equal to {@code year},
     *         or else the latest year before it, or else factors without a year, or else the earliest later year; one source (the first by id); the
     *         denominator equal to {@code unit}, or else the first that converts; per-gas figures rather than a CO2e
     *         total when the source gives both; per gas the first by key. Empty when none applies.
     */
    List<Factor> effective(String activityType, List<String> regions, int year, String unit);
}
