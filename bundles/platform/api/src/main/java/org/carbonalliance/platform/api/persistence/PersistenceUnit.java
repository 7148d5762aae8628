package org.carbonalliance.platform.api.persistence;

import java.util.List;
import java.util.Objects;

/**
 * What a bundle asks the {@link PersistenceService} for.
 *
 * @param name      a name unique within the bundle, used in logs and as the migration history context
 * @param changelog the Liquibase changelog inside the bundle (for example {@code db/changelog.xml}); it creates and
 *                  evolves this unit's tables, which carry the capability's prefix
 * @param entities  the annotated entity classes; tenant-owned ones extend {@link TenantOwned}
 */
public record PersistenceUnit(String name, String changelog, List<Class<?>> entities) {

    public PersistenceUnit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(changelog, "changelog");
        entities = List.copyOf(entities);
    }
}
