/**
 * Emissions API: the extension point {@link FactorSource} (a plugin adds a set of emission factors, each an
 * {@link EmissionFactor} with its provenance) and the events emissions posts ({@link EmissionsEvents}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.carbonalliance.emissions.api;
