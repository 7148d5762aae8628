package org.carbonalliance.licensing.impl.terms;

import static org.carbonalliance.licensing.impl.terms.Vocabulary.*;

import java.util.List;

/**
 * The pool's standard offer: royalty-free licences to make ({@code reproduce}), use and sell the patents of
 * the whole pool, worldwide, for carbon peaking and carbon neutrality, against an annual report; with defensive
 * termination for a licensee who asserts a patent against the pool's patents or members.
 *
 * <p>Decisions: royalty-free is expressed by the absence of a {@code compensate} duty (ODRL has no
 * "free" term; a {@code payAmount eq 0} duty would read as "pay nothing", a duty that cannot be fulfilled or
 * breached). The three patent rights are three permissions with the same constraints and duty, rather than one
 * ODRL {@code use} (ODRL's {@code use} does not include {@code sell}, which is under {@code transfer});
 * {@link TermsText} renders them as one clause.
 */
public final class StandardOffer {

    private StandardOffer() {
    }

    /** The standard offer's terms. */
    public static OfferTerms terms() {
        List<Constraint> conditions = List.of(
                Constraint.of(PURPOSE, EQ, CARBON_NEUTRALITY),
                Constraint.of(SPATIAL, EQ, WORLDWIDE));
        List<Duty> duties = List.of(Duty.of(ANNUAL_REPORT));
        List<Rule> permissions = List.of(
                Rule.permission(REPRODUCE, Target.pool(), conditions, duties),
                Rule.permission(USE, Target.pool(), conditions, duties),
                Rule.permission(SELL, Target.pool(), conditions, duties));
        Rule noAssertion = Rule.prohibition(ASSERT_PATENT, Target.pool(), List.of(), List.of(Duty.of(TERMINATE)));
        return new OfferTerms(permissions, List.of(noAssertion), List.of());
    }
}
