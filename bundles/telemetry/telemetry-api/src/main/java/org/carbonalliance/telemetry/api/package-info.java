/**
 * Telemetry API: the extension point {@link PayloadDecoder} (a plugin turns a vendor's payload into
 * {@link DecodedReading}s), the {@link DeviceTypes} devices are registered with, and the events telemetry posts
 * ({@link TelemetryEvents}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.carbonalliance.telemetry.api;
