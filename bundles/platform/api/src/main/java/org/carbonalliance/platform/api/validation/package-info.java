/**
 * Platform API: Bean Validation constraints for values the alliance's records share: ISO 3166 countries, CPC climate
 * tags, and text others will read. Put them on request records; the REST layer validates bodies with them, and {@link RecordValidator} checks other records the same way.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.carbonalliance.platform.api.validation;
