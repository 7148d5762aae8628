package org.carbonalliance.platform.persistence;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceService;
import org.carbonalliance.platform.api.persistence.PersistenceUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance per using bundle, so everything that bundle opened is closed when it lets go of the service or stops.
 */
@Component(scope = ServiceScope.BUNDLE)
public class PersistenceServiceImpl implements PersistenceService {

    private static final Logger LOG = LoggerFactory.getLogger(PersistenceServiceImpl.class);

    private final DataSource dataSource;
    private final UnitMappings mappings;
    private final Bundle user;
    private final List<Database> opened = new CopyOnWriteArrayList<>();
    private final List<String> descriptions = new CopyOnWriteArrayList<>();

    @Activate
    public PersistenceServiceImpl(@Reference(target = "(alliance.datasource=default)") DataSource dataSource,
            @Reference UnitMappings mappings, ComponentContext context) {
        this.dataSource = dataSource;
        this.mappings = mappings;
        this.user = context.getUsingBundle();
    }

    /**
     * Migrates at once (a failing migration throws here and opens nothing), then builds the mapping on a background
     * thread, so several bundles' units are mapped side by side; the first use waits for it.
     */
    @Override
    public Database open(PersistenceUnit unit) {
        ClassLoader loader = user.adapt(BundleWiring.class).getClassLoader();
        long start = System.nanoTime();
        boolean migrated = Migrations.apply(dataSource, loader, unit.changelog(),
                user.getSymbolicName() + ":" + unit.changelog());
        long migratedAt = System.nanoTime();
        String description = unit.name() + " of " + user.getSymbolicName();
        boolean ofPlatform = user.getLocation() == null || !user.getLocation().contains("/deploy/");
        OpeningDatabase database = new OpeningDatabase(description, mappings.build(description, ofPlatform, () -> {
            long mappingStart = System.nanoTime();
            HibernateDatabase mapped = new HibernateDatabase(unit, loader, dataSource);
            LOG.info("Opened persistence unit {}: migrations {} ({} ms), mapping {} ms (in the background)",
                    description, migrated ? "applied" : "unchanged, skipped", (migratedAt - start) / 1_000_000,
                    (System.nanoTime() - mappingStart) / 1_000_000);
            return mapped;
        }), () -> mappings.forget(description));
        opened.add(database);
        descriptions.add(description);
        return database;
    }

    @Deactivate
    void closeAll() {
        opened.forEach(Database::close);
        descriptions.forEach(mappings::forget);
        opened.clear();
        descriptions.clear();
    }
}
