package org.carbonalliance.licensing.impl.terms;

import static org.carbonalliance.licensing.impl.terms.Vocabulary.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks offer terms before they are stored or published. {@link #problems} lists every problem as
 * {@code "field path: message"}, e.g. {@code "permissions[0].action: unknown action 'copy'; use one of ..."};
 * an empty list means the terms are valid. Constraint values are checked by {@link ConstraintChecks}.
 */
public final class TermsValidator {

    public static final int MAX_RULES = 50;
    public static final int MAX_CONSTRAINTS = 50;
    public static final int MAX_DUTIES = 20;
    public static final int MAX_PATENTS = 1000;

    /** A DOCDB publication number: country, number, kind code (CN112345678B, EP3456789B1, US10123456B2). */
    private static final Pattern PUBLICATION = Pattern.compile("[A-Z]{2}[0-9]{4,13}[A-Z][0-9]?");

    private final List<String> problems = new ArrayList<>();

    private TermsValidator() {
    }

    /** Every problem of the terms; empty if they are valid. */
    public static List<String> problems(OfferTerms terms) {
        TermsValidator v = new TermsValidator();
        if (terms == null) {
            v.problems.add("terms: missing");
        } else {
            v.check(terms);
        }
        return List.copyOf(v.problems);
    }

    private void check(OfferTerms terms) {
        if (terms.permissions().isEmpty()) {
            add("permissions", "at least one permission is required");
        }
        rules("permissions", terms.permissions(), Kind.PERMISSION);
        rules("prohibitions", terms.prohibitions(), Kind.PROHIBITION);
        rules("obligations", terms.obligations(), Kind.OBLIGATION);
    }

    private enum Kind { PERMISSION, PROHIBITION, OBLIGATION }

    private void rules(String path, List<Rule> rules, Kind kind) {
        if (!bounded(path, rules.size(), MAX_RULES)) {
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            String at = path + "[" + i + "]";
            Rule rule = rules.get(i);
            if (rule == null) {
                add(at, "missing");
                continue;
            }
            action(at + ".action", rule.action(), kind);
            if (kind != Kind.OBLIGATION || rule.target() != null) {
                target(at + ".target", rule.target());
            }
            if (kind != Kind.OBLIGATION) {
                new ConstraintChecks(problems).check(at + ".constraints", rule.constraints(), false);
            }
            if (kind == Kind.PERMISSION) {
                duties(at + ".duties", rule.duties(), DUTY_ACTIONS);
            } else if (!rule.duties().isEmpty()) {
                add(at + ".duties", "duties are only allowed on permissions");
            }
            if (kind == Kind.PROHIBITION) {
                duties(at + ".remedies", rule.remedies(), REMEDY_ACTIONS);
            } else if (!rule.remedies().isEmpty()) {
                add(at + ".remedies", "remedies are only allowed on prohibitions");
            }
            if (kind == Kind.OBLIGATION) {
                dutyConstraints(at, rule.action(), rule.constraints());
            }
        }
    }

    private void action(String path, String action, Kind kind) {
        List<String> allowed = switch (kind) {
            case PERMISSION -> GRANT_ACTIONS;
            case PROHIBITION -> withAssertPatent();
            case OBLIGATION -> DUTY_ACTIONS;
        };
        if (action == null || action.isBlank()) {
            add(path, "missing; use one of " + String.join(", ", allowed));
        } else if (ASSERT_PATENT.equals(action) && kind != Kind.PROHIBITION) {
            add(path, "pool:assertPatent may only be used in a prohibition");
        } else if (DUTY_ACTIONS.contains(action) && kind != Kind.OBLIGATION) {
            add(path, "'" + action + "' is a duty action; put it in duties or obligations");
        } else if (TERMINATE.equals(action)) {
            add(path, "pool:terminate is a remedy; put it in the remedies of a prohibition");
        } else if (!allowed.contains(action)) {
            add(path, "unknown action '" + action + "'; use one of " + String.join(", ", allowed));
        }
    }

    private static List<String> withAssertPatent() {
        List<String> all = new ArrayList<>(GRANT_ACTIONS);
        all.add(ASSERT_PATENT);
        return all;
    }

    private void duties(String path, List<Duty> duties, List<String> allowed) {
        if (!bounded(path, duties.size(), MAX_DUTIES)) {
            return;
        }
        for (int i = 0; i < duties.size(); i++) {
            String at = path + "[" + i + "]";
            Duty duty = duties.get(i);
            if (duty == null) {
                add(at, "missing");
            } else if (duty.action() == null || !allowed.contains(duty.action())) {
                add(at + ".action", (duty.action() == null ? "missing" : "unknown action '" + duty.action() + "'")
                        + "; use one of " + String.join(", ", allowed));
            } else {
                dutyConstraints(at, duty.action(), duty.constraints());
            }
        }
    }

    /** A duty's constraints refine its action: dates (deadlines) anywhere, the fee only on compensate. */
    private void dutyConstraints(String at, String action, List<Constraint> constraints) {
        new ConstraintChecks(problems).check(at + ".constraints", constraints, true);
        long fees = constraints.stream().filter(c -> c != null && PAY_AMOUNT.equals(c.leftOperand())).count();
        if (COMPENSATE.equals(action) && fees != 1) {
            add(at + ".constraints", "a compensate duty needs exactly one payAmount constraint (the fee)");
        } else if (!COMPENSATE.equals(action) && fees > 0) {
            add(at + ".constraints", "payAmount is only allowed on a compensate duty");
        }
    }

    private void target(String path, Target target) {
        if (target == null) {
            add(path, "missing; choose the whole pool, patents or climateTags");
            return;
        }
        int kinds = (target.wholePool() ? 1 : 0) + (target.patents().isEmpty() ? 0 : 1)
                + (target.climateTags().isEmpty() ? 0 : 1);
        if (kinds != 1) {
            add(path, "choose exactly one of wholePool, patents or climateTags (found " + kinds + ")");
        }
        if (bounded(path + ".patents", target.patents().size(), MAX_PATENTS)) {
            values(path + ".patents", target.patents(), p -> PUBLICATION.matcher(p).matches(),
                    "is not a DOCDB publication number like CN112345678B");
        }
        if (bounded(path + ".climateTags", target.climateTags().size(), CLIMATE_TAGS.size())) {
            values(path + ".climateTags", target.climateTags(), CLIMATE_TAGS::contains,
                    "is not a climate tag; use one of " + String.join(", ", CLIMATE_TAGS));
        }
    }

    private void values(String path, List<String> values, java.util.function.Predicate<String> valid, String why) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || !valid.test(value)) {
                add(path + "[" + i + "]", "'" + value + "' " + why);
            } else if (!seen.add(value)) {
                add(path + "[" + i + "]", "'" + value + "' is listed twice");
            }
        }
    }

    private boolean bounded(String path, int size, int max) {
        if (size > max) {
            add(path, "too many (" + size + "); at most " + max);
            return false;
        }
        return true;
    }

    private void add(String path, String message) {
        problems.add(path + ": " + message);
    }
}
