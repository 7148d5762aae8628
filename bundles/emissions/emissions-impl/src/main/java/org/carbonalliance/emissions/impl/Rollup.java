package org.carbonalliance.emissions.impl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.carbonalliance.emissions.impl.EmissionsRecords.DisclosedMember;
import org.carbonalliance.emissions.impl.EmissionsRecords.RollupGroup;
import org.carbonalliance.emissions.impl.EmissionsRecords.RollupView;
import org.carbonalliance.emissions.impl.EmissionsRecords.RollupYear;
import org.carbonalliance.emissions.impl.EmissionsRecords.Totals;
import org.carbonalliance.licensing.api.AvoidedEmissions;
import org.carbonalliance.platform.api.persistence.Database;

/**
 * The alliance roll-up over published reports (each member's newest published version per period): totals by year
 * and scope where at least the configured number of members (not counting those who agreed to be named) published,
 * a breakdown by sector with small groups merged ({@link GroupSuppression}), members named only when they opted in,
 * and licensees' reported avoided emissions beside the totals (when enough licensees reported), never netted.
 */
public class Rollup {

    /** One published report's headline figures. */
    private record Published(String tenant, String period, int version, int year, Totals totals) {
    }

    private final Database database;
    private final IntSupplier minGroupSize;
    private final Function<String, String> memberName;
    private final Supplier<List<AvoidedEmissions.Year>> avoided;

    public Rollup(Database database, IntSupplier minGroupSize, Function<String, String> memberName,
            Supplier<List<AvoidedEmissions.Year>> avoided) {
        this.database = database;
        this.minGroupSize = minGroupSize;
        this.memberName = memberName;
        this.avoided = avoided;
    }

    RollupView rollup() {
        int k = minGroupSize.getAsInt();
        Map<String, Published> newest = new HashMap<>();
        Map<String, Profile> profiles = new HashMap<>();
        database.readAcrossTenants("emissions: alliance roll-up of published reports", em -> {
            em.createQuery("select r.tenantId, r.periodId, r.reportVersion, r.year, r.scope1, r.scope2Location, "
                    + "r.scope2Market, r.scope3 from Report r where r.state = 'published'", Object[].class)
                    .getResultList().forEach(row -> {
                        Published p = new Published((String) row[0], (String) row[1], (Integer) row[2],
                                (Integer) row[3], new Totals((BigDecimal) row[4], (BigDecimal) row[5],
                                        (BigDecimal) row[6], (BigDecimal) row[7]));
                        newest.merge(p.period(), p, (a, b) -> a.version() >= b.version() ? a : b);
                    });
            em.createQuery("select p from Profile p", Profile.class).getResultList()
                    .forEach(p -> profiles.put(p.tenantId, p));
            return null;
        });
        Map<Integer, Map<String, Totals>> byYearAndMember = new TreeMap<>();
        for (Published p : newest.values()) {
            byYearAndMember.computeIfAbsent(p.year(), y -> new HashMap<>()).merge(p.tenant(), p.totals(),
                    Rollup::add);
        }
        Map<Integer, AvoidedEmissions.Year> avoidedByYear = new TreeMap<>();
        avoided.get().forEach(y -> avoidedByYear.put(y.year(), y));
        Predicate<String> isPrivate = m -> profiles.get(m) == null || !profiles.get(m).disclose;
        List<RollupYear> years = new ArrayList<>();
        List<RollupGroup> groups = new ArrayList<>();
        List<DisclosedMember> disclosed = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        byYearAndMember.forEach((year, members) -> {
            if (!GroupSuppression.safe(members.keySet(), isPrivate, k)) {
                notes.add(year + ": fewer than " + k + " members published without being named; not shown");
                return;
            }
            years.add(new RollupYear(year, members.size(), sum(members.values()), shownAvoided(avoidedByYear.get(
                    year), k, notes)));
            // One breakdown dimension only: two (sector and country) could be subtracted from each other.
            breakdown(year, "sector", members, m -> profiles.containsKey(m) ? profiles.get(m).sector : null,
                    isPrivate, k, groups);
        });
        Map<String, String> names = new HashMap<>();
        for (Published p : newest.values()) {
            Profile profile = profiles.get(p.tenant());
            if (profile != null && profile.disclose) {
                disclosed.add(new DisclosedMember(names.computeIfAbsent(p.tenant(), memberName), p.year(),
                        p.version(), p.totals()));
            }
        }
        disclosed.sort(java.util.Comparator.comparing(DisclosedMember::year).thenComparing(DisclosedMember::name));
        avoidedByYear.forEach((year, claims) -> {
            if (!byYearAndMember.containsKey(year) || !GroupSuppression.safe(byYearAndMember.get(year).keySet(),
                    isPrivate, k)) {
                BigDecimal shown = shownAvoided(claims, k, notes);
                if (shown != null) {
                    years.add(new RollupYear(year, 0, null, shown));
                }
            }
        });
        years.sort(java.util.Comparator.comparingInt(RollupYear::year));
        return new RollupView(k, years, groups, disclosed, notes);
    }

    /** Licensees' claims for a year, when at least {@code k} licensees reported (so none is revealed). */
    private static BigDecimal shownAvoided(AvoidedEmissions.Year claims, int k, List<String> notes) {
        if (claims == null) {
            return null;
        }
        if (claims.licensees() < k) {
            notes.add(claims.year() + ": avoided emissions reported by fewer than " + k + " licensees; not shown");
            return null;
        }
        return claims.tco2e();
    }

    private static void breakdown(int year, String dimension, Map<String, Totals> members,
            Function<String, String> groupOf, Predicate<String> isPrivate, int k, List<RollupGroup> out) {
        Map<String, Set<String>> byGroup = new TreeMap<>();
        members.keySet().forEach(m -> byGroup.computeIfAbsent(groupOf.apply(m) == null ? "unspecified"
                : groupOf.apply(m), g -> new HashSet<>()).add(m));
        GroupSuppression.visible(byGroup, isPrivate, k).forEach((group, inGroup) -> out.add(new RollupGroup(year, dimension,
                group == null ? "other (smaller groups merged)" : group, inGroup.size(),
                sum(inGroup.stream().map(members::get).toList()))));
    }

    private static Totals sum(Iterable<Totals> totals) {
        Totals sum = new Totals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        for (Totals t : totals) {
            sum = add(sum, t);
        }
        return sum;
    }

    private static Totals add(Totals a, Totals b) {
        return new Totals(a.scope1().add(b.scope1()), a.scope2Location().add(b.scope2Location()),
                a.scope2Market().add(b.scope2Market()), a.scope3().add(b.scope3()));
    }
}
