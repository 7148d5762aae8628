/**
 * Platform API: declared REST operations. A capability or plugin registers a {@link RestResource} service; the platform
 * serves its {@link Operation}s under {@code /api}, enforcing each one's {@link Access} rule, validating request bodies
 * with Jakarta Bean Validation, and writing them into {@code /api/openapi.json} with schemas generated from the
 * request and response records.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.carbonalliance.platform.api.rest;
