package org.carbonalliance.platform.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceUnit;
import org.carbonalliance.platform.api.security.Invitation;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.persistence.InMemoryPersistence;
import org.carbonalliance.platform.testkit.RecordingAuditLog;
import org.junit.After;
import org.junit.Test;

/** Tenants, invitations and the member-admin rules on the real migrations, without Felix. */
public class IdentitiesTest {

    private static final String PASSWORD = "Carbon-Neutral-2060";

    private final InMemoryPersistence persistence = new InMemoryPersistence();
    private final Database database = persistence.open(new PersistenceUnit("accounts",
            "db/platform-security/changelog.xml", List.of(Account.class, ApiKey.class, AuditEntry.class,
                    TenantEntity.class)));
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final AtomicInteger cacheCleared = new AtomicInteger();
    private final Identities identities = new Identities(database, persistence.transactions(), Clock.systemUTC(), audit,
            cacheCleared::incrementAndGet, Duration.ofDays(7));

    @After
    public void close() {
        persistence.close();
    }

    private String tenantWithAdmin(String name, String email) {
        String tenant = identities.createTenant(name).id();
        Invitation invitation = identities.invite(tenant, email, Set.of(Roles.MEMBER_ADMIN));
        identities.activate(invitation.activationToken(), PASSWORD);
        return tenant;
    }

    @Test
    public void anAddressWithAnAccountGetsTheSameNeutralRefusalWhereverItBelongs() {
        String a = tenantWithAdmin("Tencent", "admin@a.example");
        String b = tenantWithAdmin("Baidu", "admin@b.example");
        IllegalStateException own = assertThrows(IllegalStateException.class,
                () -> identities.invite(a, "admin@a.example", Set.of(Roles.MEMBER_USER)));
        IllegalStateException other = assertThrows(IllegalStateException.class,
                () -> identities.invite(a, "Admin@B.example", Set.of(Roles.MEMBER_USER)));
        assertEquals(own.getMessage(), other.getMessage());
        assertFalse(other.getMessage().contains(b));
    }

    @Test
    public void theLastActiveMemberAdminStays() {
        String tenant = tenantWithAdmin("Alibaba", "admin@c.example");
        assertThrows(IllegalStateException.class,
                () -> identities.update(tenant, "admin@c.example", Set.of(Roles.MEMBER_USER), null));
        assertThrows(IllegalStateException.class, () -> identities.update(tenant, "admin@c.example", null, false));
        Invitation second = identities.invite(tenant, "second@c.example", Set.of(Roles.MEMBER_ADMIN));
        identities.activate(second.activationToken(), PASSWORD);
        assertTrue(identities.update(tenant, "admin@c.example", Set.of(Roles.MEMBER_USER), null).isPresent());
        assertTrue("every change forgets remembered passwords", cacheCleared.get() >= 1);
    }

    @Test
    public void suspendedTenantsCannotLogIn() {
        String tenant = tenantWithAdmin("JD.com", "admin@d.example");
        assertTrue(identities.active(tenant));
        identities.setSuspended(tenant, true, "unpaid dues");
        assertFalse(identities.active(tenant));
        assertTrue(audit.actions().contains("identity.tenant-suspended"));
    }

    @Test
    public void anActivationTokenWorksOnce() {
        String tenant = identities.createTenant("Vanke").id();
        Invitation invitation = identities.invite(tenant, "user@e.example", Set.of(Roles.MEMBER_USER));
        identities.activate(invitation.activationToken(), PASSWORD);
        assertThrows(IllegalArgumentException.class, () -> identities.activate(invitation.activationToken(), PASSWORD));
    }
}
