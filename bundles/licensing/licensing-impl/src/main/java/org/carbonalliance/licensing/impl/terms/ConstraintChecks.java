package org.carbonalliance.licensing.impl.terms;

import static org.carbonalliance.licensing.impl.terms.Vocabulary.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one list of constraints for {@link TermsValidator}: known left operands and operators, the
 * operators each left operand allows, the right operand values, the unit, and that no start date is after
 * an end date.
 */
final class ConstraintChecks {

    /** A CPC subclass ({@code Y02E}) or group ({@code Y02E 60/10}). */
    private static final Pattern CPC = Pattern.compile("[A-HY][0-9]{2}[A-Z]( [0-9]{1,4}/[0-9]{2,6})?");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_VALUES = 300;

    /** The operators each left operand allows. */
    private static final Map<String, List<String>> OPERATORS_OF = Map.of(
            PURPOSE, List.of(EQ, NEQ, IS_A, IS_ANY_OF, IS_NONE_OF),
            SPATIAL, List.of(EQ, IS_ANY_OF, IS_NONE_OF),
            DATE_TIME, List.of(EQ, LT, LTEQ, GT, GTEQ),
            PAY_AMOUNT, List.of(EQ, LT, LTEQ, GT, GTEQ),
            FIELD_OF_USE, List.of(EQ, IS_A, IS_PART_OF, IS_ALL_OF, IS_ANY_OF, IS_NONE_OF));

    private final List<String> problems;

    ConstraintChecks(List<String> problems) {
        this.problems = problems;
    }

    /** Checks rule constraints, or a duty's refinements ({@code onDuty}: only dateTime and payAmount). */
    void check(String path, List<Constraint> constraints, boolean onDuty) {
        if (constraints.size() > TermsValidator.MAX_CONSTRAINTS) {
            add(path, "too many (" + constraints.size() + "); at most " + TermsValidator.MAX_CONSTRAINTS);
            return;
        }
        for (int i = 0; i < constraints.size(); i++) {
            one(path + "[" + i + "]", constraints.get(i), onDuty);
        }
        dateOrder(path, constraints);
    }

    private void one(String at, Constraint c, boolean onDuty) {
        if (c == null) {
            add(at, "missing");
            return;
        }
        String left = c.leftOperand();
        if (!LEFT_OPERANDS.contains(left)) {
            add(at + ".leftOperand", "unknown leftOperand '" + left + "'; use one of " + String.join(", ", LEFT_OPERANDS));
            return;
        }
        if (onDuty && !DATE_TIME.equals(left) && !PAY_AMOUNT.equals(left)) {
            add(at + ".leftOperand", "'" + left + "' does not apply to a duty; use dateTime or payAmount");
        } else if (!onDuty && PAY_AMOUNT.equals(left)) {
            add(at + ".leftOperand", "payAmount is only allowed on a compensate duty");
        }
        String op = c.operator();
        if (!OPERATORS.contains(op)) {
            add(at + ".operator", "unknown operator '" + op + "'; use one of " + String.join(", ", OPERATORS));
            return;
        }
        if (!OPERATORS_OF.get(left).contains(op)) {
            add(at + ".operator", "'" + op + "' does not apply to " + left + "; use one of "
                    + String.join(", ", OPERATORS_OF.get(left)));
            return;
        }
        List<String> values = c.rightOperand();
        boolean set = SET_OPERATORS.contains(op);
        if (values.isEmpty() || values.size() > MAX_VALUES || (!set && values.size() != 1)) {
            add(at + ".rightOperand", (set ? "give 1 to " + MAX_VALUES + " values" : "give exactly one value")
                    + " for " + op);
            return;
        }
        if (c.unit() != null && !PAY_AMOUNT.equals(left)) {
            add(at + ".unit", "only payAmount takes a unit");
        }
        for (int i = 0; i < values.size(); i++) {
            String problem = value(left, values.get(i));
            if (problem != null) {
                add(at + ".rightOperand" + (set ? "[" + i + "]" : ""), problem);
            }
        }
        if (SPATIAL.equals(left) && values.contains(WORLDWIDE) && !(EQ.equals(op) && values.size() == 1)) {
            add(at + ".rightOperand", "'worldwide' stands alone, with eq");
        }
        if (PAY_AMOUNT.equals(left)) {
            unit(at + ".unit", c.unit());
        }
    }

    /** The problem with one right operand value, or {@code null}. */
    private static String value(String left, String v) {
        if (v == null) {
            return "missing value";
        }
        return switch (left) {
            case PURPOSE -> PURPOSES.contains(v) ? null
                    : "unknown purpose '" + v + "'; use one of " + String.join(", ", PURPOSES);
            case SPATIAL -> WORLDWIDE.equals(v) || COUNTRIES.contains(v) ? null
                    : "'" + v + "' is not an ISO 3166-1 alpha-2 country code (like CN, DE) or 'worldwide'";
            case DATE_TIME -> date(v) != null ? null : "'" + v + "' is not an ISO date like 2026-01-31";
            case PAY_AMOUNT -> amount(v);
            default -> CPC.matcher(v).matches() ? null
                    : "'" + v + "' is not a CPC symbol like 'Y02E 60/10' or a tag like 'Y02E'";
        };
    }

    private static String amount(String v) {
        try {
            BigDecimal amount = new BigDecimal(v);
            if (amount.signum() < 0) {
                return "negative amount " + v + " refused";
            }
            return amount.scale() > 4 || amount.precision() - amount.scale() > 15
                    ? "'" + v + "' is out of range (at most 15 digits, 4 decimals)" : null;
        } catch (NumberFormatException e) {
            return "'" + v + "' is not a decimal amount like 1000.00";
        }
    }

    private void unit(String at, String unit) {
        if (unit == null) {
            add(at, "missing; give an ISO 4217 currency code like EUR");
            return;
        }
        try {
            if (!Currency.getInstance(unit).getCurrencyCode().equals(unit)) {
                add(at, "'" + unit + "' is not an ISO 4217 currency code");
            }
        } catch (IllegalArgumentException e) {
            add(at, "'" + unit + "' is not an ISO 4217 currency code like EUR");
        }
    }

    static LocalDate date(String v) {
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A start (gt/gteq) must not be after an end (lt/lteq) of the same list. */
    private void dateOrder(String path, List<Constraint> constraints) {
        for (int s = 0; s < constraints.size(); s++) {
            LocalDate start = bound(constraints.get(s), GT, GTEQ);
            for (int e = 0; start != null && e < constraints.size(); e++) {
                LocalDate end = bound(constraints.get(e), LT, LTEQ);
                if (end != null && start.isAfter(end)) {
                    add(path + "[" + e + "].rightOperand", "end date " + end + " is before the start date "
                            + start + " of constraints[" + s + "]");
                }
            }
        }
    }

    private static LocalDate bound(Constraint c, String strict, String inclusive) {
        if (c == null || !DATE_TIME.equals(c.leftOperand()) || c.rightOperand().size() != 1
                || !(strict.equals(c.operator()) || inclusive.equals(c.operator()))) {
            return null;
        }
        return date(c.rightOperand().get(0));
    }

    private void add(String path, String message) {
        problems.add(path + ": " + message);
    }
}
