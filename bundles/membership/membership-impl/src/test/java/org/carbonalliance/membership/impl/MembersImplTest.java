package org.carbonalliance.membership.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.carbonalliance.membership.api.MembershipEvents;
import org.junit.After;
import org.junit.Test;

/** Member states and the tenant lock that follows them, without Felix. */
public class MembersImplTest {

    private final MembershipFixture fixture = new MembershipFixture();
    private final MembersImpl members = fixture.members;

    @After
    public void close() {
        fixture.close();
    }

    private String admitted() {
        return fixture.applications.approve(fixture.applications.submit(
                MembershipFixture.form("JD.com", "ops@jd.example")).application().id()).tenantId();
    }

    @Test
    public void suspensionLocksTheTenantAndReinstatementUnlocksIt() {
        String tenant = admitted();
        members.suspend(tenant, "unpaid dues");
        assertTrue(fixture.identity.tenant(tenant).orElseThrow().suspended());
        assertTrue("the directory shows active members only", members.list(false).isEmpty());
        members.reinstate(tenant);
        assertFalse(fixture.identity.tenant(tenant).orElseThrow().suspended());
        assertEquals(List.of(MembershipEvents.APPROVED, MembershipEvents.SUSPENDED, MembershipEvents.REINSTATED),
                fixture.topics());
    }

    @Test
    public void wrongTransitionsAreRefusedAndChangeNothing() {
        String tenant = admitted();
        assertThrows(IllegalStateException.class, () -> members.reinstate(tenant));
        members.withdraw(tenant, "leaving the alliance");
        assertThrows(IllegalStateException.class, () -> members.suspend(tenant, "late"));
        assertEquals("withdrawn", members.find(tenant).orElseThrow().status().name().toLowerCase());
        assertThrows(Applications.NotFound.class, () -> members.suspend("t-unknown", "x"));
    }
}
