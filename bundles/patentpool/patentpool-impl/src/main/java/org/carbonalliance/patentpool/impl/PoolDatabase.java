package org.carbonalliance.patentpool.impl;

import java.util.List;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceService;
import org.carbonalliance.platform.api.persistence.PersistenceUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** The pool's persistence unit (tables pp_*), opened once and shared by the components of this bundle. */
@Component(service = PoolDatabase.class)
public class PoolDatabase {

    private final Database database;

    @Activate
    public PoolDatabase(@Reference PersistenceService persistence) {
        this.database = persistence.open(new PersistenceUnit("patents", "db/patentpool/changelog.xml",
                List.of(PooledPatent.class, ImportJob.class, ImportRejection.class)));
    }

    Database database() {
        return database;
    }

    @Deactivate
    void close() {
        database.close();
    }
}
