package org.carbonalliance.platform.persistence;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceException;
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
    private final Bundle user;
    private final List<HibernateDatabase> opened = new CopyOnWriteArrayList<>();

    @Activate
    public PersistenceServiceImpl(@Reference(target = "(alliance.datasource=default)") DataSource dataSource,
            ComponentContext context) {
        this.dataSource = dataSource;
        this.user = context.getUsingBundle();
    }

    @Override
    public Database open(PersistenceUnit unit) {
        ClassLoader loader = user.adapt(BundleWiring.class).getClassLoader();
        long start = System.nanoTime();
        boolean migrated = Migrations.apply(dataSource, loader, unit.changelog(),
                user.getSymbolicName() + ":" + unit.changelog());
        long mapping = System.nanoTime();
        HibernateDatabase database;
        try {
            database = new HibernateDatabase(unit, loader, dataSource);
        } catch (RuntimeException e) {
            throw new PersistenceException("Persistence unit " + unit.name() + " of " + user.getSymbolicName()
                    + " could not be mapped: " + e.getMessage(), e);
        }
        opened.add(database);
        LOG.info("Opened persistence unit {} of {}: migrations {} ({} ms), mapping {} ms", unit.name(),
                user.getSymbolicName(), migrated ? "applied" : "unchanged, skipped", (mapping - start) / 1_000_000,
                (System.nanoTime() - mapping) / 1_000_000);
        return database;
    }

    @Deactivate
    void closeAll() {
        for (HibernateDatabase database : opened) {
            if (database.isOpen()) {
                database.close();
            }
        }
        opened.clear();
    }
}
