/**
 * Patent pool API: the identifiers every pooled patent carries ({@link PublicationNumber} in DOCDB form, {@link CpcCode}s
 * and the {@link ClimateTag}s derived from them, the {@link LegalStatus}), the events the pool posts
 * ({@link PatentPoolEvents}), a read-only {@link PatentCatalogue} for other capabilities, and the extension point for
 * plugins: {@link PatentSource}, which adds an import format or a legal-status lookup, handing the pool
 * {@link PatentData} records.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.carbonalliance.patentpool.api;
