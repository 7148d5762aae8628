package org.carbonalliance.platform.api.persistence;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Builds persistence for entity classes that live in the calling bundle, on the platform's shared DataSource.
 * <p>
 * The service is bundle-scoped: every {@link Database} a bundle opened is closed when that bundle releases the service
 * or stops. Opening applies the unit's migrations first, so the schema is current before the first query; the
 * Hibernate mapping is then built in the background, side by side with other bundles' units, and the first use waits
 * for it.
 */
@ProviderType
public interface PersistenceService {

    /**
     * Migrates the unit's schema and opens it.
     *
     * @throws PersistenceException when a migration fails; nothing is opened then. Entities that cannot be mapped make
     *                              every use of the returned database throw it, with the reason, and
     *                              {@code /api/health} names the unit
     */
    Database open(PersistenceUnit unit);
}
