package org.carbonalliance.emissions.impl;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.carbonalliance.emissions.impl.EmissionsRecords.ActivityForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.ActivityView;
import org.carbonalliance.emissions.impl.EmissionsRecords.FacilityForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.FacilityView;
import org.carbonalliance.emissions.impl.EmissionsRecords.InstrumentForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.InstrumentView;
import org.carbonalliance.emissions.impl.EmissionsRecords.PeriodForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.PeriodView;
import org.carbonalliance.emissions.impl.EmissionsRecords.ProfileForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.ProfileView;
import org.carbonalliance.emissions.impl.calc.Calculator;
import org.carbonalliance.emissions.impl.calc.UnitCatalogue;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.JsonText;

/**
 * A member's inventory data: profile (organisational boundary), facilities, periods, activity records and
 * contractual instruments. Activity data of a period can change only while its newest report version is a draft;
 * a change to a record an earlier submitted version holds closes that record and adds a new one.
 */
public class Inventory {

    static final String DEFAULT_BOUNDARY = "operational-control";

    private final Database database;
    private final FactorLibrary factors;
    private final Clock clock;

    public Inventory(Database database, FactorLibrary factors, Clock clock) {
        this.database = database;
        this.factors = factors;
        this.clock = clock;
    }

    // --- profile ---

    ProfileView profile() {
        return database.read(em -> profile(em).map(Inventory::view))
                .orElse(new ProfileView(DEFAULT_BOUNDARY, null, null, false));
    }

    static Optional<Profile> profile(EntityManager em) {
        return em.createQuery("select p from Profile p", Profile.class).getResultStream().findFirst();
    }

    ProfileView saveProfile(ProfileForm form) {
        return database.inTransaction(em -> {
            Profile existing = profile(em).orElse(null);
            Profile p = existing != null ? existing : new Profile();
            p.boundary = form.boundary();
            p.country = form.country();
            p.sector = form.sector() == null ? null : form.sector().strip();
            p.disclose = form.disclose();
            p.updatedAt = clock.instant();
            if (existing == null) {
                p.id = UUID.randomUUID().toString();
                em.persist(p);
            }
            markDraftsStale(em, null);
            return view(p);
        });
    }

    private static ProfileView view(Profile p) {
        return new ProfileView(p.boundary, p.country, p.sector, p.disclose);
    }

    // --- facilities ---

    List<FacilityView> facilities() {
        return database.read(em -> em.createQuery("select f from Facility f order by f.name", Facility.class)
                .getResultStream().map(Inventory::view).toList());
    }

    FacilityView facility(String id) {
        return database.read(em -> view(facility(em, id)));
    }

    static Facility facility(EntityManager em, String id) {
        Facility f = em.find(Facility.class, id);
        if (f == null) {
            throw ApiException.notFound("There is no facility " + id + " of yours.");
        }
        return f;
    }

    FacilityView createFacility(FacilityForm form) {
        return database.inTransaction(em -> {
            uniqueName(em, form.name().strip(), null);
            Facility f = new Facility();
            f.id = UUID.randomUUID().toString();
            f.createdAt = clock.instant();
            apply(f, form);
            em.persist(f);
            return view(f);
        });
    }

    FacilityView updateFacility(String id, FacilityForm form) {
        return database.inTransaction(em -> {
            Facility f = facility(em, id);
            uniqueName(em, form.name().strip(), id);
            apply(f, form);
            markDraftsStale(em, null);
            return view(f);
        });
    }

    private static void uniqueName(EntityManager em, String name, String except) {
        boolean taken = em.createQuery("select f.id from Facility f where f.name = :n", String.class)
                .setParameter("n", name).getResultStream().anyMatch(id -> !id.equals(except));
        if (taken) {
            throw new ApiException(409, "conflict", "You already have a facility named '" + name + "'.");
        }
    }

    private static void apply(Facility f, FacilityForm form) {
        f.name = form.name().strip();
        f.country = form.country();
        f.gridRegion = form.gridRegion();
        f.equityPercent = form.equityPercent() == null ? new BigDecimal("100") : form.equityPercent();
        f.operationalControl = form.operationalControl() == null || form.operationalControl();
        f.financialControl = form.financialControl() == null || form.financialControl();
    }

    static FacilityView view(Facility f) {
        return new FacilityView(f.id, f.name, f.country, f.gridRegion, f.equityPercent, f.operationalControl,
                f.financialControl);
    }

    // --- periods ---

    List<PeriodView> periods() {
        return database.read(em -> em.createQuery("select p from Period p order by p.startsOn", Period.class)
                .getResultStream().map(p -> view(em, p)).toList());
    }

    PeriodView period(String id) {
        return database.read(em -> view(em, period(em, id)));
    }

    static Period period(EntityManager em, String id) {
        Period p = em.find(Period.class, id);
        if (p == null) {
            throw ApiException.notFound("There is no reporting period " + id + " of yours.");
        }
        return p;
    }

    PeriodView createPeriod(PeriodForm form) {
        LocalDate starts = form.startsOn() != null ? form.startsOn()
                : form.year() != null ? LocalDate.of(form.year(), 1, 1) : null;
        LocalDate ends = form.endsOn() != null ? form.endsOn()
                : form.year() != null && form.startsOn() == null ? LocalDate.of(form.year(), 12, 31) : null;
        if (starts == null || ends == null) {
            throw ApiException.badRequest("Give a year (a calendar-year period) or startsOn and endsOn.",
                    List.of("year: required unless startsOn and endsOn are given"));
        }
        if (starts.getYear() < 1990 || ends.getYear() > 2100) {
            throw ApiException.badRequest("A reporting period lies between 1990 and 2100.",
                    List.of("startsOn: between 1990-01-01 and 2100-12-31"));
        }
        if (ends.isBefore(starts)) {
            throw ApiException.badRequest("The period ends before it starts.",
                    List.of("endsOn: must not be before startsOn (" + starts + ")"));
        }
        if (ends.isAfter(starts.plusMonths(24))) {
            throw ApiException.badRequest("A reporting period is at most two years long.",
                    List.of("endsOn: at most 24 months after startsOn"));
        }
        String name = form.name() != null ? form.name().strip()
                : starts.getDayOfYear() == 1 && ends.equals(starts.withDayOfYear(starts.lengthOfYear()))
                        ? String.valueOf(starts.getYear()) : starts + "/" + ends;
        return database.inTransaction(em -> {
            boolean taken = !em.createQuery("select p.id from Period p where p.name = :n", String.class)
                    .setParameter("n", name).getResultList().isEmpty();
            boolean overlaps = !em.createQuery("select p.id from Period p where p.startsOn <= :e and p.endsOn >= :s",
                    String.class).setParameter("s", starts).setParameter("e", ends).getResultList().isEmpty();
            if (taken || overlaps) {
                throw new ApiException(409, "conflict", taken ? "You already have a period named '" + name + "'."
                        : "This period overlaps one of your periods; periods must not overlap.");
            }
            Period p = new Period();
            p.id = UUID.randomUUID().toString();
            p.name = name;
            p.startsOn = starts;
            p.endsOn = ends;
            p.revision = 1;
            p.metrics = JsonText.write(form.metrics() == null ? Map.of() : new TreeMap<>(form.metrics()));
            p.createdAt = clock.instant();
            em.persist(p);
            return view(em, p);
        });
    }

    PeriodView setMetrics(String id, Map<String, BigDecimal> metrics) {
        return database.inTransaction(em -> {
            Period p = editable(em, id);
            p.metrics = JsonText.write(new TreeMap<>(metrics));
            return view(em, p);
        });
    }

    /** The stored metrics read back as exact decimals. */
    record StoredMetrics(Map<String, BigDecimal> metrics) {
    }

    static Map<String, BigDecimal> metrics(Period p) {
        return new TreeMap<>(JsonText.read("{\"metrics\":" + p.metrics + "}", StoredMetrics.class).metrics());
    }

    private static PeriodView view(EntityManager em, Period p) {
        return new PeriodView(p.id, p.name, p.startsOn, p.endsOn, p.revision, locked(em, p), metrics(p));
    }

    /** @return whether the period's newest report version is past draft (changes need a correction) */
    static boolean locked(EntityManager em, Period p) {
        return em.createQuery("select r.state from Report r where r.periodId = :p and r.reportVersion = :v",
                String.class).setParameter("p", p.id).setParameter("v", p.revision).getResultStream()
                .anyMatch(state -> !"draft".equals(state));
    }

    /**
     * The period, locked until the transaction ends, when its data may change: a submission waits for a change under
     * way (an upload too) and the other way round, so no record lands in a version already submitted.
     */
    static Period editable(EntityManager em, String periodId) {
        period(em, periodId);
        Period p = em.find(Period.class, periodId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (locked(em, p)) {
            throw new ApiException(409, "conflict", "Version " + p.revision + " of this period's report is submitted;"
                    + " start a correction (POST /api/emissions/reports/{id}/corrections) to change its data.");
        }
        return p;
    }

    /** Calculations of draft reports no longer match the data: submit refuses until they are recalculated. */
    static void markDraftsStale(EntityManager em, String periodId) {
        // Entities, not a bulk update: the tenant filter applies to queries and loaded rows.
        var drafts = em.createQuery("select r from Report r where r.state = 'draft' and r.stale = false "
                + "and r.calculation is not null" + (periodId == null ? "" : " and r.periodId = :p"), Report.class);
        if (periodId != null) {
            drafts.setParameter("p", periodId);
        }
        drafts.getResultList().forEach(r -> r.stale = true);
    }

    // --- activities ---

    /** The activity records of revision {@code revision} of a period, oldest first. */
    List<ActivityView> activities(String periodId, Integer revision, int offset, int limit) {
        return database.read(em -> {
            Period p = period(em, periodId);
            int rev = revision == null ? p.revision : revision;
            return em.createQuery("select a from Activity a where a.periodId = :p and a.fromRevision <= :r and "
                    + "(a.toRevision is null or a.toRevision > :r) order by a.createdAt, a.id", Activity.class)
                    .setParameter("p", periodId).setParameter("r", rev).setFirstResult(offset).setMaxResults(limit)
                    .getResultStream().map(Inventory::view).toList();
        });
    }

    ActivityView addActivity(String periodId, ActivityForm form, AlliancePrincipal caller) {
        return database.inTransaction(em -> {
            Period p = editable(em, periodId);
            Activity a = new Activity();
            a.id = UUID.randomUUID().toString();
            apply(em, a, p, form, caller);
            em.persist(a);
            ActivityTotals.added(em, a);
            markDraftsStale(em, periodId);
            return view(a);
        });
    }

    ActivityView updateActivity(String periodId, String id, ActivityForm form, AlliancePrincipal caller) {
        return database.inTransaction(em -> {
            Period p = editable(em, periodId);
            Activity a = current(em, p, id);
            Activity target = a;
            if (a.fromRevision < p.revision) {
                ActivityTotals.closed(em, a, p.revision);
                a.toRevision = p.revision;
                target = new Activity();
                target.id = UUID.randomUUID().toString();
            } else {
                ActivityTotals.removed(em, a);
            }
            apply(em, target, p, form, caller);
            if (target != a) {
                em.persist(target);
            }
            ActivityTotals.added(em, target);
            markDraftsStale(em, periodId);
            return view(target);
        });
    }

    void deleteActivity(String periodId, String id) {
        database.inTransaction(em -> {
            Period p = editable(em, periodId);
            Activity a = current(em, p, id);
            if (a.fromRevision < p.revision) {
                ActivityTotals.closed(em, a, p.revision);
                a.toRevision = p.revision;
            } else {
                ActivityTotals.removed(em, a);
                em.remove(a);
            }
            markDraftsStale(em, periodId);
            return null;
        });
    }

    private static Activity current(EntityManager em, Period p, String id) {
        Activity a = em.find(Activity.class, id);
        if (a == null || !a.periodId.equals(p.id) || a.toRevision != null) {
            throw ApiException.notFound("There is no current activity record " + id + " in this period.");
        }
        return a;
    }

    private void apply(EntityManager em, Activity a, Period p, ActivityForm form, AlliancePrincipal caller) {
        List<String> problems = problems(em, p, form);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("The activity record is not valid: " + problems.get(0), problems);
        }
        a.periodId = p.id;
        a.facilityId = form.facilityId();
        a.scope = form.scope();
        a.category = category(form);
        a.activityType = form.activityType();
        a.gas = blankToNull(form.gas());
        a.quantity = form.quantity();
        a.unit = form.unit().strip();
        a.startsOn = form.startsOn();
        a.endsOn = form.endsOn();
        a.activityYear = form.startsOn().getYear();
        a.method = blankToNull(form.method());
        a.evidence = blankToNull(form.evidence());
        a.dataQuality = blankToNull(form.dataQuality());
        a.description = blankToNull(form.description());
        a.fromRevision = p.revision;
        a.toRevision = null;
        a.createdAt = clock.instant();
        a.createdBy = caller.username();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** @return every problem with {@code form} beyond its field constraints, as "field: problem" */
    List<String> problems(EntityManager em, Period p, ActivityForm form) {
        List<String> problems = new ArrayList<>();
        if (em.find(Facility.class, form.facilityId()) == null) {
            problems.add("facilityId: there is no facility " + form.facilityId() + " of yours");
        }
        if (form.endsOn().isBefore(form.startsOn())) {
            problems.add("endsOn: must not be before startsOn (" + form.startsOn() + ")");
        }
        if (form.startsOn().isBefore(p.startsOn) || form.endsOn().isAfter(p.endsOn)) {
            problems.add("startsOn: the record must lie within the period " + p.startsOn + " to " + p.endsOn);
        }
        String category = category(form);
        if (category == null) {
            problems.add("category: " + categoryRule(form.scope()));
        }
        String unit = form.unit().strip();
        boolean direct = Calculator.DIRECT_TYPES.contains(form.activityType());
        if (direct) {
            String gas = blankToNull(form.gas());
            if (gas == null || factors.gwp().gwp(gas, org.carbonalliance.emissions.impl.calc.GwpSet.AR5).isEmpty()) {
                problems.add("gas: a " + form.activityType() + " names its gas, one of " + factors.gwp().gases()
                        + ("direct-emission".equals(form.activityType()) ? " or CO2e" : ""));
            } else if ("CO2e".equals(gas) && !"direct-emission".equals(form.activityType())) {
                problems.add("gas: CO2e is only for direct-emission entries");
            }
            if (!UnitCatalogue.convertible(unit, "t")) {
                problems.add("unit: a " + form.activityType() + " is a mass of gas (g, kg, t, lb), not '" + unit + "'");
            }
        } else {
            if (blankToNull(form.gas()) != null) {
                problems.add("gas: only refrigerant-loss, process-emission and direct-emission entries name a gas");
            }
            if (!factors.knowsActivityType(form.activityType())) {
                problems.add("activityType: no emission factor is available for '" + form.activityType()
                        + "'; see GET /api/emissions/factors/activity-types, or enter a direct-emission");
            } else if (UnitCatalogue.unit(unit).isEmpty()) {
                problems.add("unit: '" + unit + "' is not a known unit; use one of "
                        + String.join(", ", UnitCatalogue.symbols()) + " or an ISO 4217 currency code");
            } else {
                List<String> denominators = factors.denominators(form.activityType());
                if (denominators.stream().noneMatch(d -> UnitCatalogue.convertible(unit, d))) {
                    problems.add("unit: '" + unit + "' cannot be converted to the factor denominator"
                            + (denominators.size() == 1 ? " '" + denominators.get(0) + "'"
                                    : "s " + denominators)
                            + " of " + form.activityType());
                }
            }
        }
        return problems;
    }

    /** @return the record's category: given for scope 3, derived from the activity type for scopes 1 and 2 */
    static String category(ActivityForm form) {
        String type = form.activityType();
        String given = blankToNull(form.category());
        return switch (form.scope()) {
            case 1 -> {
                String derived = type.startsWith("stationary-combustion/") ? "stationary"
                        : type.startsWith("mobile-combustion/") ? "mobile"
                        : type.equals("refrigerant-loss") ? "fugitive"
                        : type.equals("process-emission") || type.startsWith("process/") ? "process"
                        : type.equals("direct-emission") ? given : null;
                yield derived != null && (given == null || given.equals(derived))
                        && List.of("stationary", "mobile", "process", "fugitive").contains(derived) ? derived : null;
            }
            case 2 -> Calculator.ENERGY.contains(type) && (given == null || given.equals(type)) ? type : null;
            default -> given != null && given.matches("[1-9]|1[0-5]") ? given : null;
        };
    }

    private static String categoryRule(int scope) {
        return switch (scope) {
            case 1 -> "scope 1 records are stationary-combustion/*, mobile-combustion/*, process/*, "
                    + "process-emission, refrigerant-loss, or a direct-emission with category stationary, mobile, "
                    + "process or fugitive";
            case 2 -> "scope 2 records are electricity, heat, steam or cooling";
            default -> "scope 3 records name their GHG Protocol category, 1 to 15";
        };
    }

    static ActivityView view(Activity a) {
        return new ActivityView(a.id, a.facilityId, a.scope, a.category, a.activityType, a.gas, a.quantity, a.unit,
                a.startsOn, a.endsOn, a.method, a.evidence, a.dataQuality, a.description, a.createdAt, a.createdBy);
    }

    // --- instruments ---

    List<InstrumentView> instruments(String periodId, Integer revision) {
        return database.read(em -> {
            Period p = period(em, periodId);
            int rev = revision == null ? p.revision : revision;
            return instruments(em, periodId, rev).stream().map(Inventory::view).toList();
        });
    }

    static List<InstrumentRecord> instruments(EntityManager em, String periodId, int revision) {
        return em.createQuery("select i from InstrumentRecord i where i.periodId = :p and i.fromRevision <= :r and "
                + "(i.toRevision is null or i.toRevision > :r) order by i.id", InstrumentRecord.class)
                .setParameter("p", periodId).setParameter("r", revision).getResultList();
    }

    InstrumentView addInstrument(String periodId, InstrumentForm form) {
        return database.inTransaction(em -> {
            Period p = editable(em, periodId);
            List<String> problems = new ArrayList<>();
            if (em.find(Facility.class, form.facilityId()) == null) {
                problems.add("facilityId: there is no facility " + form.facilityId() + " of yours");
            }
            if (form.year() < p.startsOn.getYear() || form.year() > p.endsOn.getYear()) {
                problems.add("year: must be a year of the period (" + p.startsOn.getYear() + "-"
                        + p.endsOn.getYear() + ")");
            }
            if ("supplier-specific".equals(form.type()) && form.tco2ePerMwh() == null) {
                problems.add("tco2ePerMwh: a supplier-specific instrument states its emission rate");
            }
            if (!problems.isEmpty()) {
                throw ApiException.badRequest("The instrument is not valid: " + problems.get(0), problems);
            }
            InstrumentRecord i = new InstrumentRecord();
            i.id = UUID.randomUUID().toString();
            i.periodId = periodId;
            i.facilityId = form.facilityId();
            i.year = form.year();
            i.type = form.type();
            i.energy = form.energy() == null ? "electricity" : form.energy();
            i.mwh = form.mwh();
            i.tco2ePerMwh = form.tco2ePerMwh() == null ? BigDecimal.ZERO : form.tco2ePerMwh();
            i.reference = form.reference().strip();
            i.evidence = blankToNull(form.evidence());
            i.fromRevision = p.revision;
            i.createdAt = clock.instant();
            em.persist(i);
            markDraftsStale(em, periodId);
            return view(i);
        });
    }

    void deleteInstrument(String periodId, String id) {
        database.inTransaction(em -> {
            Period p = editable(em, periodId);
            InstrumentRecord i = em.find(InstrumentRecord.class, id);
            if (i == null || !i.periodId.equals(periodId) || i.toRevision != null) {
                throw ApiException.notFound("There is no current instrument " + id + " in this period.");
            }
            if (i.fromRevision < p.revision) {
                i.toRevision = p.revision;
            } else {
                em.remove(i);
            }
            markDraftsStale(em, periodId);
            return null;
        });
    }

    static InstrumentView view(InstrumentRecord i) {
        return new InstrumentView(i.id, i.facilityId, i.year, i.type, i.energy, i.mwh, i.tco2ePerMwh, i.reference,
                i.evidence);
    }
}
