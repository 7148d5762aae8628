package org.carbonalliance.platform.security;

import java.util.List;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceService;
import org.carbonalliance.platform.api.persistence.PersistenceUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Migrates and opens the identity store when the bundle starts (one migration run for all of it). */
@Component(service = SecurityStore.class)
public class SecurityStoreImpl implements SecurityStore {

    private final Database database;

    @Activate
    public SecurityStoreImpl(@Reference PersistenceService persistence) {
        this.database = persistence.open(new PersistenceUnit("accounts", "db/platform-security/changelog.xml",
                List.of(Account.class, ApiKey.class, AuditEntry.class, TenantEntity.class)));
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
