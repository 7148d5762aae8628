package org.carbonalliance.licensing.impl.terms;

import java.util.List;

/**
 * An ODRL rule: a permission, a prohibition or a policy obligation.
 *
 * @param action the action term (see {@link Vocabulary})
 * @param target the patents the rule is about; required on permissions and prohibitions, optional on obligations
 * @param constraints conditions under which the rule applies (all must hold)
 * @param duties duties of a permission (ODRL {@code duty}); empty on prohibitions and obligations
 * @param remedies remedies of a prohibition (ODRL {@code remedy}); empty on permissions and obligations
 */
public record Rule(String action, Target target, List<Constraint> constraints, List<Duty> duties, List<Duty> remedies) {

    public Rule {
        constraints = Lists.copy(constraints);
        duties = Lists.copy(duties);
        remedies = Lists.copy(remedies);
    }

    /** A permission with its constraints and duties. */
    public static Rule permission(String action, Target target, List<Constraint> constraints, List<Duty> duties) {
        return new Rule(action, target, constraints, duties, List.of());
    }

    /** A prohibition with its constraints and remedies. */
    public static Rule prohibition(String action, Target target, List<Constraint> constraints, List<Duty> remedies) {
        return new Rule(action, target, constraints, List.of(), remedies);
    }

    /** A policy-level obligation (a duty not tied to a permission). */
    public static Rule obligation(String action, List<Constraint> constraints) {
        return new Rule(action, null, constraints, List.of(), List.of());
    }
}
