package org.carbonalliance.emissions.impl;

import java.util.List;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceService;
import org.carbonalliance.platform.api.persistence.PersistenceUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Emissions' persistence unit (tables em_*), opened once for the components of this bundle. */
@Component(service = EmissionsDatabase.class)
public class EmissionsDatabase {

    static final List<Class<?>> ENTITIES = List.of(Profile.class, Facility.class, Period.class, Activity.class,
            InstrumentRecord.class, Report.class, VerifierGrant.class, Finding.class, Target.class,
            StructuralChange.class, StoredFactor.class, ActivityTotal.class);

    private final Database database;

    @Activate
    public EmissionsDatabase(@Reference PersistenceService persistence) {
        this.database = persistence.open(new PersistenceUnit("emissions", "db/emissions/changelog.xml", ENTITIES));
    }

    Database database() {
        return database;
    }

    @Deactivate
    void close() {
        database.close();
    }
}
