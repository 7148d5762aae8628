/**
 * Licensing API: the extension point {@link LicencePolicy} (every registered policy judges each licence request; the
 * strictest answer wins), the {@link LicenceRequestFacts} a policy judges, its {@link PolicyDecision}, and the events
 * licensing posts ({@link LicensingEvents}); since 1.1 the {@link AvoidedEmissions} licensees report, for the alliance
 * roll-up.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.carbonalliance.licensing.api;
