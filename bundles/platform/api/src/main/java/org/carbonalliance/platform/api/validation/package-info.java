/**
 * Platform API: Bean Validation constraints for values the alliance's records share: ISO 3166 countries, CPC climate
 * tags, and text others will read. Put them on request records; the REST layer validates bodies with them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.carbonalliance.platform.api.validation;
