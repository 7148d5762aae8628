package org.carbonalliance.patentpool.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.carbonalliance.patentpool.api.PatentPoolEvents;
import org.carbonalliance.patentpool.impl.PatentRecords.PatentChange;
import org.carbonalliance.patentpool.impl.PatentRecords.PatentRequest;
import org.carbonalliance.patentpool.impl.PatentRecords.PatentView;
import org.carbonalliance.platform.api.persistence.PersistenceUnit;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.persistence.InMemoryPersistence;
import org.carbonalliance.platform.testkit.FakeIdentityService;
import org.carbonalliance.platform.testkit.RecordingAuditLog;
import org.carbonalliance.platform.testkit.RecordingPluginCalls;
import org.junit.After;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The pool's records without Felix: real migration and tenant filtering on H2. */
public class PatentsImplTest {

    private final InMemoryPersistence persistence = new InMemoryPersistence();
    private final FakeIdentityService identity = new FakeIdentityService();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    /** What the search index was told to re-read. */
    private final List<String> reindexed = new CopyOnWriteArrayList<>();
    private final PatentsImpl patents = new PatentsImpl(persistence.open(new PersistenceUnit("patents",
            "db/patentpool/changelog.xml", List.of(PooledPatent.class, ImportJob.class, ImportRejection.class))), persistence.transactions(), identity, audit,
            new EventAdmin() {
                @Override
                public void postEvent(Event event) {
                    events.add(event);
                }

                @Override
                public void sendEvent(Event event) {
                    events.add(event);
                }
            }, clock, 90, reindexed::add, record -> List.of());
    private final String tenantA = identity.createTenant("Tencent").id();
    private final String tenantB = identity.createTenant("Baidu").id();
    private final AlliancePrincipal userA = new AlliancePrincipal("a@tencent.example", tenantA,
            Set.of(Roles.MEMBER_ADMIN));
    private final AlliancePrincipal userB = new AlliancePrincipal("b@baidu.example", tenantB, Set.of(Roles.MEMBER_ADMIN));
    private final AlliancePrincipal operator = new AlliancePrincipal("admin", null, Set.of(Roles.ALLIANCE_ADMIN));

    @After
    public void close() {
        persistence.close();
    }

    static PatentRequest request(String number, String tenantId) {
        return new PatentRequest(number, "F1", "CN202010000001.2", LocalDate.parse("2020-03-01"),
                LocalDate.parse("2019-03-01"), LocalDate.parse("2022-05-10"), null, null, null,
                "Battery energy storage scheduling", "储能电池调度方法", "An energy storage method.", "一种储能方法。",
                List.of("Tencent"), null, List.of("Li Wei"), List.of("H01M 10/44", "y02e 60/10"), List.of("Y04S"),
                List.of("H01M 10/44"), null, tenantId);
    }

    private <T> T as(AlliancePrincipal principal, java.util.concurrent.Callable<T> work) throws Exception {
        return CurrentPrincipal.runAs(principal, work);
    }

    @Test
    public void aContributionDerivesTagsExpiryAndStatusAndIsPublic() throws Exception {
        PatentView view = as(userA, () -> patents.contribute(request("cn 112345678 b", null), userA));
        assertEquals("CN112345678B", view.publicationNumber());
        assertEquals("CN", view.jurisdiction());
        assertEquals(List.of("Y02E", "Y04S"), view.climateTags());
        assertEquals("the term's last day", LocalDate.parse("2040-02-29"), view.expiryDate());
        assertEquals("granted", view.legalStatus());
        assertEquals(tenantA, view.memberTenantId());
        assertEquals("pooled", patents.find("CN112345678B").orElseThrow().poolState());
        assertEquals(List.of(PatentPoolEvents.CONTRIBUTED), events.stream().map(Event::getTopic).toList());
        assertTrue(audit.actions().contains("patentpool.contributed"));
    }

    @Test
    public void duplicatesAndBadInputAreRefusedAndWriteNothing() throws Exception {
        as(userA, () -> patents.contribute(request("CN112345678B", null), userA));
        ApiException duplicate = assertThrows(ApiException.class,
                () -> as(userB, () -> patents.contribute(request("CN 112345678 B", null), userB)));
        assertEquals(409, duplicate.status());
        PatentRequest bad = new PatentRequest("NOT-A-NUMBER", null, null, LocalDate.parse("2020-03-01"),
                LocalDate.parse("2021-01-01"), LocalDate.parse("2019-01-01"), LocalDate.parse("2030-01-01"), null,
                null, null, null, null, null, null, null, null, List.of("Y02E", "nonsense"), null, null, null, null);
        ApiException refused = assertThrows(ApiException.class, () -> as(userA, () -> patents.contribute(bad, userA)));
        assertEquals(400, refused.status());
        String details = String.join("\n", refused.details());
        for (String field : List.of("publicationNumber:", "titleEn:", "cpcCodes: item 2", "priorityDate:",
                "grantDate:", "expiryReason:")) {
            assertTrue(field + " in\n" + details, details.contains(field));
        }
        assertEquals(1, as(userA, () -> patents.own(userA)).size());
    }

    @Test
    public void onlyTheOwnerChangesOrWithdrawsAndTheSecretariatActsForIt() throws Exception {
        as(userA, () -> patents.contribute(request("US10123456B2", null), userA));
        PatentChange lapse = new PatentChange("lapsed", null, null, null, null, null, null, null, null, null, null);
        ApiException foreign = assertThrows(ApiException.class,
                () -> as(userB, () -> patents.change("US10123456B2", lapse, userB)));
        assertEquals(404, foreign.status());
        assertEquals("granted", patents.find("US10123456B2").orElseThrow().legalStatus());
        assertEquals(List.of(), as(userB, () -> patents.own(userB)));

        assertEquals("lapsed", as(operator, () -> patents.change("US10123456B2", lapse, operator)).legalStatus());
        PatentChange back = new PatentChange("granted", null, null, null, null, null, null, null, null, null, null);
        as(userA, () -> patents.change("US10123456B2", back, userA));
        assertTrue(events.stream().anyMatch(e -> e.getTopic().equals(PatentPoolEvents.STATUS_CHANGED)));

        PatentView withdrawn = as(userA, () -> patents.withdraw("US10123456B2", "Sold to a third party.", userA));
        assertEquals("withdrawal-noticed", withdrawn.poolState());
        assertEquals(LocalDate.parse("2027-02-24"), withdrawn.withdrawalEffective());
        assertEquals(409, assertThrows(ApiException.class,
                () -> as(userA, () -> patents.withdraw("US10123456B2", "again", userA))).status());
    }

    private static PatentRequest filed(String number, String applicationDate) {
        PatentRequest r = request(number, null);
        return new PatentRequest(r.publicationNumber(), null, null, LocalDate.parse(applicationDate), null, null, null,
                null, null, r.titleEn(), null, null, null, r.applicants(), null, r.inventors(), r.cpcCodes(), null,
                null, null, null);
    }

    @Test
    public void theLapseWatchExpiresWhatIsPastItsTermAndListsWhatExpiresWithinAYear() throws Exception {
        as(userA, () -> patents.contribute(filed("CN100000001B", "2006-01-01"), userA));
        as(userA, () -> patents.contribute(filed("CN100000002B", "2007-06-01"), userA));
        as(userA, () -> patents.contribute(filed("CN100000003B", "2020-06-01"), userA));
        Patents.LapseReport report = patents.watchLapses();
        assertEquals(List.of("CN100000001B"), report.expired());
        assertEquals(List.of("CN100000002B"), report.expiringSoon().stream().map(PatentView::publicationNumber)
                .toList());
        assertEquals("expired", patents.find("CN100000001B").orElseThrow().legalStatus());
        assertTrue(patents.find("CN100000002B").orElseThrow().expiringWithinYear());
        assertEquals("nothing twice", List.of(), patents.watchLapses().expired());
    }

    @Test
    public void theOpenLicenceDeclarationStatesThePoolsTermsAndFlagsUtilityModels() throws Exception {
        as(userA, () -> patents.contribute(request("CN112345678B", null), userA));
        OpenLicenceDeclaration d = patents.declaration("CN112345678B");
        assertEquals("发明", d.patentTypeZh());
        assertEquals("the term's last day", LocalDate.parse("2040-02-29"), d.termUntil());
        assertEquals("from the contribution", LocalDate.parse("2026-11-26"), d.termFrom());
        assertTrue(d.licenceFeeEn().startsWith("Royalty-free"));
        assertTrue(!d.evaluationReportRequired());
        as(userA, () -> patents.contribute(request("CN212345678U", null), userA));
        OpenLicenceDeclaration utility = patents.declaration("CN212345678U");
        assertTrue(utility.evaluationReportRequired());
        assertEquals("a utility model runs 10 years", LocalDate.parse("2030-02-28"), utility.termUntil());
        as(userA, () -> patents.withdraw("CN112345678B", "Leaving the pool.", userA));
        OpenLicenceDeclaration withdrawn = patents.declaration("CN112345678B");
        assertEquals("granted licences keep their term", LocalDate.parse("2040-02-29"), withdrawn.termUntil());
        assertEquals("the offer closes", LocalDate.parse("2027-02-24"), withdrawn.offerClosesOn());
        as(userA, () -> patents.contribute(request("US10123456B2", null), userA));
        assertEquals("only Chinese patents", 409, assertThrows(ApiException.class,
                () -> patents.declaration("US10123456B2")).status());
        assertEquals("the reason stays private", null, patents.find("CN112345678B").orElseThrow().withdrawalReason());
    }

    @Test
    public void theSameNumberWithAnotherKindIsTheSamePublication() throws Exception {
        as(userA, () -> patents.contribute(request("CN112345678B", null), userA));
        assertEquals(409, assertThrows(ApiException.class,
                () -> as(userB, () -> patents.contribute(request("CN112345678A", null), userB))).status());
        assertEquals(400, assertThrows(ApiException.class,
                () -> as(userB, () -> patents.contribute(request("CN112345679", null), userB))).status());
    }

    @Test
    public void theSecretariatMustNameAnExistingMember() throws Exception {
        assertEquals(400, assertThrows(ApiException.class,
                () -> as(operator, () -> patents.contribute(request("EP1234567B1", null), operator))).status());
        PatentView forA = as(operator, () -> patents.contribute(request("EP1234567B1", tenantA), operator));
        assertEquals(tenantA, forA.memberTenantId());
        assertEquals(403, assertThrows(ApiException.class,
                () -> as(userB, () -> patents.contribute(request("EP7654321B1", tenantA), userB))).status());
    }

    @Test
    public void aPluginSourceReportsOfficeStatusToTheLapseWatchAndAFailingOneIsSkipped() throws Exception {
        as(userA, () -> patents.contribute(request("CN112345678B", null), userA));
        as(userA, () -> patents.contribute(request("CN112345679B", null), userA));
        PatentSources sources = new PatentSources(new RecordingPluginCalls());
        sources.addSource(new org.carbonalliance.patentpool.api.PatentSource() {
            @Override
            public String format() {
                return "office-register";
            }

            @Override
            public String description() {
                return "a register that knows one lapse";
            }

            @Override
            public void read(java.io.InputStream in, Sink sink) {
            }

            @Override
            public java.util.Optional<org.carbonalliance.patentpool.api.LegalStatus> legalStatus(
                    org.carbonalliance.patentpool.api.PublicationNumber number) {
                return number.toString().equals("CN112345678B")
                        ? java.util.Optional.of(org.carbonalliance.patentpool.api.LegalStatus.LAPSED)
                        : java.util.Optional.empty();
            }
        });
        sources.addSource(new org.carbonalliance.patentpool.api.PatentSource() {
            @Override
            public String format() {
                return "broken-register";
            }

            @Override
            public String description() {
                return "always fails";
            }

            @Override
            public void read(java.io.InputStream in, Sink sink) {
            }

            @Override
            public java.util.Optional<org.carbonalliance.patentpool.api.LegalStatus> legalStatus(
                    org.carbonalliance.patentpool.api.PublicationNumber number) throws java.io.IOException {
                throw new java.io.IOException("office unreachable");
            }
        });
        LapseWatch watch = new LapseWatch(patents, sources);
        try {
            String report = watch.lapse();
            assertTrue(report, report.contains("Office status from office-register: 2 asked, 1 changed"));
            assertEquals("lapsed", patents.find("CN112345678B").orElseThrow().legalStatus());
            assertEquals("granted", patents.find("CN112345679B").orElseThrow().legalStatus());
            assertTrue(audit.recent(100).stream().anyMatch(r -> r.after() != null
                    && r.after().contains("office status from office-register")));
        } finally {
            watch.stop();
        }
    }

    /** A full record as a file gives it, with manual tags, a stated expiry and lists, for import tests. */
    static org.carbonalliance.patentpool.api.PatentData data(String number, String member, String titleEn,
            String titleZh) {
        return new org.carbonalliance.patentpool.api.PatentData(number, "FAM-" + number, "APP-" + number,
                LocalDate.parse("2019-04-01"), LocalDate.parse("2018-04-01"), LocalDate.parse("2021-06-01"),
                LocalDate.parse("2038-01-31"), "Extended term (court ruling)",
                org.carbonalliance.patentpool.api.LegalStatus.GRANTED, titleEn, titleZh,
                titleEn == null ? null : "An abstract,\nover two lines.", titleZh == null ? null : "一种方法。",
                List.of("Tencent", "Second Co"), List.of("Tencent"), List.of("Li Wei", "Wang Fang"),
                List.of("Y02E 60/10", "H01M 10/44"), List.of("Y04S"), List.of("H01M 10/44"),
                "https://example.org/" + number, member);
    }
}
