package org.carbonalliance.platform.api.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.TenantId;

/**
 * The superclass of an entity that belongs to one tenant (a member organisation). Extend it and the platform does the
 * rest: the row's {@code tenant_id} column is set from the caller's tenant on insert, every query and
 * {@code find} of a {@link Database} sees only the caller's tenant's rows, and the column never changes.
 *
 * <p>The entity's table needs the column {@code tenant_id varchar(64) not null}, with an index, in the unit's
 * changelog. A plugin using this class needs no Hibernate dependency or import: the platform provides the mapping.
 *
 * <p>Callers without a tenant (operators, background jobs) read and write as the tenant {@code alliance}, which owns
 * no member's rows: declare REST operations on such data with {@code Access.MEMBER}, so operators are told so (403),
 * and read across members only on purpose, with {@link Database#readAcrossTenants} (logged). See the plugin guide.
 */
@MappedSuperclass
public abstract class TenantOwned {

    @TenantId
    @Column(name = "tenant_id", length = 64, nullable = false, updatable = false)
    private String tenantId;

    /** @return the tenant the row belongs to; {@code null} until the row has been persisted */
    public String getTenantId() {
        return tenantId;
    }
}
