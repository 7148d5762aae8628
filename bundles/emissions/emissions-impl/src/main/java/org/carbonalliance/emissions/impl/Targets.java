package org.carbonalliance.emissions.impl;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.DoubleSupplier;
import org.carbonalliance.emissions.impl.EmissionsRecords.ProgressView;
import org.carbonalliance.emissions.impl.EmissionsRecords.ProgressYear;
import org.carbonalliance.emissions.impl.EmissionsRecords.StructuralChangeForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.StructuralChangeView;
import org.carbonalliance.emissions.impl.EmissionsRecords.TargetForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.TargetView;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.web.ApiException;

/**
 * Reduction targets and progress against them: each year's newest calculated report version, for the target's
 * scopes, absolute or per unit of a period metric, against a straight path from the base year to the target year.
 * Structural changes beyond the significance threshold flag a base-year recalculation (GHG Protocol ch. 5).
 */
public class Targets {

    private static final MathContext MC = MathContext.DECIMAL64;

    private final Database database;
    private final Clock clock;
    private final DoubleSupplier significancePercent;

    public Targets(Database database, Clock clock, DoubleSupplier significancePercent) {
        this.database = database;
        this.clock = clock;
        this.significancePercent = significancePercent;
    }

    List<TargetView> list() {
        return database.read(em -> em.createQuery("select t from Target t order by t.createdAt", Target.class)
                .getResultStream().map(Targets::view).toList());
    }

    TargetView create(TargetForm form) {
        List<String> problems = new ArrayList<>();
        if (form.targetYear() <= form.baseYear()) {
            problems.add("targetYear: must be after baseYear (" + form.baseYear() + ")");
        }
        if ("intensity".equals(form.kind()) && form.intensityMetric() == null) {
            problems.add("intensityMetric: an intensity target names the period metric it divides by");
        }
        if (form.scopes().stream().distinct().count() < form.scopes().size()) {
            problems.add("scopes: each scope once");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("The target is not valid: " + problems.get(0), problems);
        }
        return database.inTransaction(em -> {
            Target t = new Target();
            t.id = UUID.randomUUID().toString();
            t.name = form.name().strip();
            t.scopes = String.join(",", form.scopes().stream().sorted().toList());
            t.scope2Basis = form.scope2Basis() == null ? "location" : form.scope2Basis();
            t.kind = form.kind();
            t.intensityMetric = "intensity".equals(form.kind()) ? form.intensityMetric() : null;
            t.baseYear = form.baseYear();
            t.targetYear = form.targetYear();
            t.reductionPercent = form.reductionPercent();
            t.createdAt = clock.instant();
            em.persist(t);
            return view(t);
        });
    }

    void delete(String id) {
        database.inTransaction(em -> {
            em.remove(target(em, id));
            return null;
        });
    }

    private static Target target(EntityManager em, String id) {
        Target t = em.find(Target.class, id);
        if (t == null) {
            throw ApiException.notFound("There is no target " + id + " of yours.");
        }
        return t;
    }

    ProgressView progress(String id) {
        return database.read(em -> {
            Target t = target(em, id);
            Map<Integer, Report> byYear = newestCalculated(em);
            Map<String, Period> periods = new TreeMap<>();
            em.createQuery("select p from Period p", Period.class).getResultList().forEach(p -> periods.put(p.id, p));
            Report base = byYear.get(t.baseYear);
            BigDecimal baseEmissions = base == null ? null : emissions(t, base);
            BigDecimal baseValue = base == null ? null : value(t, base, periods.get(base.periodId));
            if (baseValue == null) {
                return new ProgressView(view(t), null, null, List.of(), null, BigDecimal.valueOf(
                        significancePercent.getAsDouble()), false, base == null ? "There is no calculated report for "
                                + "the base year " + t.baseYear + "." : "The base year's period has no metric '"
                                        + t.intensityMetric + "'.");
            }
            BigDecimal targetValue = baseValue.multiply(BigDecimal.ONE.subtract(t.reductionPercent.movePointLeft(2)),
                    MC);
            List<ProgressYear> years = new ArrayList<>();
            byYear.forEach((year, r) -> {
                if (year < t.baseYear) {
                    return;
                }
                Period p = periods.get(r.periodId);
                BigDecimal value = value(t, r, p);
                BigDecimal path = path(year, t, baseValue, targetValue);
                years.add(new ProgressYear(year, r.reportVersion, r.state, emissions(t, r),
                        t.intensityMetric == null ? null : Inventory.metrics(p).get(t.intensityMetric), value, path,
                        value == null || baseValue.signum() == 0 ? null : baseValue.subtract(value)
                                .multiply(BigDecimal.valueOf(100)).divide(baseValue, 2, RoundingMode.HALF_EVEN),
                        value != null && value.compareTo(path) <= 0));
            });
            BigDecimal changes = em.createQuery("select s from StructuralChange s", StructuralChange.class)
                    .getResultStream().map(s -> s.baseYearImpact.abs()).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal changePercent = baseEmissions.signum() == 0 ? BigDecimal.ZERO : changes
                    .multiply(BigDecimal.valueOf(100)).divide(baseEmissions, 2, RoundingMode.HALF_EVEN);
            BigDecimal threshold = BigDecimal.valueOf(significancePercent.getAsDouble());
            boolean recalculate = changePercent.compareTo(threshold) > 0;
            return new ProgressView(view(t), baseValue, targetValue, years, changePercent, threshold, recalculate,
                    recalculate ? "Structural changes amount to " + changePercent + " % of base-year emissions, "
                            + "above the " + threshold + " % threshold: recalculate the base year." : null);
        });
    }

    /** Each year's newest report version that has a calculation. */
    private static Map<Integer, Report> newestCalculated(EntityManager em) {
        Map<Integer, Report> byYear = new TreeMap<>();
        em.createQuery("select r from Report r where r.calculation is not null order by r.reportVersion",
                Report.class).getResultList().forEach(r -> byYear.put(r.year, r));
        return byYear;
    }

    private static BigDecimal emissions(Target t, Report r) {
        BigDecimal total = BigDecimal.ZERO;
        for (String scope : t.scopes.split(",")) {
            total = total.add(switch (scope) {
                case "scope1" -> r.scope1;
                case "scope2" -> "market".equals(t.scope2Basis) ? r.scope2Market : r.scope2Location;
                default -> r.scope3;
            });
        }
        return total;
    }

    private static BigDecimal value(Target t, Report r, Period p) {
        BigDecimal emissions = emissions(t, r);
        if (t.intensityMetric == null) {
            return emissions;
        }
        BigDecimal metric = p == null ? null : Inventory.metrics(p).get(t.intensityMetric);
        return metric == null ? null : emissions.divide(metric, MC);
    }

    private static BigDecimal path(int year, Target t, BigDecimal base, BigDecimal target) {
        if (year >= t.targetYear) {
            return target;
        }
        BigDecimal share = BigDecimal.valueOf(year - t.baseYear).divide(BigDecimal.valueOf(t.targetYear
                - t.baseYear), MC);
        return base.add(target.subtract(base).multiply(share, MC), MC);
    }

    static TargetView view(Target t) {
        return new TargetView(t.id, t.name, Arrays.asList(t.scopes.split(",")), t.scope2Basis, t.kind,
                t.intensityMetric, t.baseYear, t.targetYear, t.reductionPercent);
    }

    List<StructuralChangeView> changes() {
        return database.read(em -> em.createQuery("select s from StructuralChange s order by s.occurredOn",
                StructuralChange.class).getResultStream().map(Targets::view).toList());
    }

    StructuralChangeView addChange(StructuralChangeForm form) {
        if (form.occurredOn().getYear() < 1990 || form.occurredOn().getYear() > 2100) {
            throw ApiException.badRequest("A structural change occurs between 1990 and 2100.",
                    List.of("occurredOn: between 1990-01-01 and 2100-12-31"));
        }
        return database.inTransaction(em -> {
            StructuralChange s = new StructuralChange();
            s.id = UUID.randomUUID().toString();
            s.occurredOn = form.occurredOn();
            s.kind = form.kind();
            s.description = form.description().strip();
            s.baseYearImpact = form.baseYearImpactTco2e();
            s.createdAt = clock.instant();
            em.persist(s);
            return view(s);
        });
    }

    private static StructuralChangeView view(StructuralChange s) {
        return new StructuralChangeView(s.id, s.occurredOn, s.kind, s.description, s.baseYearImpact);
    }
}
