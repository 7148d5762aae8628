package org.carbonalliance.licensing.impl.terms;

import java.util.List;

/**
 * An ODRL duty (of a permission) or remedy (of a prohibition). Its constraints refine the action — e.g. the
 * fee of a {@code compensate} duty is a {@code payAmount} constraint — and are written as ODRL
 * {@code refinement}s of the action in the JSON-LD.
 *
 * @param action a duty action ({@code inform}, {@code pool:annualReport}, {@code attribute}, {@code compensate})
 *        or the remedy action {@code pool:terminate}
 * @param constraints refinements of the action
 */
public record Duty(String action, List<Constraint> constraints) {

    public Duty {
        constraints = Lists.copy(constraints);
    }

    /** A duty without refinements. */
    public static Duty of(String action) {
        return new Duty(action, List.of());
    }
}
