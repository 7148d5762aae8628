/**
 * Licensing API: the extension point {@link LicencePolicy} (every registered policy judges each licence request; the
 * strictest answer wins), the {@link LicenceRequestFacts} a policy judges, its {@link PolicyDecision}, and the events
 * licensing posts ({@link LicensingEvents}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.carbonalliance.licensing.api;
