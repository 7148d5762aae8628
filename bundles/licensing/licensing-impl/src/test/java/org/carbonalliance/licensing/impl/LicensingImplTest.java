package org.carbonalliance.licensing.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carbonalliance.licensing.impl.LicensingRecords.LicenceView;
import org.carbonalliance.licensing.impl.LicensingRecords.OfferForm;
import org.carbonalliance.licensing.impl.LicensingRecords.ReportForm;
import org.carbonalliance.licensing.impl.LicensingRecords.RequestForm;
import org.carbonalliance.licensing.impl.LicensingRecords.RequestView;
import org.carbonalliance.licensing.impl.terms.StandardOffer;
import org.carbonalliance.patentpool.api.LegalStatus;
import org.carbonalliance.patentpool.api.PatentCatalogue;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceUnit;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.persistence.InMemoryPersistence;
import org.carbonalliance.platform.testkit.FakeIdentityService;
import org.carbonalliance.platform.testkit.RecordingAuditLog;
import org.carbonalliance.platform.testkit.RecordingPluginCalls;
import org.carbonalliance.licensing.api.LicensingEvents;
import org.junit.After;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Licensing without Felix, on a clock the test moves: grants, reports falling due and overdue, versions, digests. */
public class LicensingImplTest {

    /** A clock the test sets. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-10T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final InMemoryPersistence persistence = new InMemoryPersistence();
    private final Database database = persistence.open(new PersistenceUnit("licensing",
            "db/licensing/changelog.xml", LicensingDatabase.ENTITIES));
    private final FakeIdentityService identity = new FakeIdentityService();
    private final TestClock clock = new TestClock();
    private final String licensor = identity.createTenant("Tencent").id();
    private final String licensee = identity.createTenant("Vanke").id();
    private final Map<String, PatentCatalogue.PatentSummary> pool = new HashMap<>();
    private final Policies policies = new Policies(new RecordingPluginCalls());
    private final LicensingImpl licensing;
    private final AlliancePrincipal licenseeAdmin = new AlliancePrincipal("a@vanke.example", licensee,
            Set.of(Roles.MEMBER_ADMIN));
    private final AlliancePrincipal operator = new AlliancePrincipal("admin", null, Set.of(Roles.ALLIANCE_ADMIN));

    public LicensingImplTest() {
        pool.put("CN112345678B", new PatentCatalogue.PatentSummary("CN112345678B", licensor, LegalStatus.GRANTED,
                List.of("Y02E"), LocalDate.parse("2040-02-29"), null, false));
        PatentCatalogue catalogue = new PatentCatalogue() {
            @Override
            public Optional<PatentSummary> find(String number) {
                return Optional.ofNullable(pool.get(number));
            }

            @Override
            public List<PatentSummary> withClimateTag(String tag) {
                return pool.values().stream().filter(p -> p.climateTags().contains(tag)).toList();
            }
        };
        policies.addPolicy(new MemberPolicy());
        policies.addPolicy(new PatentAvailabilityPolicy(catalogue));
        policies.addPolicy(new PriorTerminationPolicy());
        licensing = new LicensingImpl(database, persistence.transactions(), policies, catalogue, identity,
                new RecordingAuditLog(), new EventAdmin() {
                    @Override
                    public void postEvent(Event event) {
                        posted.add(event);
                    }

                    @Override
                    public void sendEvent(Event event) {
                    }
                }, clock, 60, 20);
    }

    @After
    public void close() {
        persistence.close();
    }

    private final List<Event> posted = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    public void anEventAboutANonMemberCarriesNoLicenseeTenantRatherThanTheWordNull() {
        RequestView asked = licensing.request(new RequestForm(null, List.of("CN112345678B"), null,
                "Storage for buildings.", List.of("CN"), "Harbin Cold Storage Co.", "CN", "ops@harbin.example", null),
                null);
        licensing.refuse(asked.id(), "Not a climate use.", operator);
        Event refused = posted.stream().filter(e -> e.getTopic().equals(LicensingEvents.REFUSED)).findFirst()
                .orElseThrow();
        assertEquals(asked.id(), refused.getProperty(LicensingEvents.REQUEST_ID));
        assertFalse(refused.containsProperty(LicensingEvents.LICENSEE_TENANT_ID));
    }

    private RequestView ask() {
        return licensing.request(new RequestForm(null, List.of("CN112345678B"), null, "Storage for buildings.",
                List.of("CN"), null, null, null, null), licenseeAdmin);
    }

    @Test
    public void anUnfiledReportFallsDueThenOverdueAndTheMemberLosesAutomaticGrants() {
        RequestView first = ask();
        assertEquals("granted", first.state());
        String id = first.licenceId();
        assertTrue(licence(id).goodStanding());

        clock.now = Instant.parse("2027-01-11T09:00:00Z"); // a year on: the 2026 report is due, not yet overdue
        LicenceView due = licence(id);
        assertEquals(1, due.dueReports().size());
        assertEquals(2026, due.dueReports().get(0).periodYear());
        assertFalse(due.dueReports().get(0).overdue());
        assertTrue(due.goodStanding());

        clock.now = Instant.parse("2027-03-12T09:00:00Z"); // past the 60-day grace period
        assertFalse(licence(id).goodStanding());
        assertEquals(1, licensing.licences(operator, true, 0, 100).size());
        RequestView second = ask();
        assertEquals("under-review", second.state());
        assertTrue(second.decisions().toString(), second.decisions().toString().contains("not in good standing"));

        licensing.fileReport(id, new ReportForm(2026, "Office towers, Shenzhen", new BigDecimal("3.2"), "MWh",
                new BigDecimal("410.5"), "Metered MWh times the grid emission factor"), licenseeAdmin);
        assertTrue(licence(id).goodStanding());
        assertEquals(0, licensing.licences(operator, true, 0, 100).size());
    }

    @Test
    public void aNewOfferVersionLeavesGrantedLicencesOnTheirsAndTheDigestCatchesChanges() {
        String id = ask().licenceId();
        licensing.reviseOffer(LicensingImpl.STANDARD_OFFER_ID, new OfferForm("The pool's standard offer, 2027",
                StandardOffer.terms()), operator);
        assertEquals(2, licensing.offer(LicensingImpl.STANDARD_OFFER_ID, null).orElseThrow().version());
        assertEquals(1, licence(id).offerVersion());
        assertTrue(licensing.verify(id, operator, null).valid());

        database.inTransaction(em -> em.createNativeQuery("update lc_licence set canonical_json = "
                + "replace(canonical_json, 'CN112345678B', 'CN112345679B') where id = :id").setParameter("id", id)
                .executeUpdate());
        assertFalse(licensing.verify(id, operator, null).valid());
    }

    private LicenceView licence(String id) {
        return licensing.licence(id, operator, null).orElseThrow();
    }
}
