package org.carbonalliance.licensing.api;

import java.math.BigDecimal;
import java.util.SortedMap;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The emissions licensees say their use of pooled patents avoided, from their annual licence reports. These are
 * claims by the licensees, not verified inventory figures: shown beside an inventory, never netted against it.
 *
 * @since 1.1
 */
@ProviderType
public interface AvoidedEmissions {

    /** @return tonnes CO2e avoided, summed over all licences' reports, per reporting year, oldest first */
    SortedMap<Integer, BigDecimal> reportedByYear();
}
