package org.carbonalliance.platform.persistence;

import jakarta.persistence.EntityManager;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceException;

/**
 * A unit whose Hibernate mapping is still being built on a background thread, so bundles that open units do not wait
 * for each other: their mappings are built side by side. The first use waits for the mapping; a unit that could not
 * be mapped answers every use with the reason.
 */
final class OpeningDatabase implements Database {

    private final String description;
    private final CompletableFuture<HibernateDatabase> mapping;
    private final Runnable onClose;

    /** @param onClose what else closing the unit ends (its report in health) */
    OpeningDatabase(String description, CompletableFuture<HibernateDatabase> mapping, Runnable onClose) {
        this.description = description;
        this.mapping = mapping;
        this.onClose = onClose;
    }

    private HibernateDatabase ready() {
        try {
            return mapping.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new PersistenceException("Persistence unit " + description + " could not be mapped: "
                    + cause.getMessage(), cause);
        }
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return ready().inTransaction(work);
    }

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        return ready().read(work);
    }

    @Override
    public <T> T readAcrossTenants(String reason, Function<EntityManager, T> work) {
        return ready().readAcrossTenants(reason, work);
    }

    @Override
    public void close() {
        onClose.run();
        mapping.thenAccept(database -> {
            if (database.isOpen()) {
                database.close();
            }
        });
    }
}
