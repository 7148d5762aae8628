package org.carbonalliance.emissions.impl.calc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Factors indexed for {@link FactorLookup}: the library's current ones, or the exact versions a past calculation
 * used (so recalculating it picks the same ones by the same rule).
 */
public final class FactorIndex implements FactorLookup {

    private final Map<String, List<Factor>> byActivityType;

    public FactorIndex(Collection<Factor> factors) {
        Map<String, List<Factor>> index = new HashMap<>();
        factors.forEach(f -> index.computeIfAbsent(f.activityType(), k -> new ArrayList<>()).add(f));
        this.byActivityType = Map.copyOf(index);
    }

    @Override
    public List<Factor> effective(String activityType, List<String> regions, int year, String unit) {
        List<Factor> candidates = byActivityType.getOrDefault(activityType, List.of());
        List<Factor> unconvertible = null;
        for (String region : regions) {
            List<Factor> chosen = ofYear(candidates.stream().filter(f -> f.region().equals(region)).toList(), year);
            List<Factor> convertible = chosen.stream()
                    .filter(f -> UnitCatalogue.convertible(unit, f.denominatorUnit())).toList();
            if (!convertible.isEmpty()) {
                return narrow(convertible, unit);
            }
            // A region whose factors are for another kind of quantity (China's per tonne of fuel, for an amount in
            // TJ) gives way to the next region; if none fits, the calculation names both units.
            if (unconvertible == null && !chosen.isEmpty()) {
                unconvertible = chosen;
            }
        }
        return unconvertible == null ? List.of() : narrow(unconvertible, unit);
    }

    /** The factors of the activity's year, else the latest before it, else without a year, else the earliest later. */
    private static List<Factor> ofYear(List<Factor> inRegion, int year) {
        Optional<Integer> bestYear = inRegion.stream().map(Factor::validYear)
                .filter(y -> y != null && y <= year).max(Comparator.naturalOrder());
        if (bestYear.isPresent()) {
            return inRegion.stream().filter(f -> bestYear.get().equals(f.validYear())).toList();
        }
        List<Factor> anyYear = inRegion.stream().filter(f -> f.validYear() == null).toList();
        if (!anyYear.isEmpty()) {
            return anyYear;
        }
        Optional<Integer> later = inRegion.stream().map(Factor::validYear).filter(y -> y != null)
                .min(Comparator.naturalOrder());
        return later.map(y -> inRegion.stream().filter(f -> y.equals(f.validYear())).toList()).orElse(List.of());
    }

    /** One source, one denominator, per-gas figures over totals, one factor per gas. */
    private static List<Factor> narrow(List<Factor> factors, String unit) {
        String source = factors.stream().map(Factor::source).sorted().findFirst().orElseThrow();
        List<Factor> ofSource = factors.stream().filter(f -> f.source().equals(source)).toList();
        Optional<String> denominator = ofSource.stream().map(Factor::denominatorUnit)
                .filter(d -> d.equals(unit)).findFirst()
                .or(() -> ofSource.stream().map(Factor::denominatorUnit).distinct().sorted()
                        .filter(d -> UnitCatalogue.convertible(unit, d)).findFirst());
        // Nothing converts: hand back one denominator's factors, so the calculation names both units.
        String chosen = denominator.orElseGet(() -> ofSource.stream().map(Factor::denominatorUnit).sorted()
                .findFirst().orElseThrow());
        List<Factor> sameUnit = ofSource.stream().filter(f -> f.denominatorUnit().equals(chosen)).toList();
        boolean perGas = sameUnit.stream().anyMatch(f -> !"CO2e".equals(f.gas()));
        Map<String, Factor> byGas = new java.util.TreeMap<>();
        sameUnit.stream().filter(f -> !perGas || !"CO2e".equals(f.gas()))
                .sorted(Comparator.comparing(Factor::key)).forEach(f -> byGas.putIfAbsent(f.gas(), f));
        return List.copyOf(byGas.values());
    }

    public boolean knows(String activityType) {
        return byActivityType.containsKey(activityType);
    }

    public List<String> activityTypes() {
        return byActivityType.keySet().stream().sorted().toList();
    }

    public List<String> denominators(String activityType) {
        return byActivityType.getOrDefault(activityType, List.of()).stream().map(Factor::denominatorUnit)
                .distinct().sorted().toList();
    }
}
