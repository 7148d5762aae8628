package org.carbonalliance.licensing.impl;

import java.util.List;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceService;
import org.carbonalliance.platform.api.persistence.PersistenceUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Licensing's persistence unit (tables lc_*), opened once for the components of this bundle. */
@Component(service = LicensingDatabase.class)
public class LicensingDatabase {

    static final List<Class<?>> ENTITIES = List.of(Offer.class, LicenceRequest.class, Licence.class,
            LicenceLicensor.class, LicenceReport.class, Assertion.class);

    private final Database database;

    @Activate
    public LicensingDatabase(@Reference PersistenceService persistence) {
        this.database = persistence.open(new PersistenceUnit("licensing", "db/licensing/changelog.xml", ENTITIES));
    }

    Database database() {
        return database;
    }

    @Deactivate
    void close() {
        database.close();
    }
}
