package org.carbonalliance.platform.security;

import org.carbonalliance.platform.api.persistence.Database;

/** The identity store's persistence unit (tables pf_*): accounts, keys, tenants, the audit log; opened once. */
public interface SecurityStore {

    Database database();
}
