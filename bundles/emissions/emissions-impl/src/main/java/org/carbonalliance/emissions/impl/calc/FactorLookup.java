package org.carbonalliance.emissions.impl.calc;

import java.util.List;

/** Finds the factors a calculation uses. */
public interface FactorLookup {

    /**
     * @return the factors (one per gas) effective for {@code activityType} in {@code year}: the first region of
     *         {@code regions} that has any, the newest version of each, from the factor year equal to {@code year}
     *         or else the latest year before it, or else factors without a year; empty when none applies
     */
    List<Factor> effective(String activityType, List<String> regions, int year);
}
