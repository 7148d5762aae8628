package org.carbonalliance.platform.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.carbonalliance.platform.api.security.Tenant;

/** A member organisation's tenant. */
@Entity(name = "Tenant")
@Table(name = "pf_tenant")
public class TenantEntity {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "name", length = 300, nullable = false)
    private String name;

    @Column(name = "suspended", nullable = false)
    private boolean suspended;

    @Column(name = "suspend_reason", length = 500)
    private String suspendReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TenantEntity() {
    }

    TenantEntity(String id, String name, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
    }

    boolean suspended() {
        return suspended;
    }

    void setSuspended(boolean suspended, String reason) {
        this.suspended = suspended;
        this.suspendReason = suspended ? reason : null;
    }

    Tenant toApi() {
        return new Tenant(id, name, suspended, createdAt);
    }
}
