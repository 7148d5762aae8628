package org.carbonalliance.platform.persistence;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.carbonalliance.platform.api.health.HealthCheck;
import org.carbonalliance.platform.api.health.HealthResult;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Builds persistence units' Hibernate mappings side by side (one thread a core) and reports them in /api/health
 * (check "persistence-units"): DEGRADED while a mapping is being built, so the platform is not called ready before
 * its units are, and DOWN for a platform unit that could not be mapped (DEGRADED for a plugin's), naming it and the
 * reason.
 */
@Component(service = {UnitMappings.class, HealthCheck.class})
public class UnitMappingsImpl implements UnitMappings, HealthCheck {

    private final ExecutorService threads = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread thread = new Thread(runnable, "alliance-unit-mapping");
                thread.setDaemon(true);
                return thread;
            });
    private final Map<String, CompletableFuture<HibernateDatabase>> units = new ConcurrentHashMap<>();
    private final Map<String, Boolean> platform = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<HibernateDatabase> build(String description, boolean ofPlatform,
            Supplier<HibernateDatabase> mapping) {
        CompletableFuture<HibernateDatabase> future = CompletableFuture.supplyAsync(mapping, threads);
        units.put(description, future);
        platform.put(description, ofPlatform);
        return future;
    }

    @Override
    public void forget(String description) {
        units.remove(description);
        platform.remove(description);
    }

    @Override
    public String name() {
        return "persistence-units";
    }

    @Override
    public HealthResult check() {
        Map<String, String> failed = new TreeMap<>();
        Map<String, String> opening = new TreeMap<>();
        units.forEach((unit, future) -> {
            if (future.isCompletedExceptionally()) {
                failed.put(unit, future.handle((d, e) -> String.valueOf(e.getCause() == null ? e : e.getCause()
                        .getMessage())).join());
            } else if (!future.isDone()) {
                opening.put(unit, "mapping");
            }
        });
        if (failed.keySet().stream().anyMatch(unit -> platform.getOrDefault(unit, true))) {
            return HealthResult.down("could not be mapped: " + failed);
        }
        if (!failed.isEmpty()) {
            return HealthResult.degraded("plugins' units could not be mapped: " + failed);
        }
        if (!opening.isEmpty()) {
            return HealthResult.degraded("being mapped: " + opening.keySet());
        }
        return HealthResult.up(units.size() + " units open");
    }

    @Deactivate
    void stop() {
        threads.shutdownNow();
        // Whoever waits for a mapping that will now never be built gets an answer instead of waiting forever.
        units.values().forEach(future -> future.completeExceptionally(
                new IllegalStateException("the persistence bundle stopped before the mapping was built")));
    }
}
