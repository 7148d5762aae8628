package org.carbonalliance.emissions.impl;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.carbonalliance.emissions.impl.EmissionsRecords.FactorPage;
import org.carbonalliance.emissions.impl.EmissionsRecords.RollupView;
import org.carbonalliance.emissions.impl.EmissionsRecords.Totals;
import org.carbonalliance.platform.api.persistence.Database;

/**
 * What the console's Emissions page shows, read across members (every cross-tenant read is audited with its reason):
 * the reports awaiting verification, the members with calculated reports, one member's totals per year with the line
 * of its first target, the factor library's search, and the alliance roll-up. Read-only.
 */
public class EmissionsConsole {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The awaiting table shows at most this many reports. */
    static final int AWAITING_LIMIT = 500;

    /** A report submitted for verification, or under it. */
    public record Awaiting(String reportId, String tenantId, String member, int year, int version, String state,
            Instant submittedAt, Totals totals) {
    }

    /** A member with at least one calculated report. */
    public record Member(String tenantId, String name) {
    }

    /**
     * One year of a member's series: its newest calculated report version's totals (t CO2e), and the target line's
     * value for the year (null where there is no line or the year is before the base year). A year with a target value
     * but no report has null totals.
     */
    public record SeriesYear(int year, Integer version, String state, BigDecimal scope1, BigDecimal scope2Location,
            BigDecimal scope2Market, BigDecimal scope3, BigDecimal target) {
    }

    /** The target drawn: the member's first; {@code message} says why there is no line, if there is none. */
    public record TargetLine(String name, String kind, List<String> scopes, String scope2Basis, int baseYear,
            int targetYear, BigDecimal reductionPercent, BigDecimal baseValue, BigDecimal targetValue, boolean drawn,
            String message) {
    }

    /** A member's emissions per year; {@code target} null when the member has no target. */
    public record Series(String tenantId, String name, List<SeriesYear> years, TargetLine target) {
    }

    private final Database database;
    private final Rollup rollup;
    private final Function<String, String> memberName;
    private final FactorSearch factors;

    public EmissionsConsole(Database database, Rollup rollup, Function<String, String> memberName) {
        this.database = database;
        this.rollup = rollup;
        this.memberName = memberName;
        this.factors = new FactorSearch(database);
    }

    /** Reports in state submitted or under-verification, across members, newest submission first. */
    List<Awaiting> awaitingVerification() {
        List<Report> reports = database.readAcrossTenants("emissions console: reports awaiting verification",
                em -> em.createQuery("select r from Report r where r.state in ('submitted', 'under-verification') "
                        + "order by r.submittedAt desc, r.createdAt desc", Report.class)
                        .setMaxResults(AWAITING_LIMIT).getResultList());
        Map<String, String> names = new TreeMap<>();
        List<Awaiting> out = new ArrayList<>();
        for (Report r : reports) {
            String name = names.computeIfAbsent(r.tenantId, memberName);
            out.add(new Awaiting(r.id, r.tenantId, name, r.year, r.reportVersion, r.state, r.submittedAt,
                    new Totals(r.scope1, r.scope2Location, r.scope2Market, r.scope3)));
        }
        return out;
    }

    /** The members that have at least one calculated report, by name. */
    List<Member> members() {
        List<String> tenants = database.readAcrossTenants("emissions console: members with calculated reports",
                em -> em.createQuery("select distinct r.tenantId from Report r where r.calculation is not null",
                        String.class).getResultList());
        return tenants.stream().map(t -> new Member(t, memberName.apply(t)))
                .sorted(Comparator.comparing(Member::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Member::tenantId))
                .toList();
    }

    /**
     * A member's series: per year its newest calculated report version's totals, and its first target's line. Years
     * run from the first report (or the base year) to the last report (or the target year).
     */
    Series series(String tenantId) {
        Map<Integer, Report> byYear = new TreeMap<>();
        List<Target> targets = new ArrayList<>();
        database.readAcrossTenants("emissions console: one member's emissions and target", em -> {
            em.createQuery("select r from Report r where r.tenantId = :tenant and r.calculation is not null "
                    + "order by r.reportVersion", Report.class).setParameter("tenant", tenantId).getResultList()
                    .forEach(r -> byYear.merge(r.year, r, (a, b) -> b.reportVersion >= a.reportVersion ? b : a));
            targets.addAll(em.createQuery("select t from Target t where t.tenantId = :tenant "
                    + "order by t.createdAt, t.id", Target.class).setParameter("tenant", tenantId).setMaxResults(1)
                    .getResultList());
            return null;
        });
        Target t = targets.isEmpty() ? null : targets.get(0);
        TargetLine line = t == null ? null : line(t, byYear.get(t.baseYear));
        TreeMap<Integer, SeriesYear> years = new TreeMap<>();
        byYear.forEach((year, r) -> years.put(year, new SeriesYear(year, r.reportVersion, r.state, r.scope1,
                r.scope2Location, r.scope2Market, r.scope3, null)));
        if (line != null && line.drawn()) {
            int first = Math.min(t.baseYear, years.isEmpty() ? t.baseYear : years.firstKey());
            int last = Math.max(t.targetYear, years.isEmpty() ? t.targetYear : years.lastKey());
            for (int year = first; year <= last; year++) {
                BigDecimal value = targetValue(t, line.baseValue(), year);
                SeriesYear y = years.get(year);
                years.put(year, y == null ? new SeriesYear(year, null, null, null, null, null, null, value)
                        : new SeriesYear(year, y.version(), y.state(), y.scope1(), y.scope2Location(),
                                y.scope2Market(), y.scope3(), value));
            }
        }
        return new Series(tenantId, memberName.apply(tenantId), List.copyOf(years.values()), line);
    }

    private static TargetLine line(Target t, Report base) {
        List<String> scopes = Arrays.stream(t.scopes.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        if (!"absolute".equals(t.kind)) {
            return new TargetLine(t.name, t.kind, scopes, t.scope2Basis, t.baseYear, t.targetYear,
                    t.reductionPercent, null, null, false, "An intensity target (per " + t.intensityMetric
                            + "): no line is drawn, the chart shows absolute emissions.");
        }
        BigDecimal baseValue = base == null ? null : emissions(t, scopes, base);
        if (baseValue == null) {
            return new TargetLine(t.name, t.kind, scopes, t.scope2Basis, t.baseYear, t.targetYear,
                    t.reductionPercent, null, null, false, "There is no calculated report for the base year "
                            + t.baseYear + ": no line is drawn.");
        }
        if (t.targetYear <= t.baseYear) {
            return new TargetLine(t.name, t.kind, scopes, t.scope2Basis, t.baseYear, t.targetYear,
                    t.reductionPercent, baseValue, null, false, "The target year is not after the base year: "
                            + "no line is drawn.");
        }
        return new TargetLine(t.name, t.kind, scopes, t.scope2Basis, t.baseYear, t.targetYear, t.reductionPercent,
                baseValue, targetValue(t, baseValue, t.targetYear), true, null);
    }

    /** The base year's emissions in the target's scopes; null when a figure is missing. */
    private static BigDecimal emissions(Target t, List<String> scopes, Report r) {
        BigDecimal total = BigDecimal.ZERO;
        for (String scope : scopes) {
            BigDecimal value = switch (scope) {
                case "scope1" -> r.scope1;
                case "scope2" -> "market".equals(t.scope2Basis) ? r.scope2Market : r.scope2Location;
                case "scope3" -> r.scope3;
                default -> BigDecimal.ZERO;
            };
            if (value == null) {
                return null;
            }
            total = total.add(value);
        }
        return total;
    }

    /**
     * base * (1 - percent/100 * (year - base year)/(target year - base year)), held at the target value after the
     * target year; null before the base year.
     */
    static BigDecimal targetValue(Target t, BigDecimal baseValue, int year) {
        if (year < t.baseYear) {
            return null;
        }
        int elapsed = Math.min(year, t.targetYear) - t.baseYear;
        BigDecimal share = BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(t.targetYear - t.baseYear), MC);
        BigDecimal factor = BigDecimal.ONE.subtract(t.reductionPercent.divide(HUNDRED, MC).multiply(share, MC), MC);
        return baseValue.multiply(factor, MC);
    }

    /** The factor library's current versions matching {@code criteria}. */
    FactorPage factors(FactorSearch.Criteria criteria, int limit) {
        return factors.search(criteria, 0, limit);
    }

    RollupView rollup() {
        return rollup.rollup();
    }
}
