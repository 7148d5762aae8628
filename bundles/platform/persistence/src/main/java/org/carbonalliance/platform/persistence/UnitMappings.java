package org.carbonalliance.platform.persistence;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Builds persistence units' mappings in the background, side by side, and keeps track of them for health. */
public interface UnitMappings {

    /**
     * Starts building a unit's mapping.
     *
     * @param description names the unit and its bundle
     * @param ofPlatform  whether the unit is the platform's own (a plugin's broken unit degrades, never downs it)
     */
    CompletableFuture<HibernateDatabase> build(String description, boolean ofPlatform,
            Supplier<HibernateDatabase> mapping);

    /** The unit was closed: no longer reported. */
    void forget(String description);
}
