package org.carbonalliance.platform.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Set;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.junit.Test;

public class PrincipalTenantResolverTest {

    private final PrincipalTenantResolver resolver = new PrincipalTenantResolver();

    @Test
    public void noPrincipalOwnsNothing() {
        assertEquals(PrincipalTenantResolver.NOBODY, resolver.resolveCurrentTenantIdentifier());
        assertFalse(resolver.isRoot(resolver.resolveCurrentTenantIdentifier()));
    }

    @Test
    public void memberWorksInItsTenant() throws Exception {
        AlliancePrincipal member = new AlliancePrincipal("ana@example.org", "tenant-a", Set.of("member-user"));
        assertEquals("tenant-a", CurrentPrincipal.runAs(member, resolver::resolveCurrentTenantIdentifier));
        assertEquals(PrincipalTenantResolver.NOBODY, resolver.resolveCurrentTenantIdentifier());
    }

    @Test
    public void operatorWorksInTheAllianceTenantNotAcrossTenants() throws Exception {
        AlliancePrincipal operator = new AlliancePrincipal("admin", null, Set.of("alliance-admin"));
        String tenant = CurrentPrincipal.runAs(operator, resolver::resolveCurrentTenantIdentifier);
        assertEquals(PrincipalTenantResolver.ALLIANCE, tenant);
        assertFalse(resolver.isRoot(tenant));
        assertTrue(resolver.isRoot(PrincipalTenantResolver.ROOT));
    }
}
