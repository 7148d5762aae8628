package org.carbonalliance.platform.persistence;

import jakarta.persistence.EntityManager;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceException;

/**
 * A unit whose Hibernate mapping is still being built on a background thread, so bundles that open units do not wait
 * for each other: their mappings are built side by side. The first use waits for the mapping; a unit that could not
 * be mapped answers every use with the reason.
 */
final class OpeningDatabase implements Database {

    /** Longer than any mapping takes (about 1 s for the first unit, 0.1 s for further ones). */
    private static final long WAIT_SECONDS = 120;

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
            return mapping.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new PersistenceException("Persistence unit " + description + " could not be mapped: "
                    + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new PersistenceException("Persistence unit " + description + " is still being mapped after "
                    + WAIT_SECONDS + " s; see data/log/alliance.log", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("Interrupted while waiting for persistence unit " + description, e);
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
