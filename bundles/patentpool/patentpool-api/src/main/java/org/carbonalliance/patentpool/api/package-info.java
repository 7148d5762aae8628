/**
 * Patent pool API, first part: the identifiers every pooled patent carries. A {@link PublicationNumber} in DOCDB form
 * (country, number, kind), {@link CpcCode}s and the {@link ClimateTag}s derived from them, and the
 * {@link LegalStatus} of a patent.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.carbonalliance.patentpool.api;
