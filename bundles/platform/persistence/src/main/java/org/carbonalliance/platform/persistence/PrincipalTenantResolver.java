package org.carbonalliance.platform.persistence;

import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Resolves Hibernate's tenant from the request's principal. Fails closed: without a principal the tenant is one that
 * owns no rows; an operator without a tenant works in the alliance's own tenant; only {@link #ROOT} sees all tenants.
 */
final class PrincipalTenantResolver implements CurrentTenantIdentifierResolver<String> {

    /** Tenant of operators, who act for the alliance rather than a member. */
    static final String ALLIANCE = "alliance";
    /** Tenant of callers with no principal: owns nothing, sees nothing tenant-owned. */
    static final String NOBODY = "-";
    /** Marks read-only cross-tenant sessions, see Database#readAcrossTenants. */
    static final String ROOT = "*";

    static String currentTenant() {
        return CurrentPrincipal.get().map(p -> p.tenantId() == null ? ALLIANCE : p.tenantId()).orElse(NOBODY);
    }

    @Override
    public String resolveCurrentTenantIdentifier() {
        return currentTenant();
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }

    @Override
    public boolean isRoot(String tenantId) {
        return ROOT.equals(tenantId);
    }
}
