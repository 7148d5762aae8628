package org.carbonalliance.emissions.impl;

import java.util.List;
import org.carbonalliance.emissions.impl.calc.Calculation;
import org.carbonalliance.emissions.impl.calc.FacilityScope;

/**
 * A report's calculation as stored: its inputs besides the activity data (which the report's revision fixes) and its
 * result. With these and the recorded factor versions a past report recalculates to the same digest.
 *
 * @param boundary      the organisational boundary applied
 * @param facilities    the facilities as the calculation saw them (regions, share)
 * @param chosenFactors factor versions chosen explicitly, instead of the effective ones
 */
record StoredCalculation(String boundary, List<FacilityScope> facilities, List<String> chosenFactors,
        Calculation result) {
}
