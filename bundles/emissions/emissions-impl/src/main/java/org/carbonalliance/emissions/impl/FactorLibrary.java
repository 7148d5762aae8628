package org.carbonalliance.emissions.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.carbonalliance.emissions.api.EmissionFactor;
import org.carbonalliance.emissions.api.FactorSource;
import org.carbonalliance.emissions.impl.calc.Factor;
import org.carbonalliance.emissions.impl.calc.FactorIndex;
import org.carbonalliance.emissions.impl.calc.FactorLookup;
import org.carbonalliance.emissions.impl.calc.GwpTable;
import org.carbonalliance.emissions.impl.factors.FactorRules;
import org.carbonalliance.platform.api.health.HealthCheck;
import org.carbonalliance.platform.api.health.HealthResult;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.plugin.PluginCallException;
import org.carbonalliance.platform.api.plugin.PluginCalls;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The factor library: every {@link FactorSource} service's factors, stored as immutable versions. A new key becomes
 * version 1; changed figures under a known key become the next version, superseding the previous one. A source that
 * goes away takes its factors out of new calculations ({@code available = false}); nothing is deleted. Sources load
 * one after another on one thread, which calls them only through {@link PluginCalls}: {@code id()} and
 * {@code title()} within 5 s, {@code factors()} within 30 s, so a source that hangs delays the others by those limits
 * at most.
 */
@Component(service = { FactorLibrary.class, HealthCheck.class })
public class FactorLibrary implements FactorLookup, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(FactorLibrary.class);
    static final Duration SOURCE_TIME_LIMIT = Duration.ofSeconds(30);
    static final Duration NAME_TIME_LIMIT = Duration.ofSeconds(5);

    /** What the library knows about a source. */
    record SourceStatus(String id, String title, String state, int factors, int skipped, String message,
            Instant loadedAt) {
    }

    private final Database database;
    private final GwpTable gwp = GwpTable.shipped();
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> daemon(r, "emission-factors"));
    private final PluginCalls calls;
    private final Map<String, SourceStatus> sources = new ConcurrentHashMap<>();
    /** Which service owns each source id: a second service with the same id is refused. */
    private final Map<String, FactorSource> owners = new ConcurrentHashMap<>();
    /** The id each loaded service got (used on the loader thread only): unloading does not ask the plugin again. */
    private final Map<FactorSource, String> ids = new IdentityHashMap<>();
    private volatile FactorIndex current = new FactorIndex(List.of());

    @Activate
    public FactorLibrary(@Reference EmissionsDatabase emissions, @Reference PluginCalls calls) {
        this.database = emissions.database();
        this.calls = calls;
        // A factor is available only while its source is installed: sources removed while the server was down
        // must not stay in new calculations. Sources registering now queue behind this.
        loader.execute(() -> {
            database.inTransaction(em -> em.createQuery("update StoredFactor f set f.available = false")
                    .executeUpdate());
            refresh();
        });
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(FactorSource source) {
        if (!loader.isShutdown()) {
            loader.execute(() -> load(source));
        }
    }

    void removeSource(FactorSource source) {
        if (!loader.isShutdown()) {
            loader.execute(() -> unload(source));
        }
    }

    @Deactivate
    void stop() {
        loader.shutdownNow();
    }

    GwpTable gwp() {
        return gwp;
    }

    /** Waits until sources registered so far are loaded (for tests and the first calculation after start). */
    void awaitLoaded() {
        try {
            loader.submit(() -> { }).get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("factor sources still loading", e);
        }
    }

    private void load(FactorSource source) {
        String invalid = "invalid-" + Integer.toHexString(System.identityHashCode(source));
        String given;
        try {
            given = calls.call(source, "FactorSource " + source.getClass().getName() + ".id", NAME_TIME_LIMIT,
                    source::id);
        } catch (PluginCallException e) {
            if (e.kind() != PluginCallException.Kind.FAILED) {
                // It does not answer: asking it for its factors would only wait again.
                ids.put(source, invalid);
                owners.put(invalid, source);
                failed(invalid, source.getClass().getName(), "did not tell its id within "
                        + NAME_TIME_LIMIT.toSeconds() + " s", null);
                return;
            }
            given = null;
        }
        String id = given != null && given.matches("[a-z0-9][a-z0-9-]{0,59}") ? given : invalid;
        String title = calls.callOr(source, "FactorSource '" + id + "'.title", NAME_TIME_LIMIT, source::title, id);
        if (owners.putIfAbsent(id, source) != null && owners.get(id) != source) {
            LOG.error("Emission factor source {} ({}) refused: another installed source uses that id", id, title);
            return;
        }
        ids.put(source, id);
        sources.put(id, new SourceStatus(id, title, "loading", 0, 0, null, clock.instant()));
        List<EmissionFactor> factors;
        try {
            factors = calls.call(source, "FactorSource '" + id + "'.factors", SOURCE_TIME_LIMIT, source::factors);
        } catch (PluginCallException e) {
            switch (e.kind()) {
                case TIMED_OUT -> failed(id, title, "did not answer within " + SOURCE_TIME_LIMIT.toSeconds() + " s",
                        null);
                case HUNG -> failed(id, title, "was not asked: earlier calls to its plugin still hang", null);
                case FAILED -> failed(id, title, "failed while listing its factors", e.getCause());
            }
            return;
        }
        List<EmissionFactor> valid = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (EmissionFactor f : factors == null ? List.<EmissionFactor>of() : factors) {
            Optional<String> problem = f == null ? Optional.of("a null factor") : FactorRules.problem(f, gwp)
                    .or(() -> keys.add(f.key()) ? Optional.empty() : Optional.of(f.key() + ": key listed twice"));
            problem.ifPresentOrElse(skipped::add, () -> valid.add(f));
        }
        skipped.forEach(p -> LOG.warn("Emission factor source {}: skipped {}", id, p));
        try {
            int stored = store(id, valid);
            sources.put(id, new SourceStatus(id, title, "active", stored, skipped.size(),
                    skipped.isEmpty() ? null : skipped.size() + " factor(s) skipped, first: " + skipped.get(0),
                    clock.instant()));
            LOG.info("Emission factor source {}: {} factors ({} skipped)", id, stored, skipped.size());
        } catch (RuntimeException e) {
            failed(id, title, "its factors could not be stored", e);
        }
        refresh();
    }

    /** Records a failure: the public status says what failed; the cause goes to the log only. */
    private void failed(String id, String title, String message, Throwable cause) {
        LOG.error("Emission factor source {} {}", id, message, cause);
        sources.put(id, new SourceStatus(id, title, "failed", 0, 0, message + " (the server log has the cause)",
                clock.instant()));
    }

    /** Stores new keys and changed figures as versions; marks the source's current factors available. */
    private int store(String source, List<EmissionFactor> factors) {
        Instant now = clock.instant();
        return database.inTransaction(em -> {
            Map<String, StoredFactor> latest = new HashMap<>();
            for (StoredFactor s : em.createQuery("select f from StoredFactor f where f.source = :s "
                    + "order by f.version", StoredFactor.class).setParameter("s", source).getResultList()) {
                latest.put(s.key, s);
                s.available = false;
            }
            for (EmissionFactor f : factors) {
                StoredFactor previous = latest.get(f.key());
                if (previous != null && sameFigures(previous, f)) {
                    previous.available = true;
                    continue;
                }
                StoredFactor next = stored(source, f, previous == null ? 1 : previous.version + 1, now);
                em.persist(next);
                if (previous != null) {
                    previous.supersededBy = next.id;
                    LOG.info("Emission factor {} superseded by {}", previous.id, next.id);
                }
                latest.put(f.key(), next);
            }
            return factors.size();
        });
    }

    private static boolean sameFigures(StoredFactor s, EmissionFactor f) {
        return s.value.compareTo(f.value()) == 0 && s.activityType.equals(f.activityType())
                && s.region.equals(f.region()) && s.gas.equals(f.gas()) && s.numeratorUnit.equals(f.numeratorUnit())
                && s.denominatorUnit.equals(f.denominatorUnit()) && Objects.equals(s.validYear, f.validYear())
                && s.publishedYear == f.publishedYear() && s.publisher.equals(clip(f.publisher(), 300))
                && s.document.equals(clip(f.document(), 1000)) && s.table.equals(clip(f.table(), 300))
                && Objects.equals(s.note, f.note() == null ? null : clip(f.note(), 2000));
    }

    private static StoredFactor stored(String source, EmissionFactor f, int version, Instant now) {
        StoredFactor s = new StoredFactor();
        s.id = source + ":" + f.key() + "@" + version;
        s.source = source;
        s.key = f.key();
        s.version = version;
        s.activityType = f.activityType();
        s.region = f.region();
        s.gas = f.gas();
        s.value = f.value();
        s.numeratorUnit = f.numeratorUnit();
        s.denominatorUnit = f.denominatorUnit();
        s.validYear = f.validYear();
        s.publishedYear = f.publishedYear();
        s.publisher = clip(f.publisher(), 300);
        s.document = clip(f.document(), 1000);
        s.table = clip(f.table(), 300);
        s.note = f.note() == null ? null : clip(f.note(), 2000);
        s.available = true;
        s.loadedAt = now;
        return s;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private void unload(FactorSource source) {
        String id = ids.remove(source);
        if (id == null || !owners.remove(id, source)) {
            return;
        }
        database.inTransaction(em -> em.createQuery("update StoredFactor f set f.available = false "
                + "where f.source = :s").setParameter("s", id).executeUpdate());
        SourceStatus was = sources.get(id);
        sources.put(id, new SourceStatus(id, was == null ? id : was.title(), "removed", 0, 0,
                "uninstalled: its factors stay for the calculations that used them", clock.instant()));
        LOG.info("Emission factor source {} removed; its factors are kept for past calculations", id);
        refresh();
    }

    /** Reloads the in-memory index of available, current factor versions. */
    private void refresh() {
        current = new FactorIndex(database.read(em -> em.createQuery("select f from StoredFactor f "
                + "where f.available = true and f.supersededBy is null", StoredFactor.class).getResultList())
                .stream().map(StoredFactor::factor).toList());
    }

    @Override
    public List<Factor> effective(String activityType, List<String> regions, int year, String unit) {
        return current.effective(activityType, regions, year, unit);
    }

    /** @return whether any available factor exists for {@code activityType} */
    boolean knowsActivityType(String activityType) {
        return current.knows(activityType);
    }

    /** @return the denominators of the available factors of {@code activityType} */
    List<String> denominators(String activityType) {
        return current.denominators(activityType);
    }

    /** @return the activity types with available factors, sorted */
    List<String> activityTypes() {
        return current.activityTypes();
    }

    /** @return one stored factor version, available or not */
    Optional<StoredFactor> factor(String id) {
        return Optional.ofNullable(database.read(em -> em.find(StoredFactor.class, id)));
    }

    List<SourceStatus> sources() {
        return sources.values().stream().sorted(Comparator.comparing(SourceStatus::id)).toList();
    }

    @Override
    public String name() {
        return "emission-factors";
    }

    @Override
    public HealthResult check() {
        List<String> failed = sources.values().stream().filter(s -> "failed".equals(s.state()))
                .map(s -> s.id() + " " + s.message()).toList();
        return failed.isEmpty() ? HealthResult.up(sources.size() + " factor sources")
                : HealthResult.degraded("factor sources failed: " + String.join("; ", failed));
    }
}
