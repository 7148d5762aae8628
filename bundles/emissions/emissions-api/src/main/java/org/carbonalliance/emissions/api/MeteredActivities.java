package org.carbonalliance.emissions.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Metered consumption into the inventory: telemetry (or another capability) hands over a meter's month, and emissions
 * keeps it as the scope 2 electricity activity record of that facility and month, with the provenance in its
 * evidence and data-quality fields. Runs for the tenant of the current principal.
 *
 * @since 1.1
 */
@ProviderType
public interface MeteredActivities {

    /**
     * Records the month, replacing what the same meter recorded for the same month in the period's current revision.
     *
     * @return the activity record's id
     * @throws IllegalArgumentException when the facility does not exist or no reporting period covers the month
     * @throws IllegalStateException    when the period's report is submitted (start a correction first)
     */
    String recordMonth(MeteredMonth month);
}
