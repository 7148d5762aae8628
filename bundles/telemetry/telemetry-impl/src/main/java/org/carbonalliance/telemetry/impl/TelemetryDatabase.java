package org.carbonalliance.telemetry.impl;

import java.util.List;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceService;
import org.carbonalliance.platform.api.persistence.PersistenceUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Telemetry's persistence unit (tables tm_*), opened once for the components of this bundle. */
@Component(service = TelemetryDatabase.class)
public class TelemetryDatabase {

    static final List<Class<?>> ENTITIES = List.of(Device.class);

    private final Database database;

    @Activate
    public TelemetryDatabase(@Reference PersistenceService persistence) {
        this.database = persistence.open(new PersistenceUnit("telemetry", "db/telemetry/changelog.xml", ENTITIES));
    }

    Database database() {
        return database;
    }

    @Deactivate
    void close() {
        database.close();
    }
}
