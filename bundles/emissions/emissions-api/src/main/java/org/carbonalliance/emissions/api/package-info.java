/**
 * Emissions API: the extension point {@link FactorSource} (a plugin adds a set of emission factors, each an
 * {@link EmissionFactor} with its provenance), the events emissions posts ({@link EmissionsEvents}), and since 1.1
 * {@link MeteredActivities}, through which metered consumption becomes scope 2 activity data.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.carbonalliance.emissions.api;
