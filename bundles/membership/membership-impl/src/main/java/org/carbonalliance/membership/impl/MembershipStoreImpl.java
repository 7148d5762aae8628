package org.carbonalliance.membership.impl;

import java.util.List;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceService;
import org.carbonalliance.platform.api.persistence.PersistenceUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Migrates and opens the membership tables when the bundle starts; closes them when it stops. */
@Component(service = MembershipStore.class)
public class MembershipStoreImpl implements MembershipStore {

    private final Database database;

    @Activate
    public MembershipStoreImpl(@Reference PersistenceService persistence) {
        this.database = persistence.open(new PersistenceUnit("applications", "db/membership/changelog.xml",
                List.of(Application.class, Member.class)));
    }

    @Override
    public Database database() {
        return database;
    }

    @Deactivate
    void close() {
        database.close();
    }
}
