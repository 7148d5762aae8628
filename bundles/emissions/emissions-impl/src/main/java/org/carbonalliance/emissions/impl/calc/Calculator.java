package org.carbonalliance.emissions.impl.calc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns activity groups into result lines and totals: direct entries times their GWP; everything else times the
 * factors effective for its region and year (or those chosen explicitly), per gas; scope 2 both location-based
 * (grid factors) and market-based (instruments first, then the residual mix, else the grid factor).
 */
public final class Calculator {

    /** Activity types entered as a mass of gas, needing no factor. */
    public static final Set<String> DIRECT_TYPES = Set.of("refrigerant-loss", "process-emission", "direct-emission");
    /** The scope 2 categories (and their activity types). */
    public static final Set<String> ENERGY = Set.of("electricity", "heat", "steam", "cooling");
    public static final String RESIDUAL_MIX = "electricity-residual-mix";
    /** CO2 from burning biomass: reported beside the scopes, never in them (GHG Protocol). */
    public static final String BIOGENIC = "CO2-biogenic";
    public static final String OUTSIDE_SCOPES = "outside-scopes";

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final Comparator<ActivityGroup> ORDER = Comparator.comparingInt(ActivityGroup::scope)
            .thenComparing(ActivityGroup::category).thenComparing(ActivityGroup::facilityId)
            .thenComparing(ActivityGroup::activityType).thenComparingInt(ActivityGroup::year)
            .thenComparing(g -> g.gas() == null ? "" : g.gas()).thenComparing(ActivityGroup::unit);

    private final GwpTable gwp;
    private final FactorLookup lookup;

    public Calculator(GwpTable gwp, FactorLookup lookup) {
        this.gwp = gwp;
        this.lookup = lookup;
    }

    /**
     * @param chosen factors chosen explicitly per activity type, instead of the effective ones
     * @throws CalculationException listing every group that cannot be calculated (no factor, units that do not
     *                              convert, an unknown gas)
     */
    public Calculation calculate(List<ActivityGroup> groups, Map<String, FacilityScope> facilities,
            List<Instrument> instruments, GwpSet set, Map<String, List<Factor>> chosen) {
        Run run = new Run(set, chosen);
        groups.stream().sorted(ORDER).forEach(g -> run.group(g, facilities.get(g.facilityId())));
        run.market(facilities, instruments);
        if (!run.problems.isEmpty()) {
            throw new CalculationException(run.problems);
        }
        return run.result();
    }

    /** The ISO 14064-1:2018 category of a line (a common crosswalk from the GHG Protocol's scopes and categories). */
    public static int isoCategory(int scope, String category) {
        if (scope == 1) {
            return 1;
        }
        if (scope == 2) {
            return 2;
        }
        return switch (Integer.parseInt(category)) {
            case 4, 6, 7, 9 -> 3;
            case 1, 2, 3, 5, 8 -> 4;
            case 10, 11, 12, 13 -> 5;
            default -> 6;
        };
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** Energy consumed per facility, year and energy type, for the market-based figure. */
    private record EnergyKey(String facilityId, int year, String energy) {
    }

    /** One calculation's working state. */
    private final class Run {
        final GwpSet set;
        final Map<String, List<Factor>> chosen;
        final List<ResultLine> lines = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Map<EnergyKey, BigDecimal> energy = new TreeMap<>(Comparator.comparing(EnergyKey::facilityId)
                .thenComparingInt(EnergyKey::year).thenComparing(EnergyKey::energy));
        final Map<EnergyKey, List<Factor>> locationFactors = new LinkedHashMap<>();

        Run(GwpSet set, Map<String, List<Factor>> chosen) {
            this.set = set;
            this.chosen = chosen;
        }

        void group(ActivityGroup g, FacilityScope facility) {
            if (facility == null) {
                problems.add(g.activityType() + " in " + g.year() + ": facility " + g.facilityId()
                        + " was not part of this calculation; recalculate the report");
                return;
            }
            String what = g.activityType() + " at " + facility.name() + " in " + g.year();
            if (facility.share().signum() == 0) {
                notes.add(what + ": outside the organisational boundary, " + g.records() + " record(s) not counted");
                return;
            }
            if (DIRECT_TYPES.contains(g.activityType())) {
                direct(g, facility, what);
                return;
            }
            List<Factor> factors = factorsFor(g.activityType(), facility, g.year(), g.unit());
            if (factors.isEmpty()) {
                problems.add(what + ": no emission factor for " + g.activityType() + " in " + facility.regions()
                        + " for " + g.year() + "; add a factor source or choose a factor explicitly");
                return;
            }
            for (Factor f : factors) {
                String basis = BIOGENIC.equals(f.gas()) ? OUTSIDE_SCOPES : g.scope() == 2 ? "location" : null;
                factorLine(g.scope(), g.category(), basis, facility, g.activityType(), g.year(), g.quantity(),
                        g.unit(), g.records(), f, what, yearNote(f, g.year()));
            }
            if (g.scope() == 2) {
                EnergyKey key = new EnergyKey(g.facilityId(), g.year(), g.category());
                try {
                    energy.merge(key, UnitCatalogue.convert(g.quantity(), g.unit(), "MWh"), BigDecimal::add);
                    locationFactors.put(key, factors);
                } catch (IllegalArgumentException e) {
                    problems.add(what + ": scope 2 energy must be an energy quantity: " + e.getMessage());
                }
            }
        }

        List<Factor> factorsFor(String activityType, FacilityScope facility, int year, String unit) {
            List<Factor> explicit = chosen.get(activityType);
            return explicit != null ? explicit : lookup.effective(activityType, facility.regions(), year, unit);
        }

        void direct(ActivityGroup g, FacilityScope facility, String what) {
            BigDecimal gwpValue = gwp.gwp(g.gas(), set).orElse(null);
            if (gwpValue == null) {
                problems.add(what + ": unknown gas " + g.gas());
                return;
            }
            BigDecimal tonnes;
            try {
                tonnes = UnitCatalogue.convert(g.quantity(), g.unit(), "t");
            } catch (IllegalArgumentException e) {
                problems.add(what + ": a direct entry is a mass of gas: " + e.getMessage());
                return;
            }
            BigDecimal result = round(tonnes.multiply(gwpValue, MC).multiply(facility.share(), MC));
            String arithmetic = plain(g.quantity()) + " " + g.unit() + " " + g.gas() + " = " + plain(tonnes) + " t "
                    + g.gas() + "; × GWP " + plain(gwpValue) + " (" + set + ")" + shareText(facility.share())
                    + " = " + plain(result) + " t CO2e";
            add(g.scope(), g.category(), BIOGENIC.equals(g.gas()) ? OUTSIDE_SCOPES : null, facility,
                    g.activityType(), g.year(), g.quantity(), g.unit(), g.records(), g.gas(), null, null, null, null, "CO2e".equals(g.gas()) ? null : tonnes, gwpValue,
                    result, arithmetic, null);
        }

        void factorLine(int scope, String category, String basis, FacilityScope facility, String activityType,
                int year, BigDecimal quantity, String unit, long records, Factor f, String what, String note) {
            BigDecimal converted;
            try {
                converted = UnitCatalogue.convert(quantity, unit, f.denominatorUnit());
            } catch (IllegalArgumentException e) {
                problems.add(what + ": the activity's unit '" + unit + "' does not convert to the denominator '"
                        + f.denominatorUnit() + "' of factor " + f.id() + " (" + e.getMessage() + ")");
                return;
            }
            BigDecimal gwpValue = f.isCo2e() ? BigDecimal.ONE : gwp.gwp(f.gas(), set).orElse(null);
            if (gwpValue == null) {
                problems.add(what + ": factor " + f.id() + " is for gas " + f.gas() + ", which has no GWP");
                return;
            }
            BigDecimal mass = converted.multiply(f.value(), MC);
            BigDecimal tonnes = UnitCatalogue.convert(mass, f.massUnit(), "t");
            BigDecimal result = round(tonnes.multiply(gwpValue, MC).multiply(facility.share(), MC));
            String gasLabel = f.isCo2e() ? "CO2e" : f.gas();
            StringBuilder arithmetic = new StringBuilder();
            arithmetic.append(plain(quantity)).append(' ').append(unit);
            if (!unit.equals(f.denominatorUnit())) {
                arithmetic.append(" = ").append(plain(converted)).append(' ').append(f.denominatorUnit());
            }
            arithmetic.append(" × ").append(plain(f.value())).append(' ').append(f.numeratorUnit())
                    .append(f.isCo2e() ? "" : " " + f.gas()).append('/').append(f.denominatorUnit()).append(" = ")
                    .append(plain(tonnes)).append(" t ").append(gasLabel);
            arithmetic.append(f.isCo2e() ? " (CO2e as published; the GWP set does not apply)"
                    : "; × GWP " + plain(gwpValue) + " (" + set + ")");
            arithmetic.append(shareText(facility.share())).append(" = ").append(plain(result)).append(" t CO2e");
            add(scope, category, basis, facility, activityType, year, quantity, unit, records, f.gas(), f.id(),
                    f.value(), f.numeratorUnit() + "/" + f.denominatorUnit(), f.citation(),
                    f.isCo2e() ? null : tonnes, gwpValue, result, arithmetic.toString(), note);
        }

        /** Market-based scope 2: instruments cover consumption first; the rest takes the residual mix or grid. */
        void market(Map<String, FacilityScope> facilities, List<Instrument> instruments) {
            Map<EnergyKey, List<Instrument>> byKey = new LinkedHashMap<>();
            instruments.stream().sorted(Comparator.comparing(Instrument::id)).forEach(i -> byKey
                    .computeIfAbsent(new EnergyKey(i.facilityId(), i.year(), i.energy()), k -> new ArrayList<>())
                    .add(i));
            for (EnergyKey key : byKey.keySet()) {
                if (!energy.containsKey(key)) {
                    FacilityScope f = facilities.get(key.facilityId());
                    notes.add("instruments for " + key.energy() + " at " + (f == null ? key.facilityId() : f.name())
                            + " in " + key.year() + " match no consumption and are not counted");
                }
            }
            energy.forEach((key, consumed) -> {
                FacilityScope facility = facilities.get(key.facilityId());
                String what = key.energy() + " at " + facility.name() + " in " + key.year();
                BigDecimal rest = consumed;
                for (Instrument i : byKey.getOrDefault(key, List.of())) {
                    BigDecimal covered = i.mwh().min(rest);
                    if (covered.signum() <= 0) {
                        notes.add(what + ": instrument " + i.reference() + " (" + plain(i.mwh())
                                + " MWh) exceeds the consumption and is not counted");
                        continue;
                    }
                    if (covered.compareTo(i.mwh()) < 0) {
                        notes.add(what + ": only " + plain(covered) + " of the " + plain(i.mwh())
                                + " MWh of instrument " + i.reference() + " are counted (consumption is lower)");
                    }
                    rest = rest.subtract(covered);
                    BigDecimal result = round(covered.multiply(i.tco2ePerMwh(), MC).multiply(facility.share(), MC));
                    String arithmetic = plain(covered) + " MWh covered by " + i.type() + " " + i.reference() + " × "
                            + plain(i.tco2ePerMwh()) + " t CO2e/MWh" + shareText(facility.share()) + " = "
                            + plain(result) + " t CO2e";
                    add(2, key.energy(), "market", facility, key.energy(), key.year(), covered, "MWh", 0, "CO2e",
                            null, i.tco2ePerMwh(), "t CO2e/MWh", i.type() + " " + i.reference(), null,
                            BigDecimal.ONE, result, arithmetic, null);
                }
                if (rest.signum() > 0) {
                    uncovered(key, facility, rest, what);
                }
            });
        }

        void uncovered(EnergyKey key, FacilityScope facility, BigDecimal rest, String what) {
            List<Factor> residual = "electricity".equals(key.energy())
                    ? factorsFor(RESIDUAL_MIX, facility, key.year(), "MWh") : List.of();
            String note = null;
            if (residual.isEmpty()) {
                residual = locationFactors.get(key);
                note = "no residual-mix factor for " + facility.regions() + " in " + key.year()
                        + ": the grid average is used, as the GHG Protocol Scope 2 Guidance allows (disclose it)";
            }
            for (Factor f : residual) {
                factorLine(2, key.energy(), "market", facility, key.energy(), key.year(), rest, "MWh", 0, f,
                        what + " (not covered by instruments)", note);
            }
        }

        void add(int scope, String category, String basis, FacilityScope facility, String activityType, int year,
                BigDecimal quantity, String unit, long records, String gas, String factorId, BigDecimal factorValue,
                String factorUnit, String citation, BigDecimal gasTonnes, BigDecimal gwpValue, BigDecimal tco2e,
                String arithmetic, String note) {
            lines.add(new ResultLine(lines.size() + 1, scope, category, basis, isoCategory(scope, category),
                    facility.id(), facility.name(), activityType, year, quantity, unit, records, gas, factorId,
                    factorValue, factorUnit, citation, gasTonnes, gwpValue, facility.share(), tco2e, arithmetic,
                    note));
        }

        Calculation result() {
            Map<String, BigDecimal> byScope = new LinkedHashMap<>();
            for (String scope : List.of("scope1", "scope2-location", "scope2-market", "scope3",
                    "biogenic-co2-outside-scopes")) {
                byScope.put(scope, BigDecimal.ZERO);
            }
            Map<String, BigDecimal> byCategory = new TreeMap<>();
            Map<String, BigDecimal> byIso = new TreeMap<>();
            Map<String, BigDecimal> byFacility = new TreeMap<>();
            Map<String, BigDecimal> byGas = new TreeMap<>();
            Map<String, BigDecimal> gasTonnes = new TreeMap<>();
            Map<String, BigDecimal> byYear = new TreeMap<>();
            Set<String> factorIds = new TreeSet<>();
            for (ResultLine l : lines) {
                if (l.factorId() != null) {
                    factorIds.add(l.factorId());
                }
                if ("market".equals(l.basis())) {
                    byScope.merge("scope2-market", l.tco2e(), BigDecimal::add);
                    continue;
                }
                if (OUTSIDE_SCOPES.equals(l.basis())) {
                    byScope.merge("biogenic-co2-outside-scopes", l.tco2e(), BigDecimal::add);
                    continue;
                }
                byScope.merge(l.scope() == 2 ? "scope2-location" : "scope" + l.scope(), l.tco2e(), BigDecimal::add);
                byCategory.merge("scope" + l.scope() + "/" + l.category(), l.tco2e(), BigDecimal::add);
                byIso.merge(String.valueOf(l.isoCategory()), l.tco2e(), BigDecimal::add);
                byFacility.merge(l.facilityId(), l.tco2e(), BigDecimal::add);
                byGas.merge(l.gas(), l.tco2e(), BigDecimal::add);
                if (l.gasTonnes() != null) {
                    gasTonnes.merge(l.gas(), l.gasTonnes().multiply(l.share(), MC), BigDecimal::add);
                }
                byYear.merge(String.valueOf(l.year()), l.tco2e(), BigDecimal::add);
            }
            gasTonnes.replaceAll((gas, t) -> round(t));
            return new Calculation(set, List.copyOf(lines), byScope, byCategory, byIso, byFacility, byGas, gasTonnes,
                    byYear, List.copyOf(factorIds), List.copyOf(notes));
        }
    }

    private static String shareText(BigDecimal share) {
        return share.compareTo(BigDecimal.ONE) == 0 ? ""
                : " × " + plain(share.multiply(BigDecimal.valueOf(100))) + " % equity share";
    }

    private static String yearNote(Factor f, int year) {
        if (f.validYear() == null || f.validYear() == year) {
            return null;
        }
        return "the factor describes " + f.validYear() + ", not " + year + (f.validYear() < year
                ? " (the newest available)" : " (no factor for " + year + " or earlier is available)");
    }

    /** Results are kept to the gram: six decimals of a tonne. */
    static BigDecimal round(BigDecimal tonnes) {
        return tonnes.setScale(6, RoundingMode.HALF_EVEN);
    }
}
