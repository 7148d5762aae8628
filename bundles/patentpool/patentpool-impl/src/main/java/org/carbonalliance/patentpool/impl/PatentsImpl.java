package org.carbonalliance.patentpool.impl;

import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.carbonalliance.patentpool.api.ClimateTag;
import org.carbonalliance.patentpool.api.CpcCode;
import org.carbonalliance.patentpool.api.PatentPoolEvents;
import org.carbonalliance.patentpool.api.PublicationNumber;
import org.carbonalliance.patentpool.impl.PatentRecords.PatentChange;
import org.carbonalliance.patentpool.impl.PatentRecords.PatentRequest;
import org.carbonalliance.patentpool.impl.PatentRecords.PatentView;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.Transactions;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.IdentityService;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.validation.RecordValidator;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.patentpool.api.PatentData;
import org.carbonalliance.platform.api.web.JsonText;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;

/** The pool's records in table pp_patent, each owned by its contributing member's tenant. */
@Component(service = Patents.class, configurationPid = "org.carbonalliance.patentpool")
@Designate(ocd = PatentPoolConfig.class)
public class PatentsImpl implements Patents {

    private final Database database;
    private final RecordValidator validator;
    private final Transactions transactions;
    private final IdentityService identity;
    private final AuditLog audit;
    private final EventAdmin events;
    private final Clock clock;
    private volatile int noticeDays;
    /** Told of every patent whose row changed, once the change has committed: the search index. */
    private final Consumer<String> onChanged;

    @Activate
    public PatentsImpl(@Reference PoolDatabase pool, @Reference Transactions transactions,
            @Reference IdentityService identity, @Reference AuditLog audit, @Reference EventAdmin events,
            @Reference PatentIndex index, @Reference RecordValidator validator, PatentPoolConfig config) {
        this(pool.database(), transactions, identity, audit, events, Clock.systemUTC(),
                config.withdrawalNoticeDays(), index::changed, validator);
    }

    PatentsImpl(Database database, Transactions transactions, IdentityService identity, AuditLog audit,
            EventAdmin events, Clock clock, int noticeDays, Consumer<String> onChanged, RecordValidator validator) {
        this.validator = validator;
        this.onChanged = onChanged;
        this.database = database;
        this.transactions = transactions;
        this.identity = identity;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.noticeDays = noticeDays;
    }

    /** A changed setting applies at once, without restarting the pool (and its endpoints). */
    @Modified
    void modified(PatentPoolConfig config) {
        this.noticeDays = config.withdrawalNoticeDays();
    }

    @Override
    public PatentView contribute(PatentRequest r, AlliancePrincipal caller) {
        String tenant = contributingTenant(r.tenantId(), caller);
        PooledPatent patent = prepare(r, caller);
        PublicationNumber number = PublicationNumber.parse(patent.publicationNumber()).orElseThrow();
        if (pooled(number).isPresent()) {
            throw duplicate(number);
        }
        try {
            transactions.atomically(() -> asTenant(caller, tenant, () -> {
                database.inTransaction(em -> {
                    em.persist(patent);
                    return null;
                });
                reindexAfterCommit(number.toString());
                audit.record("patentpool.contributed", tenant, number.toString(), null, JsonText.write(Map.of(
                        "title", String.valueOf(r.titleEn() != null ? r.titleEn() : r.titleZh()))));
                return null;
            }));
        } catch (jakarta.persistence.PersistenceException e) {
            if (pooled(number).isPresent()) {
                throw duplicate(number); // contributed by someone else at the same moment
            }
            throw e;
        }
        post(PatentPoolEvents.CONTRIBUTED, number.toString(), tenant, Map.of());
        return ownView(number.toString());
    }

    /**
     * Checks a contribution's values beyond its constraints and builds the row (not yet stored).
     *
     * @throws ApiException 400 naming every problem
     */
    private PooledPatent prepare(PatentRequest r, AlliancePrincipal caller) {
        List<String> problems = new ArrayList<>();
        PublicationNumber number = PublicationNumber.parse(r.publicationNumber()).orElse(null);
        if (number == null) {
            problems.add("publicationNumber: not a DOCDB publication number such as CN112345678A or US10123456B2");
        } else if (number.kind().isEmpty()) {
            problems.add("publicationNumber: the kind code is needed (A, B1, B2, U ...), as the office published it");
        }
        if ((r.applicants() == null || r.applicants().isEmpty()) && (r.owners() == null || r.owners().isEmpty())) {
            problems.add("applicants: at least one applicant or owner (the patentee a licence comes from)");
        }
        if (r.titleEn() == null && r.titleZh() == null) {
            problems.add("titleEn: a title in English (titleEn) or Chinese (titleZh) is needed");
        }
        List<String> cpc = codes("cpcCodes", r.cpcCodes(), problems);
        List<String> ipc = codes("ipcCodes", r.ipcCodes(), problems);
        dateProblems(r.priorityDate(), r.applicationDate(), r.grantDate(), r.expiryDate(), problems);
        if (r.expiryDate() != null && r.expiryReason() == null) {
            problems.add("expiryReason: required with expiryDate (otherwise the expiry follows from the filing date)");
        }
        separatorProblems(Map.of("applicants", r.applicants() == null ? List.of() : r.applicants(), "owners",
                r.owners() == null ? List.of() : r.owners(), "inventors", r.inventors() == null ? List.of()
                        : r.inventors()), problems);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems.size() + " field(s) to correct; see details.", problems);
        }
        PooledPatent patent = new PooledPatent(number.toString(), number.country() + number.number(),
                caller.username(), clock.instant());
        patent.setBibliography(r.familyId(), r.applicationNumber(), r.applicationDate(), r.priorityDate(),
                r.grantDate(), number.country(), r.officeLink());
        patent.setTexts(r.titleEn(), r.titleZh(), r.abstractEn(), r.abstractZh());
        patent.setParties(r.applicants(), r.owners() == null || r.owners().isEmpty() ? r.applicants() : r.owners(),
                r.inventors());
        List<String> manual = manualTags(r.climateTags());
        patent.setClassification(cpc, manual, tags(cpc, manual), ipc);
        patent.setExpiry(r.expiryDate() != null ? r.expiryDate() : Terms.expiry(number, r.applicationDate()),
                r.expiryReason());
        // Without a stated status: granted when a grant date is known or the kind code is a granted one (B, C).
        boolean grantedKind = number.kind().startsWith("B") || number.kind().startsWith("C");
        patent.setLegalStatus(r.legalStatus() != null ? r.legalStatus()
                : r.grantDate() != null || grantedKind ? "granted" : "pending");
        return patent;
    }

    @Override
    public Stored store(PatentData data, String tenant, AlliancePrincipal caller, boolean demo) {
        PatentRequest request = PatentRequests.of(data, tenant);
        List<String> problems = validator.problems(request);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(String.join("; ", problems), problems);
        }
        PooledPatent prepared = prepare(request, caller);
        if (demo) {
            prepared.markDemo();
        }
        String key = prepared.publicationNumber();
        PublicationNumber number = PublicationNumber.parse(key).orElseThrow();
        // Refusals come before the atomic work: a failure inside it would undo the caller's whole batch.
        String existing = pooled(number).orElse(null);
        if (existing != null && !existing.equals(key) && number.kind().startsWith("A")
                && !PublicationNumber.parse(existing).orElseThrow().kind().startsWith("A")) {
            return Stored.UNCHANGED; // the application publication of a patent pooled by its grant: the grant wins
        }
        if (existing != null && !tenant.equals(database.readAcrossTenants("patent pool: owner of an imported record",
                em -> em.find(PooledPatent.class, existing).tenantId()))) {
            throw ApiException.badRequest("publicationNumber: " + existing + " is pooled by another member",
                    List.of("publicationNumber: " + existing + " is pooled by another member"));
        }
        return transactions.atomically(() -> {
            if (existing == null) {
                asTenant(caller, tenant, () -> database.inTransaction(em -> {
                    em.persist(prepared);
                    return null;
                }));
                reindexAfterCommit(key);
                audit.record("patentpool.contributed", tenant, key, null, JsonText.write(Map.of("via", "import")));
                post(PatentPoolEvents.CONTRIBUTED, key, tenant, Map.of());
                return Stored.IMPORTED;
            }
            String[] statusBefore = new String[1];
            Boolean changed = asTenant(caller, tenant, () -> database.inTransaction(em -> {
                PooledPatent row = em.find(PooledPatent.class, existing, LockModeType.PESSIMISTIC_WRITE);
                statusBefore[0] = row.legalStatus();
                boolean differs = row.takeRecordOf(prepared);
                if (differs) {
                    row.touched(clock.instant());
                }
                return differs;
            }));
            if (!changed) {
                return Stored.UNCHANGED;
            }
            reindexAfterCommit(existing);
            audit.record("patentpool.changed", tenant, existing, JsonText.write(Map.of("legalStatus",
                    statusBefore[0])), JsonText.write(Map.of("legalStatus", prepared.legalStatus(), "via", "import")));
            if (!statusBefore[0].equals(prepared.legalStatus())) {
                post(PatentPoolEvents.STATUS_CHANGED, existing, tenant,
                        Map.of(PatentPoolEvents.STATUS, prepared.legalStatus()));
            }
            return Stored.UPDATED;
        });
    }

    @Override
    public List<PatentView> expiringWithinYear() {
        LocalDate today = today();
        return database.readAcrossTenants("patent pool: expiring within a year", em -> em.createQuery(
                "select p from PooledPatent p where p.expiryDate >= :today and p.expiryDate <= :horizon "
                        + "and p.legalStatus in ('granted', 'pending') order by p.expiryDate", PooledPatent.class)
                .setParameter("today", today).setParameter("horizon", today.plusMonths(12)).setMaxResults(500)
                .getResultList()).stream().map(p -> PatentView.of(p, today)).toList();
    }

    /** @return the pooled record of the same publication, whatever kind code it was pooled with */
    private Optional<String> pooled(PublicationNumber number) {
        String base = number.country() + number.number();
        return database.readAcrossTenants("patent pool: duplicate check", em -> em.createQuery(
                "select p.publicationNumber from PooledPatent p where p.baseNumber = :base", String.class)
                .setParameter("base", base).getResultList().stream().findFirst());
    }

    private PatentView ownView(String key) {
        PooledPatent patent = database.readAcrossTenants("patent pool: the contributor's view",
                em -> em.find(PooledPatent.class, key));
        return PatentView.of(patent, today());
    }

    private ApiException duplicate(PublicationNumber number) {
        return new ApiException(409, "conflict", number + " is already in the pool (as " + pooled(number)
                .orElse(number.toString()) + ").");
    }

    /** The member the patent is contributed for: the caller's own, or the one the secretariat names. */
    private String contributingTenant(String requested, AlliancePrincipal caller) {
        if (caller.hasRole(Roles.ALLIANCE_ADMIN) && caller.tenantId() == null) {
            if (requested == null || identity.tenant(requested).filter(t -> !t.suspended()).isEmpty()) {
                throw ApiException.badRequest("Name the member (tenantId) the secretariat contributes for.",
                        List.of("tenantId: the tenant id of an existing, active member"));
            }
            return requested;
        }
        if (requested != null && !requested.equals(caller.tenantId())) {
            throw ApiException.forbidden("Members contribute for their own organisation only.");
        }
        return caller.tenantId();
    }

    /** A name holding the CSV list separator ";;" would come back from the export as two names. */
    private static void separatorProblems(Map<String, List<String>> lists, List<String> problems) {
        lists.forEach((field, items) -> {
            for (int i = 0; i < items.size(); i++) {
                String item = items.get(i).strip();
                if (item.contains(";;") || item.startsWith(";") || item.endsWith(";")) {
                    problems.add(field + ": item " + (i + 1) + ": may not hold ';;' or start or end with ';' (the "
                            + "list separator of the CSV export)");
                }
            }
        });
    }

    private static void dateProblems(LocalDate priority, LocalDate application, LocalDate grant, LocalDate expiry,
            List<String> problems) {
        if (priority != null && application != null && priority.isAfter(application)) {
            problems.add("priorityDate: after the applicationDate");
        }
        if (grant != null && application == null) {
            problems.add("applicationDate: needed with a grantDate");
        }
        if (grant != null && application != null && grant.isBefore(application)) {
            problems.add("grantDate: before the applicationDate");
        }
        if (expiry != null && application != null && !expiry.isAfter(application)) {
            problems.add("expiryDate: not after the applicationDate");
        }
    }

    /** CPC or IPC symbols (the same form), canonical; each bad one is named with its position. */
    private static List<String> codes(String field, List<String> given, List<String> problems) {
        List<String> codes = new ArrayList<>();
        if (given == null) {
            return codes;
        }
        for (int i = 0; i < given.size(); i++) {
            Optional<CpcCode> code = CpcCode.parse(given.get(i));
            if (code.isEmpty()) {
                problems.add(field + ": item " + (i + 1) + ": not a classification symbol such as Y02E 10/50");
            } else {
                codes.add(code.get().toString());
            }
        }
        return codes;
    }

    private static List<String> manualTags(List<String> given) {
        Set<String> tags = new LinkedHashSet<>();
        if (given != null) {
            given.forEach(t -> ClimateTag.of(t).ifPresent(tag -> tags.add(tag.name())));
        }
        return tags.stream().sorted().toList();
    }

    /** Tags derived from the CPC codes, plus those set by hand. */
    private static List<String> tags(List<String> cpc, List<String> manual) {
        Set<String> tags = new LinkedHashSet<>(manual);
        CpcCode.climateTags(cpc.stream().map(c -> CpcCode.parse(c).orElseThrow()).toList())
                .forEach(t -> tags.add(t.name()));
        return tags.stream().sorted().toList();
    }

    @Override
    public Optional<PatentView> find(String publicationNumber) {
        String key = key(publicationNumber).orElse(null);
        if (key == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(database.readAcrossTenants("patent pool catalogue: one patent", em -> {
            PooledPatent patent = em.find(PooledPatent.class, key);
            if (patent == null) {
                return null;
            }
            List<String> family = patent.familyId() == null ? List.of() : em.createQuery("select p.publicationNumber "
                    + "from PooledPatent p where p.familyId = :family and p.publicationNumber <> :key order by "
                    + "p.publicationNumber", String.class).setParameter("family", patent.familyId())
                    .setParameter("key", key).setMaxResults(100).getResultList();
            return PatentView.of(patent, today()).withFamily(family).publicView();
        }));
    }

    @Override
    public List<PatentView> own(AlliancePrincipal caller) {
        String query = "select p from PooledPatent p order by p.contributedAt desc";
        List<PooledPatent> patents = caller.tenantId() == null && caller.hasRole(Roles.ALLIANCE_ADMIN)
                ? database.readAcrossTenants("patent pool: the secretariat's list",
                        em -> em.createQuery(query, PooledPatent.class).setMaxResults(1000).getResultList())
                : database.read(em -> em.createQuery(query, PooledPatent.class).setMaxResults(1000).getResultList());
        LocalDate today = today();
        return patents.stream().map(p -> PatentView.of(p, today)).toList();
    }

    @Override
    public void checkOwner(String publicationNumber, AlliancePrincipal caller) {
        String key = key(publicationNumber).orElse("");
        boolean visible = caller.tenantId() == null && caller.hasRole(Roles.ALLIANCE_ADMIN) ? find(key).isPresent()
                : asTenant(caller, caller.tenantId(), () -> database.read(em -> em.find(PooledPatent.class, key)))
                        != null;
        if (!visible) {
            throw ApiException.notFound("Your organisation has no patent " + publicationNumber + " in the pool.");
        }
    }

    @Override
    public PatentView change(String publicationNumber, PatentChange c, AlliancePrincipal caller) {
        List<String> problems = new ArrayList<>();
        List<String> cpc = c.cpcCodes() == null ? null : codes("cpcCodes", c.cpcCodes(), problems);
        if (c.owners() != null) {
            separatorProblems(Map.of("owners", c.owners()), problems);
        }
        if (c.expiryDate() != null && c.expiryReason() == null) {
            problems.add("expiryReason: required with expiryDate");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems.size() + " field(s) to correct; see details.", problems);
        }
        String[] before = new String[1];
        PooledPatent changed = transactions.atomically(() -> {
            PooledPatent patent = onOwnPatent(publicationNumber, caller, row -> {
                before[0] = row.legalStatus();
                if (c.expiryDate() != null && row.applicationDate() != null
                        && !c.expiryDate().isAfter(row.applicationDate())) {
                    throw ApiException.badRequest("A field is invalid.", List.of(
                            "expiryDate: not after the applicationDate " + row.applicationDate()));
                }
                if (c.legalStatus() != null) {
                    row.setLegalStatus(c.legalStatus());
                }
                row.setTexts(c.titleEn() != null ? c.titleEn() : row.titleEn(),
                        c.titleZh() != null ? c.titleZh() : row.titleZh(),
                        c.abstractEn() != null ? c.abstractEn() : row.abstractEn(),
                        c.abstractZh() != null ? c.abstractZh() : row.abstractZh());
                if (c.owners() != null) {
                    row.setParties(row.applicants(), c.owners(), row.inventors());
                }
                if (cpc != null || c.climateTags() != null) {
                    List<String> codes = cpc != null ? cpc : row.cpcCodes();
                    List<String> manual = c.climateTags() != null ? manualTags(c.climateTags()) : row.manualTags();
                    row.setClassification(codes, manual, tags(codes, manual), row.ipcCodes());
                }
                if (c.expiryDate() != null) {
                    row.setExpiry(c.expiryDate(), c.expiryReason());
                }
                if (c.officeLink() != null) {
                    row.setBibliography(row.familyId(), row.applicationNumber(), row.applicationDate(),
                            row.priorityDate(), row.grantDate(), row.jurisdiction(), c.officeLink());
                }
            });
            reindexAfterCommit(patent.publicationNumber());
            audit.record("patentpool.changed", patent.tenantId(), patent.publicationNumber(),
                    JsonText.write(Map.of("legalStatus", before[0])),
                    JsonText.write(Map.of("legalStatus", patent.legalStatus())));
            return patent;
        });
        if (!changed.legalStatus().equals(before[0])) {
            post(PatentPoolEvents.STATUS_CHANGED, changed.publicationNumber(), changed.tenantId(),
                    Map.of(PatentPoolEvents.STATUS, changed.legalStatus()));
        }
        return PatentView.of(changed, today());
    }

    @Override
    public PatentView withdraw(String publicationNumber, String reason, AlliancePrincipal caller) {
        LocalDate effective = today().plusDays(noticeDays);
        PooledPatent withdrawn = transactions.atomically(() -> {
            PooledPatent patent = onOwnPatent(publicationNumber, caller, row -> {
                if (row.withdrawnAt() != null) {
                    throw new ApiException(409, "conflict", "Withdrawal was already noticed on " + row.withdrawnAt()
                            + "; it takes effect on " + row.withdrawalEffective() + ".");
                }
                row.withdraw(clock.instant(), reason, effective);
            });
            reindexAfterCommit(patent.publicationNumber());
            audit.record("patentpool.withdrawn", patent.tenantId(), patent.publicationNumber(), null,
                    JsonText.write(Map.of("reason", reason, "effective", effective.toString())));
            return patent;
        });
        post(PatentPoolEvents.WITHDRAWN, withdrawn.publicationNumber(), withdrawn.tenantId(),
                Map.of(PatentPoolEvents.EFFECTIVE, effective.toString()));
        return PatentView.of(withdrawn, today());
    }

    @Override
    public OpenLicenceDeclaration declaration(String publicationNumber) {
        PatentView patent = find(publicationNumber).orElseThrow(() -> ApiException.notFound("There is no patent "
                + publicationNumber + " in the pool."));
        LocalDate today = today();
        if (!patent.jurisdiction().equals("CN") || !patent.legalStatus().equals("granted")
                || (patent.withdrawalEffective() != null && !today.isBefore(patent.withdrawalEffective()))) {
            throw new ApiException(409, "conflict", "An open-licence declaration is made for a granted Chinese "
                    + "patent in force and in the pool; " + patent.publicationNumber() + " is "
                    + patent.legalStatus() + " in " + patent.jurisdiction() + ", pool state " + patent.poolState()
                    + ".");
        }
        return OpenLicenceDeclaration.of(patent);
    }

    @Override
    public List<String> inForce() {
        return database.readAcrossTenants("patent pool: patents in force, for the office status check",
                em -> em.createQuery("select p.publicationNumber from PooledPatent p where p.legalStatus in "
                        + "('granted', 'pending') and p.demo = false order by p.publicationNumber", String.class)
                        .getResultList());
    }

    @Override
    public boolean recordOfficeStatus(String publicationNumber, String status, String source) {
        PooledPatent patent = database.readAcrossTenants("patent pool: office status check",
                em -> em.find(PooledPatent.class, publicationNumber));
        if (patent == null || patent.legalStatus().equals(status)) {
            return false;
        }
        AlliancePrincipal watch = new AlliancePrincipal("lapse-watch", patent.tenantId(), Set.of());
        Boolean moved = asTenant(watch, patent.tenantId(), () -> transactions.atomically(() -> {
            String[] before = new String[1];
            boolean changed = database.inTransaction(em -> {
                PooledPatent row = em.find(PooledPatent.class, publicationNumber, LockModeType.PESSIMISTIC_WRITE);
                if (row == null || row.legalStatus().equals(status)) {
                    return false;
                }
                before[0] = row.legalStatus();
                row.setLegalStatus(status);
                row.touched(clock.instant());
                return true;
            });
            if (changed) {
                reindexAfterCommit(publicationNumber);
                audit.record("patentpool.changed", patent.tenantId(), publicationNumber,
                        JsonText.write(Map.of("legalStatus", before[0])),
                        JsonText.write(Map.of("legalStatus", status, "via", "office status from " + source)));
                post(PatentPoolEvents.STATUS_CHANGED, publicationNumber, patent.tenantId(),
                        Map.of(PatentPoolEvents.STATUS, status));
            }
            return changed;
        }));
        return moved;
    }

    @Override
    public LapseReport watchLapses() {
        LocalDate today = today();
        // Past its last day: the expiry date is the term's last day.
        List<PooledPatent> due = database.readAcrossTenants("patent pool lapse watch", em -> em.createQuery(
                "select p from PooledPatent p where p.expiryDate is not null and p.expiryDate <= :horizon "
                        + "and p.legalStatus in ('granted', 'pending') order by p.expiryDate", PooledPatent.class)
                .setParameter("horizon", today.plusMonths(12)).getResultList());
        List<String> expired = new ArrayList<>();
        List<PatentView> soon = new ArrayList<>();
        for (PooledPatent patent : due) {
            if (!patent.expiryDate().isBefore(today)) {
                soon.add(PatentView.of(patent, today));
                continue;
            }
            AlliancePrincipal watch = new AlliancePrincipal("lapse-watch", patent.tenantId(), Set.of());
            Boolean moved = asTenant(watch, patent.tenantId(), () -> transactions.atomically(() -> {
                boolean changed = database.inTransaction(em -> {
                    PooledPatent row = em.find(PooledPatent.class, patent.publicationNumber(),
                            LockModeType.PESSIMISTIC_WRITE);
                    // The owner may have extended the term or changed the status meanwhile.
                    if (row == null || row.expiryDate() == null || !row.expiryDate().isBefore(today)
                            || !(row.legalStatus().equals("granted") || row.legalStatus().equals("pending"))) {
                        return false;
                    }
                    row.setLegalStatus("expired");
                    row.touched(clock.instant());
                    return true;
                });
                if (changed) {
                    reindexAfterCommit(patent.publicationNumber());
                    audit.record("patentpool.changed", patent.tenantId(), patent.publicationNumber(),
                            JsonText.write(Map.of("legalStatus", patent.legalStatus())),
                            JsonText.write(Map.of("legalStatus", "expired")));
                }
                return changed;
            }));
            if (moved) {
                post(PatentPoolEvents.STATUS_CHANGED, patent.publicationNumber(), patent.tenantId(),
                        Map.of(PatentPoolEvents.STATUS, "expired"));
                expired.add(patent.publicationNumber());
            }
        }
        return new LapseReport(expired, soon);
    }

    /** A change of one patent of the caller's tenant (the secretariat acts as the owning member). */
    private interface Edit {
        void apply(PooledPatent patent);
    }

    private PooledPatent onOwnPatent(String publicationNumber, AlliancePrincipal caller, Edit edit) {
        String key = key(publicationNumber).orElseThrow(() -> ApiException.notFound("There is no patent "
                + publicationNumber + " in the pool."));
        String tenant = caller.tenantId();
        if (tenant == null && caller.hasRole(Roles.ALLIANCE_ADMIN)) {
            tenant = find(key).map(PatentView::memberTenantId).orElse(null);
        }
        if (tenant == null) {
            throw ApiException.notFound("There is no patent " + key + " in the pool.");
        }
        return asTenant(caller, tenant, () -> database.inTransaction(em -> {
            PooledPatent patent = em.find(PooledPatent.class, key, LockModeType.PESSIMISTIC_WRITE);
            if (patent == null) {
                throw ApiException.notFound("Your organisation has no patent " + key + " in the pool.");
            }
            edit.apply(patent);
            patent.touched(clock.instant());
            return patent;
        }));
    }

    /** Runs {@code work} with the caller's rights in {@code tenant}: how the secretariat writes for a member. */
    private static <T> T asTenant(AlliancePrincipal caller, String tenant, Supplier<T> work) {
        return CurrentPrincipal.supplyAs(new AlliancePrincipal(caller.username(), tenant, caller.roles()), work);
    }

    private void reindexAfterCommit(String number) {
        transactions.afterCommit(() -> onChanged.accept(number));
    }

    private void post(String topic, String number, String tenant, Map<String, String> more) {
        Map<String, Object> properties = new HashMap<>(more);
        properties.put(PatentPoolEvents.PUBLICATION_NUMBER, number);
        properties.put(PatentPoolEvents.TENANT_ID, tenant);
        transactions.afterCommit(() -> events.postEvent(new Event(topic, properties)));
    }

    /** @return the stored key of a publication number in any spelling: its canonical DOCDB form */
    private static Optional<String> key(String publicationNumber) {
        return PublicationNumber.parse(publicationNumber).map(PublicationNumber::toString);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
