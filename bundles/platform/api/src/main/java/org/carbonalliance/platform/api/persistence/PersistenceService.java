package org.carbonalliance.platform.api.persistence;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Builds persistence for entity classes that live in the calling bundle, on the platform's shared DataSource.
 * <p>
 * The service is bundle-scoped: every {@link Database} a bundle opened is closed when that bundle releases the service
 * or stops. Opening applies the unit's migrations first, so the schema is current before the first query.
 */
@ProviderType
public interface PersistenceService {

    /**
     * Migrates the unit's schema and opens it.
     *
     * @throws PersistenceException when a migration fails or the entities cannot be mapped; nothing is opened then
     */
    Database open(PersistenceUnit unit);
}
