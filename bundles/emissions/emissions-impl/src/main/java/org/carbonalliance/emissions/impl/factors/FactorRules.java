package org.carbonalliance.emissions.impl.factors;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import org.carbonalliance.emissions.api.EmissionFactor;
import org.carbonalliance.emissions.impl.calc.GwpTable;
import org.carbonalliance.emissions.impl.calc.UnitCatalogue;

/** What a factor from a source must be to enter the library. */
public final class FactorRules {

    public static final String ACTIVITY_TYPE = "[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)?";
    public static final String REGION = "GLOBAL|[A-Z]{2}(-[A-Z0-9]{1,12})?";
    private static final String KEY = "[a-z0-9][a-z0-9-]{0,149}";
    private static final Set<String> MASS = Set.of("g", "kg", "t", "lb", "short-ton");

    private FactorRules() {
    }

    /** @return what is wrong with {@code factor}, or empty when it may enter the library */
    public static Optional<String> problem(EmissionFactor f, GwpTable gwp) {
        if (!f.key().matches(KEY)) {
            return Optional.of("key '" + f.key() + "' must be lowercase letters, digits and '-', at most 150");
        }
        if (!f.activityType().matches(ACTIVITY_TYPE) || f.activityType().length() > 100) {
            return Optional.of(f.key() + ": activity type '" + f.activityType() + "' is not kebab-case item[/item]");
        }
        if (!f.region().matches(REGION)) {
            return Optional.of(f.key() + ": region '" + f.region() + "' is not GLOBAL or an ISO 3166 code");
        }
        if (!"CO2e".equals(f.gas()) && gwp.gwp(f.gas(), org.carbonalliance.emissions.impl.calc.GwpSet.AR5)
                .isEmpty()) {
            return Optional.of(f.key() + ": gas '" + f.gas() + "' is not one of " + gwp.gases() + " or CO2e");
        }
        if (f.value().signum() < 0) {
            return Optional.of(f.key() + ": a factor cannot be negative");
        }
        BigDecimal value = f.value().stripTrailingZeros();
        if (value.scale() > 12 || value.precision() - value.scale() > 26) {
            return Optional.of(f.key() + ": the value " + f.value().toPlainString() + " has more than 12 decimal "
                    + "places or 26 integer digits; the library stores DECIMAL(38,12)");
        }
        String mass = f.numeratorUnit().endsWith(" CO2e")
                ? f.numeratorUnit().substring(0, f.numeratorUnit().length() - 5) : f.numeratorUnit();
        if (!MASS.contains(mass)) {
            return Optional.of(f.key() + ": numerator unit '" + f.numeratorUnit() + "' must be a mass (g, kg, t, lb),"
                    + " optionally followed by ' CO2e'");
        }
        if (UnitCatalogue.unit(f.denominatorUnit()).isEmpty()) {
            return Optional.of(f.key() + ": denominator unit '" + f.denominatorUnit() + "' is not a known unit");
        }
        if (f.validYear() != null && (f.validYear() < 1990 || f.validYear() > 2100)) {
            return Optional.of(f.key() + ": valid year " + f.validYear() + " is out of range");
        }
        return Optional.empty();
    }
}
