package org.carbonalliance.emissions.impl;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.carbonalliance.emissions.api.EmissionsEvents;
import org.carbonalliance.emissions.impl.EmissionsRecords.CalculateForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.FindingForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.FindingView;
import org.carbonalliance.emissions.impl.EmissionsRecords.GrantForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.GrantView;
import org.carbonalliance.emissions.impl.EmissionsRecords.OpinionForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.OpinionView;
import org.carbonalliance.emissions.impl.EmissionsRecords.RecalculationCheck;
import org.carbonalliance.emissions.impl.EmissionsRecords.InventoryReportView;
import org.carbonalliance.emissions.impl.EmissionsRecords.Totals;
import org.carbonalliance.emissions.impl.calc.ActivityGroup;
import org.carbonalliance.emissions.impl.calc.Calculation;
import org.carbonalliance.emissions.impl.calc.CalculationException;
import org.carbonalliance.emissions.impl.calc.Calculator;
import org.carbonalliance.emissions.impl.calc.FacilityScope;
import org.carbonalliance.emissions.impl.calc.Factor;
import org.carbonalliance.emissions.impl.calc.FactorIndex;
import org.carbonalliance.emissions.impl.calc.FactorLookup;
import org.carbonalliance.emissions.impl.calc.GwpSet;
import org.carbonalliance.emissions.impl.calc.GwpTable;
import org.carbonalliance.emissions.impl.calc.Instrument;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.security.Secrets;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.JsonText;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Reports and their workflow: draft (calculated and recalculated at will), submitted, under-verification, verified
 * (with the verifier's opinion), published. A correction after submission opens the next version as a draft; the
 * earlier version stays as it was. Verifiers act on a member's report only through a grant from its member-admin.
 */
public class Reports {

    private final Database database;
    private final FactorLibrary factors;
    private final AuditLog audit;
    private final EventAdmin events;
    private final Clock clock;

    public Reports(Database database, FactorLibrary factors, AuditLog audit, EventAdmin events, Clock clock) {
        this.database = database;
        this.factors = factors;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    List<InventoryReportView> list() {
        return database.read(em -> em.createQuery("select r from Report r order by r.year, r.reportVersion",
                Report.class).getResultStream().map(Reports::view).toList());
    }

    InventoryReportView get(String id) {
        return database.read(em -> view(report(em, id)));
    }

    /** Serialises submission, correction and data changes of one period (see {@link Inventory#editable}). */
    private static Period lockPeriod(EntityManager em, Report r) {
        Period p = em.find(Period.class, r.periodId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        em.refresh(r);
        return p;
    }

    static Report report(EntityManager em, String id) {
        Report r = em.find(Report.class, id);
        if (r == null) {
            throw ApiException.notFound("There is no emissions report " + id + " you may read.");
        }
        return r;
    }

    InventoryReportView create(String periodId, AlliancePrincipal caller) {
        return database.inTransaction(em -> {
            Period p = Inventory.period(em, periodId);
            List<String> existing = em.createQuery("select r.id from Report r where r.periodId = :p", String.class)
                    .setParameter("p", periodId).getResultList();
            if (!existing.isEmpty()) {
                throw new ApiException(409, "conflict", "Period " + p.name + " already has report " + existing.get(0)
                        + "; a change after submission is a correction of it.");
            }
            Report r = new Report();
            r.id = UUID.randomUUID().toString();
            r.periodId = periodId;
            r.year = p.year();
            r.reportVersion = p.revision;
            r.state = "draft";
            r.gwpSet = GwpSet.DEFAULT.wire();
            r.createdAt = clock.instant();
            r.createdBy = caller.username();
            em.persist(r);
            return view(r);
        });
    }

    // --- calculation ---

    InventoryReportView calculate(String id, CalculateForm form) {
        factors.awaitLoaded();
        GwpSet set = form == null || form.gwpSet() == null ? GwpSet.DEFAULT : GwpSet.fromWire(form.gwpSet())
                .orElseThrow();
        List<String> chosenIds = form == null || form.factorIds() == null ? List.of()
                : form.factorIds().stream().distinct().sorted().toList();
        Map<String, List<Factor>> chosen = chosen(chosenIds);
        return database.inTransaction(em -> {
            Report r = report(em, id);
            requireState(r, "draft", "calculated");
            Profile profile = Inventory.profile(em).orElse(null);
            String boundary = profile == null ? Inventory.DEFAULT_BOUNDARY : profile.boundary;
            List<FacilityScope> facilities = facilityScopes(em, boundary);
            Calculation result = calculate(em, r, facilities, factors, set, chosen);
            store(r, new StoredCalculation(boundary, facilities, chosenIds, result));
            return view(r);
        });
    }

    private Map<String, List<Factor>> chosen(List<String> ids) {
        Map<String, List<Factor>> chosen = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String id : ids) {
            factors.factor(id).ifPresentOrElse(f -> chosen.computeIfAbsent(f.activityType, k -> new ArrayList<>())
                    .add(f.factor()), () -> problems.add("factorIds: there is no factor " + id));
        }
        chosen.forEach((type, list) -> {
            boolean total = list.stream().anyMatch(f -> "CO2e".equals(f.gas()));
            if (list.stream().map(f -> GwpTable.family(f.gas())).distinct().count() < list.size()
                    || list.stream().map(Factor::denominatorUnit).distinct().count() > 1
                    || total && list.size() > 1) {
                problems.add("factorIds: for " + type + " choose either one CO2e total or one factor per gas, "
                        + "all with one denominator");
            }
        });
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems.get(0), problems);
        }
        return chosen;
    }

    private Calculation calculate(EntityManager em, Report r, List<FacilityScope> facilities, FactorLookup lookup,
            GwpSet set, Map<String, List<Factor>> chosen) {
        Map<String, FacilityScope> byId = new HashMap<>();
        facilities.forEach(f -> byId.put(f.id(), f));
        try {
            return new Calculator(factors.gwp(), lookup).calculate(groups(em, r), byId, instruments(em, r), set,
                    chosen);
        } catch (CalculationException e) {
            throw new ApiException(409, "conflict", e.getMessage(), e.problems());
        }
    }

    /** The report revision's records in groups, from the totals kept as records change (see {@link ActivityTotals}). */
    private static List<ActivityGroup> groups(EntityManager em, Report r) {
        return ActivityTotals.groups(em, r.periodId, r.reportVersion);
    }

    private static List<Instrument> instruments(EntityManager em, Report r) {
        return Inventory.instruments(em, r.periodId, r.reportVersion).stream().map(i -> new Instrument(i.id,
                i.facilityId, i.year, i.type, i.energy, i.mwh, i.tco2ePerMwh, i.reference)).toList();
    }

    static List<FacilityScope> facilityScopes(EntityManager em, String boundary) {
        return em.createQuery("select f from Facility f order by f.id", Facility.class).getResultStream()
                .map(f -> new FacilityScope(f.id, f.name, regions(f), share(f, boundary))).toList();
    }

    private static List<String> regions(Facility f) {
        List<String> regions = new ArrayList<>();
        if (f.gridRegion != null) {
            regions.add(f.gridRegion);
        }
        regions.add(f.country);
        regions.add("GLOBAL");
        return regions;
    }

    private static BigDecimal share(Facility f, String boundary) {
        return switch (boundary) {
            case "equity-share" -> f.equityPercent.movePointLeft(2).stripTrailingZeros();
            case "financial-control" -> f.financialControl ? BigDecimal.ONE : BigDecimal.ZERO;
            default -> f.operationalControl ? BigDecimal.ONE : BigDecimal.ZERO;
        };
    }

    private void store(Report r, StoredCalculation stored) {
        Calculation c = stored.result();
        r.calculation = JsonText.write(stored);
        r.calculationDigest = digest(c);
        r.gwpSet = c.gwpSet().wire();
        r.factorChoices = JsonText.write(stored.chosenFactors());
        r.calculatedAt = clock.instant();
        r.stale = false;
        r.scope1 = c.byScope().get("scope1");
        r.scope2Location = c.byScope().get("scope2-location");
        r.scope2Market = c.byScope().get("scope2-market");
        r.scope3 = c.byScope().get("scope3");
    }

    static String digest(Calculation c) {
        return Secrets.sha256Hex(JsonText.write(c));
    }

    StoredCalculation calculation(String id) {
        return database.read(em -> stored(report(em, id)));
    }

    private static StoredCalculation stored(Report r) {
        if (r.calculation == null) {
            throw new ApiException(409, "conflict", "Report " + r.id + " has not been calculated yet "
                    + "(POST /api/emissions/reports/" + r.id + "/calculate).");
        }
        return JsonText.read(r.calculation, StoredCalculation.class);
    }

    /** Recalculates a report from its revision's data and the exact factor versions it recorded. */
    RecalculationCheck recheck(String id) {
        return database.read(em -> {
            Report r = report(em, id);
            StoredCalculation stored = stored(r);
            List<Factor> recorded = new ArrayList<>();
            for (String factorId : stored.result().factorIds()) {
                recorded.add(factors.factor(factorId).orElseThrow(() -> new IllegalStateException(
                        "factor " + factorId + " used by report " + id + " is missing")).factor());
            }
            Map<String, List<Factor>> chosen = new LinkedHashMap<>();
            recorded.stream().filter(f -> stored.chosenFactors().contains(f.id()))
                    .forEach(f -> chosen.computeIfAbsent(f.activityType(), k -> new ArrayList<>()).add(f));
            Calculation again = calculate(em, r, stored.facilities(), new FactorIndex(recorded),
                    stored.result().gwpSet(), chosen);
            String digest = digest(again);
            return new RecalculationCheck(digest.equals(r.calculationDigest), r.calculationDigest, digest,
                    again.factorIds());
        });
    }

    // --- workflow ---

    InventoryReportView submit(String id, AlliancePrincipal caller) {
        InventoryReportView submitted = database.inTransaction(em -> {
            Report r = report(em, id);
            lockPeriod(em, r);
            requireState(r, "draft", "submitted");
            if (r.calculation == null || r.stale) {
                throw new ApiException(409, "conflict", r.calculation == null ? "Calculate the report before "
                        + "submitting it." : "The data changed after the last calculation; recalculate first.");
            }
            r.state = "submitted";
            r.submittedAt = clock.instant();
            return view(r);
        });
        announce(EmissionsEvents.REPORT_SUBMITTED, submitted, caller, "emissions.report-submitted");
        return submitted;
    }

    InventoryReportView correct(String id, String reason, AlliancePrincipal caller) {
        InventoryReportView next = database.inTransaction(em -> {
            Report r = report(em, id);
            if ("draft".equals(r.state)) {
                throw new ApiException(409, "conflict", "Report " + id + " is a draft: change its data directly.");
            }
            if (r.supersededBy != null) {
                throw new ApiException(409, "conflict", "Report " + id + " was already corrected by "
                        + r.supersededBy + "; correct the newest version.");
            }
            Period p = lockPeriod(em, r);
            Report c = new Report();
            c.id = UUID.randomUUID().toString();
            c.periodId = r.periodId;
            c.year = r.year;
            c.reportVersion = r.reportVersion + 1;
            c.state = "draft";
            c.correctionReason = reason;
            c.gwpSet = r.gwpSet;
            c.createdAt = clock.instant();
            c.createdBy = caller.username();
            em.persist(c);
            r.supersededBy = c.id;
            p.revision = c.reportVersion;
            return view(c);
        });
        announce(EmissionsEvents.REPORT_CORRECTED, next, caller, "emissions.report-corrected");
        return next;
    }

    InventoryReportView publish(String id, AlliancePrincipal caller) {
        InventoryReportView published = database.inTransaction(em -> {
            Report r = report(em, id);
            requireNewest(r);
            requireState(r, "verified", "published");
            OpinionView opinion = JsonText.read(r.opinion, OpinionView.class);
            if (List.of("adverse", "disclaimer").contains(opinion.conclusion())) {
                throw new ApiException(409, "conflict", "The verifier's opinion is " + opinion.conclusion()
                        + "; correct the report and have it verified again before publishing.");
            }
            r.state = "published";
            r.publishedAt = clock.instant();
            return view(r);
        });
        announce(EmissionsEvents.REPORT_PUBLISHED, published, caller, "emissions.report-published");
        return published;
    }

    /** Verification and publication apply to the newest version only. */
    private static void requireNewest(Report r) {
        if (r.supersededBy != null) {
            throw new ApiException(409, "conflict", "Report " + r.id + " was corrected by " + r.supersededBy
                    + "; work on the newest version.");
        }
    }

    private static void requireState(Report r, String state, String action) {
        if (!state.equals(r.state)) {
            throw new ApiException(409, "conflict", "Report " + r.id + " is " + r.state + "; only a " + state
                    + " report can be " + action + ".");
        }
    }

    private void announce(String topic, InventoryReportView r, AlliancePrincipal caller, String action) {
        String tenant = CurrentPrincipal.tenantId();
        audit.record(action, tenant, r.id(), null, JsonText.write(Map.of("version", r.version(), "year", r.year(),
                "by", caller.username())));
        events.postEvent(new Event(topic, Map.of(EmissionsEvents.TENANT, tenant == null ? "" : tenant,
                EmissionsEvents.REPORT, r.id(), EmissionsEvents.YEAR, r.year(), EmissionsEvents.VERSION,
                r.version())));
    }

    // --- verification ---

    GrantView grant(GrantForm form, AlliancePrincipal caller) {
        GrantView granted = database.inTransaction(em -> {
            if (form.reportId() != null) {
                report(em, form.reportId());
            }
            VerifierGrant g = new VerifierGrant();
            g.id = UUID.randomUUID().toString();
            g.verifier = form.verifier().strip().toLowerCase(java.util.Locale.ROOT);
            g.reportId = form.reportId();
            g.grantedBy = caller.username();
            g.grantedAt = clock.instant();
            em.persist(g);
            return view(g);
        });
        audit.record("emissions.verifier-granted", caller.tenantId(), granted.verifier(), null,
                JsonText.write(granted));
        return granted;
    }

    List<GrantView> grants() {
        return database.read(em -> em.createQuery("select g from VerifierGrant g order by g.grantedAt",
                VerifierGrant.class).getResultStream().map(Reports::view).toList());
    }

    void revoke(String grantId, AlliancePrincipal caller) {
        database.inTransaction(em -> {
            VerifierGrant g = em.find(VerifierGrant.class, grantId);
            if (g == null) {
                throw ApiException.notFound("There is no verifier grant " + grantId + " of yours.");
            }
            em.remove(g);
            return null;
        });
        audit.record("emissions.verifier-revoked", caller.tenantId(), grantId, null, null);
    }

    private static GrantView view(VerifierGrant g) {
        return new GrantView(g.id, g.verifier, g.reportId, g.grantedBy, g.grantedAt);
    }

    /** The reports granted to a verifier, per member: each grant with the reports it opens. */
    List<EmissionsRecords.AssignmentView> assignments(AlliancePrincipal verifier,
            java.util.function.Function<String, String> memberNames) {
        List<VerifierGrant> grants = database.readAcrossTenants("emissions: a verifier's assignments",
                em -> em.createQuery("select g from VerifierGrant g where g.verifier = :v order by g.grantedAt",
                        VerifierGrant.class).setParameter("v", verifier.username().toLowerCase(java.util.Locale.ROOT))
                        .getResultList());
        List<EmissionsRecords.AssignmentView> result = new ArrayList<>();
        for (VerifierGrant g : grants) {
            if (g.tenantId.equals(verifier.tenantId())) {
                continue;
            }
            List<InventoryReportView> reports = CurrentPrincipal.supplyAs(asMember(verifier, g.tenantId), () -> database
                    .read(em -> g.reportId == null
                            ? em.createQuery("select r from Report r where r.state <> 'draft' order by r.year, "
                                    + "r.reportVersion", Report.class).getResultStream().map(Reports::view).toList()
                            : java.util.Optional.ofNullable(em.find(Report.class, g.reportId)).map(Reports::view)
                                    .stream().toList()));
            result.add(new EmissionsRecords.AssignmentView(g.id, memberNames.apply(g.tenantId),
                    g.reportId, g.grantedAt, reports));
        }
        return result;
    }

    /**
     * Runs {@code work} for a verifier on report {@code reportId}, as the member's tenant, when a grant allows it;
     * otherwise answers 404, as for a report that does not exist.
     */
    <T> T asVerifier(String reportId, AlliancePrincipal verifier, Supplier<T> work) {
        String tenant = database.readAcrossTenants("emissions: verifier access check", em -> {
            Report r = em.find(Report.class, reportId);
            // Never a member's own user: verification is independent (ISO 14064-3), whatever roles the user holds.
            if (r == null || !verifier.hasRole(Roles.VERIFIER) || r.tenantId.equals(verifier.tenantId())) {
                return null;
            }
            // A grant for one report opens it in any state; a grant for all opens the submitted ones, not drafts.
            long grants = em.createQuery("select count(g) from VerifierGrant g where g.tenantId = :t and "
                    + "g.verifier = :v and (g.reportId = :r or (g.reportId is null and :open = true))", Long.class)
                    .setParameter("t", r.tenantId).setParameter("v", verifier.username().toLowerCase(
                            java.util.Locale.ROOT)).setParameter("r", reportId)
                    .setParameter("open", !"draft".equals(r.state)).getSingleResult();
            return grants > 0 ? r.tenantId : null;
        });
        if (tenant == null) {
            throw ApiException.notFound("There is no emissions report " + reportId + " you may read.");
        }
        return CurrentPrincipal.supplyAs(asMember(verifier, tenant), work);
    }

    private static AlliancePrincipal asMember(AlliancePrincipal verifier, String tenant) {
        return new AlliancePrincipal(verifier.username(), tenant, Set.of(Roles.VERIFIER));
    }

    InventoryReportView startVerification(String id, AlliancePrincipal verifier) {
        return database.inTransaction(em -> {
            Report r = report(em, id);
            requireNewest(r);
            requireState(r, "submitted", "taken under verification");
            r.state = "under-verification";
            return view(r);
        });
    }

    FindingView addFinding(String id, FindingForm form, AlliancePrincipal verifier) {
        return database.inTransaction(em -> {
            Report r = report(em, id);
            requireNewest(r);
            requireState(r, "under-verification", "given findings");
            Finding f = new Finding();
            f.id = UUID.randomUUID().toString();
            f.reportId = id;
            f.step = form.step();
            f.severity = form.severity();
            f.description = form.description().strip();
            f.createdAt = clock.instant();
            f.createdBy = verifier.username();
            em.persist(f);
            return view(f);
        });
    }

    List<FindingView> findings(String id) {
        return database.read(em -> {
            report(em, id);
            return em.createQuery("select f from Finding f where f.reportId = :r order by f.createdAt, f.id",
                    Finding.class).setParameter("r", id).getResultStream().map(Reports::view).toList();
        });
    }

    private static FindingView view(Finding f) {
        return new FindingView(f.id, f.step, f.severity, f.description, f.createdAt, f.createdBy);
    }

    InventoryReportView opinion(String id, OpinionForm form, AlliancePrincipal verifier) {
        InventoryReportView verified = database.inTransaction(em -> {
            Report r = report(em, id);
            requireNewest(r);
            requireState(r, "under-verification", "given an opinion");
            r.state = "verified";
            r.verifiedAt = clock.instant();
            r.verifiedBy = verifier.username();
            r.opinion = JsonText.write(new OpinionView(form.assurance(), form.materialityPercent(),
                    form.conclusion(), form.statement().strip(), verifier.username(), r.verifiedAt));
            return view(r);
        });
        announce(EmissionsEvents.REPORT_VERIFIED, verified, verifier, "emissions.report-verified");
        return verified;
    }

    static InventoryReportView view(Report r) {
        @SuppressWarnings("unchecked")
        List<String> choices = r.factorChoices == null ? List.of() : JsonText.read(r.factorChoices, List.class);
        return new InventoryReportView(r.id, r.periodId, r.year, r.reportVersion, r.state, r.correctionReason, r.supersededBy,
                r.gwpSet, choices, r.calculatedAt, r.stale, r.calculationDigest,
                r.calculation == null ? null : new Totals(r.scope1, r.scope2Location, r.scope2Market, r.scope3),
                r.submittedAt, r.verifiedAt, r.publishedAt,
                r.opinion == null ? null : JsonText.read(r.opinion, OpinionView.class));
    }
}
