package org.carbonalliance.licensing.impl.terms;

import static org.carbonalliance.licensing.impl.terms.Vocabulary.*;

import java.util.List;

/** Offers shared by the tests. */
final class Offers {

    private Offers() {
    }

    /** A fee-bearing offer using every kind of target, constraint, duty, remedy and obligation. */
    static OfferTerms complex() {
        List<Constraint> conditions = List.of(
                Constraint.of(PURPOSE, IS_ANY_OF, CARBON_NEUTRALITY, CLIMATE_ADAPTATION),
                Constraint.of(SPATIAL, IS_ANY_OF, "CN", "DE", "FR"),
                Constraint.of(DATE_TIME, GTEQ, "2026-01-01"),
                Constraint.of(DATE_TIME, LTEQ, "2030-12-31"),
                Constraint.of(FIELD_OF_USE, IS_ANY_OF, "Y02E 60/10", "Y02T"));
        List<Duty> duties = List.of(
                new Duty(COMPENSATE, List.of(Constraint.fee("1000.00", "EUR"), Constraint.of(DATE_TIME, LTEQ, "2026-03-31"))),
                Duty.of(ATTRIBUTE));
        return new OfferTerms(
                List.of(Rule.permission(REPRODUCE, Target.ofPatents("CN112345678B", "EP3456789B1"), conditions, duties),
                        Rule.permission(USE, Target.ofPatents("CN112345678B", "EP3456789B1"), conditions, duties),
                        Rule.permission(MODIFY, Target.ofClimateTags("Y02E"), List.of(Constraint.of(SPATIAL, EQ, WORLDWIDE)), List.of()),
                        Rule.permission(DERIVE, Target.ofPatents("US10123456B2"), List.of(), List.of(Duty.of(INFORM)))),
                List.of(Rule.prohibition(SELL, Target.ofClimateTags("Y02E", "Y04S"),
                                List.of(Constraint.of(SPATIAL, IS_NONE_OF, "CN")), List.of(Duty.of(TERMINATE))),
                        Rule.prohibition(ASSERT_PATENT, Target.pool(), List.of(), List.of(Duty.of(TERMINATE)))),
                List.of(Rule.obligation(ANNUAL_REPORT, List.of()),
                        Rule.obligation(COMPENSATE, List.of(new Constraint(PAY_AMOUNT, EQ, List.of("250"), "CNY")))));
    }
}
