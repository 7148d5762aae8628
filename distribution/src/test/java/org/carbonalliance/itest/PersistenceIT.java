package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceException;
import org.carbonalliance.platform.api.persistence.PersistenceService;
import org.carbonalliance.platform.api.persistence.PersistenceUnit;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** An entity from another bundle round-trips through the persistence service, and tenants never see each other. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PersistenceIT extends PlatformTestSupport {

    private static final AlliancePrincipal TENANT_A = new AlliancePrincipal("ana@a.example", "tenant-a", Set.of("member-user"));
    private static final AlliancePrincipal TENANT_B = new AlliancePrincipal("bo@b.example", "tenant-b", Set.of("member-user"));

    @Inject
    private PersistenceService persistence;

    private Database open() {
        return persistence.open(new PersistenceUnit("probe", "db/itest-probe/changelog.xml", List.of(ProbeNote.class)));
    }

    @Test
    public void entityRoundTripsAndTenantsAreIsolated() throws Exception {
        try (Database db = open()) {
            CurrentPrincipal.runAs(TENANT_A, () -> db.inTransaction(em -> {
                em.persist(new ProbeNote(1, "site visit, tenant A"));
                return null;
            }));
            CurrentPrincipal.runAs(TENANT_B, () -> db.inTransaction(em -> {
                em.persist(new ProbeNote(2, "tenant B"));
                return null;
            }));

            ProbeNote own = CurrentPrincipal.runAs(TENANT_A, () -> db.read(em -> em.find(ProbeNote.class, 1L)));
            assertEquals("site visit, tenant A", own.getText());
            assertEquals("the tenant is set by the platform", "tenant-a", own.getTenantId());

            List<ProbeNote> seenByB = CurrentPrincipal.runAs(TENANT_B, () -> db.read(em ->
                    em.createQuery("select n from ProbeNote n where n.id in (1, 2)", ProbeNote.class).getResultList()));
            assertEquals(1, seenByB.size());
            assertEquals("tenant B", seenByB.get(0).getText());
            assertNull("B cannot load A's row by id",
                    CurrentPrincipal.runAs(TENANT_B, () -> db.read(em -> em.find(ProbeNote.class, 1L))));
            Long countByB = CurrentPrincipal.runAs(TENANT_B, () -> db.read(em ->
                    em.createQuery("select count(n) from ProbeNote n where n.id = 1", Long.class).getSingleResult()));
            assertEquals(Long.valueOf(0), countByB);

            assertEquals("no principal sees nothing tenant-owned", 0,
                    (long) db.read(em -> em.createQuery("select count(n) from ProbeNote n", Long.class).getSingleResult()));
            assertEquals("the explicit cross-tenant view sees both", 2,
                    (long) db.readAcrossTenants("test", em -> em.createQuery(
                            "select count(n) from ProbeNote n where n.id in (1, 2)", Long.class).getSingleResult()));
        }
    }

    @Test
    public void tenantCannotChangeAnotherTenantsRow() throws Exception {
        try (Database db = open()) {
            CurrentPrincipal.runAs(TENANT_A, () -> db.inTransaction(em -> {
                em.persist(new ProbeNote(10, "A's"));
                return null;
            }));
            int updated = CurrentPrincipal.runAs(TENANT_B, () -> db.inTransaction(em ->
                    em.createQuery("update ProbeNote n set n.text = 'stolen' where n.id = 10").executeUpdate()));
            assertEquals(0, updated);
            assertEquals("A's", CurrentPrincipal.runAs(TENANT_A,
                    () -> db.read(em -> em.find(ProbeNote.class, 10L))).getText());
        }
    }

    @Test
    public void failedTransactionWritesNothing() throws Exception {
        try (Database db = open()) {
            assertThrows(IllegalStateException.class, () -> CurrentPrincipal.runAs(TENANT_A, () -> db.inTransaction(em -> {
                em.persist(new ProbeNote(20, "half done"));
                em.flush();
                throw new IllegalStateException("failure after the write");
            })));
            assertNull(CurrentPrincipal.runAs(TENANT_A, () -> db.read(em -> em.find(ProbeNote.class, 20L))));
        }
    }

    @Test
    public void aUnitThatCannotBeMappedSaysWhyOnUseAndInHealth() throws Exception {
        Database db = persistence.open(new PersistenceUnit("unmappable", "db/itest-probe/changelog.xml",
                List.of(UnmappableNote.class)));
        try {
            PersistenceException e = assertThrows(PersistenceException.class, () -> db.read(em -> 1));
            assertTrue(e.getMessage(), e.getMessage().contains("unmappable") && e.getMessage().contains("could not be "
                    + "mapped"));
            Http.Response health = http().get("/api/health", operator());
            assertEquals(health.body(), 503, health.status());
            assertTrue(health.body(), health.body().contains("persistence-units") && health.body().contains("DOWN"));
        } finally {
            db.close();
        }
        assertEquals("closed, the unit is no longer reported", 200, http().poll("/api/health", operator(),
                r -> r.status() == 200, java.time.Duration.ofSeconds(10)).status());
    }

    @Test
    public void brokenMigrationIsReportedAndOpensNothing() {
        PersistenceException e = assertThrows(PersistenceException.class, () -> persistence.open(
                new PersistenceUnit("missing", "db/no-such-changelog.xml", List.of(ProbeNote.class))));
        assertTrue(e.getMessage(), e.getMessage().contains("no-such-changelog.xml"));
    }
}
