package org.carbonalliance.platform.api.persistence;

import jakarta.persistence.EntityManager;
import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An open persistence unit. Work runs in a transaction that commits when the function returns and rolls back when it
 * throws; domain code never opens or closes sessions itself.
 * <p>
 * Tenant-owned entities are filtered by the tenant of {@link org.carbonalliance.platform.api.security.CurrentPrincipal}:
 * rows of other tenants are neither returned nor writable, and new rows get the current tenant.
 */
@ProviderType
public interface Database extends AutoCloseable {

    /** Runs {@code work} in a read-write transaction for the current tenant. */
    <T> T inTransaction(Function<EntityManager, T> work);

    /** Runs {@code work} in a read-only transaction for the current tenant. */
    <T> T read(Function<EntityManager, T> work);

    /**
     * Runs {@code work} read-only across all tenants: for explicit cross-tenant views such as the pool catalogue or
     * alliance roll-ups. Every call is logged with the principal and the reason.
     *
     * @param reason why the view crosses tenants, for the audit trail
     */
    <T> T readAcrossTenants(String reason, Function<EntityManager, T> work);

    /** Closes the unit; further calls fail. */
    @Override
    void close();
}
