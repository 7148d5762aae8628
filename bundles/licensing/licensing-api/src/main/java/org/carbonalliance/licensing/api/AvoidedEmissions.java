package org.carbonalliance.licensing.api;

import java.math.BigDecimal;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The emissions licensees say their use of pooled patents avoided, from their annual licence reports. These are
 * claims by the licensees, not verified inventory figures: shown beside an inventory, never netted against it.
 *
 * @since 1.1
 */
@ProviderType
public interface AvoidedEmissions {

    /**
     * One reporting year's claims.
     *
     * @param year       the reporting year
     * @param tco2e      tonnes CO2e avoided, summed over all licences' reports for that year
     * @param licensees  how many licensees reported, so a caller can withhold a figure that would reveal one
     */
    record Year(int year, BigDecimal tco2e, int licensees) {
    }

    /** @return the claims per reporting year, oldest first */
    List<Year> reportedByYear();
}
