package org.carbonalliance.licensing.impl.terms;

import static org.carbonalliance.licensing.impl.terms.Vocabulary.*;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.Test;

public class TermsValidatorTest {

    private static final List<Constraint> NONE = List.of();

    @Test
    public void acceptsTheStandardAndTheComplexOffer() {
        assertEquals(List.of(), TermsValidator.problems(StandardOffer.terms()));
        assertEquals(List.of(), TermsValidator.problems(Offers.complex()));
    }

    @Test
    public void refusesUnknownAction() {
        assertOnly(permit(new Rule("copy", Target.pool(), NONE, List.of(), List.of())),
                "permissions[0].action: unknown action 'copy'; use one of reproduce, use, sell, distribute, modify, derive");
    }

    @Test
    public void refusesUnknownOperator() {
        assertOnly(permit(grant(Constraint.of(SPATIAL, "within", "CN"))),
                "permissions[0].constraints[0].operator: unknown operator 'within'; use one of eq, neq, lt, lteq, gt, "
                        + "gteq, isA, isPartOf, isAllOf, isAnyOf, isNoneOf");
    }

    @Test
    public void refusesUnknownLeftOperand() {
        assertOnly(permit(grant(Constraint.of("industry", EQ, "energy"))),
                "permissions[0].constraints[0].leftOperand: unknown leftOperand 'industry'; use one of purpose, spatial, "
                        + "dateTime, payAmount, pool:fieldOfUse");
    }

    @Test
    public void refusesBadCountryAndOperatorForOperand() {
        assertOnly(permit(grant(Constraint.of(SPATIAL, IS_ANY_OF, "CN", "XX"))),
                "permissions[0].constraints[0].rightOperand[1]: 'XX' is not an ISO 3166-1 alpha-2 country code (like CN, DE) or 'worldwide'");
        assertOnly(permit(grant(Constraint.of(SPATIAL, GT, "CN"))),
                "permissions[0].constraints[0].operator: 'gt' does not apply to spatial; use one of eq, isAnyOf, isNoneOf");
        assertOnly(permit(grant(Constraint.of(DATE_TIME, IS_ANY_OF, "2026-01-01"))),
                "permissions[0].constraints[0].operator: 'isAnyOf' does not apply to dateTime; use one of eq, lt, lteq, gt, gteq");
    }

    @Test
    public void refusesDatesOutOfOrderAndBadDates() {
        assertOnly(permit(grant(Constraint.of(DATE_TIME, GTEQ, "2030-01-01"), Constraint.of(DATE_TIME, LTEQ, "2026-12-31"))),
                "permissions[0].constraints[1].rightOperand: end date 2026-12-31 is before the start date 2030-01-01 of constraints[0]");
        assertOnly(permit(grant(Constraint.of(DATE_TIME, GTEQ, "31/12/2026"))),
                "permissions[0].constraints[0].rightOperand: '31/12/2026' is not an ISO date like 2026-01-31");
    }

    @Test
    public void refusesNegativeFeeBadCurrencyAndMisplacedFee() {
        Rule negative = Rule.permission(USE, Target.pool(), NONE,
                List.of(new Duty(COMPENSATE, List.of(Constraint.fee("-5.00", "EUR")))));
        assertOnly(permit(negative), "permissions[0].duties[0].constraints[0].rightOperand: negative amount -5.00 refused");
        Rule badCurrency = Rule.permission(USE, Target.pool(), NONE,
                List.of(new Duty(COMPENSATE, List.of(Constraint.fee("5", "EURO")))));
        assertOnly(permit(badCurrency), "permissions[0].duties[0].constraints[0].unit: 'EURO' is not an ISO 4217 currency code like EUR");
        assertOnly(permit(grant(Constraint.fee("5", "EUR"))),
                "permissions[0].constraints[0].leftOperand: payAmount is only allowed on a compensate duty");
        Rule noFee = Rule.permission(USE, Target.pool(), NONE, List.of(Duty.of(COMPENSATE)));
        assertOnly(permit(noFee), "permissions[0].duties[0].constraints: a compensate duty needs exactly one payAmount constraint (the fee)");
    }

    @Test
    public void refusesAssertPatentInPermissionAndMisplacedDutiesAndRemedies() {
        assertOnly(permit(new Rule(ASSERT_PATENT, Target.pool(), NONE, List.of(), List.of())),
                "permissions[0].action: pool:assertPatent may only be used in a prohibition");
        assertOnly(permit(new Rule(USE, Target.pool(), NONE, List.of(), List.of(Duty.of(TERMINATE)))),
                "permissions[0].remedies: remedies are only allowed on prohibitions");
        OfferTerms badRemedy = new OfferTerms(List.of(grant()),
                List.of(Rule.prohibition(ASSERT_PATENT, Target.pool(), NONE, List.of(Duty.of(INFORM)))), List.of());
        assertOnly(badRemedy, "prohibitions[0].remedies[0].action: unknown action 'inform'; use one of pool:terminate");
        assertOnly(permit(new Rule(INFORM, Target.pool(), NONE, List.of(), List.of())),
                "permissions[0].action: 'inform' is a duty action; put it in duties or obligations");
    }

    @Test
    public void refusesTwoTargetKindsAndBadTargets() {
        assertOnly(permit(Rule.permission(USE, new Target(true, List.of("CN112345678B"), List.of()), NONE, List.of())),
                "permissions[0].target: choose exactly one of wholePool, patents or climateTags (found 2)");
        assertOnly(permit(Rule.permission(USE, Target.ofPatents("CN 112345678 B"), NONE, List.of())),
                "permissions[0].target.patents[0]: 'CN 112345678 B' is not a DOCDB publication number like CN112345678B");
        assertOnly(permit(Rule.permission(USE, Target.ofClimateTags("Y03X"), NONE, List.of())),
                "permissions[0].target.climateTags[0]: 'Y03X' is not a climate tag; use one of Y02A, Y02B, Y02C, Y02D, Y02E, Y02P, Y02T, Y02W, Y04S");
        assertOnly(permit(Rule.permission(USE, null, NONE, List.of())),
                "permissions[0].target: missing; choose the whole pool, patents or climateTags");
    }

    @Test
    public void refusesNoPermissionsAndOversizedLists() {
        assertOnly(new OfferTerms(List.of(), List.of(), List.of()), "permissions: at least one permission is required");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add("CN" + (100000000 + i) + "B");
        }
        assertOnly(permit(Rule.permission(USE, new Target(false, many, List.of()), NONE, List.of())),
                "permissions[0].target.patents: too many (1001); at most 1000");
        assertOnly(permit(grant(Collections.nCopies(51, Constraint.of(SPATIAL, EQ, "CN")).toArray(Constraint[]::new))),
                "permissions[0].constraints: too many (51); at most 50");
    }

    @Test
    public void checksFieldOfUseAndPurposeValues() {
        assertEquals(List.of(), TermsValidator.problems(permit(grant(Constraint.of(FIELD_OF_USE, IS_A, "Y02E 60/10")))));
        assertOnly(permit(grant(Constraint.of(FIELD_OF_USE, EQ, "Y02E60/10"))),
                "permissions[0].constraints[0].rightOperand: 'Y02E60/10' is not a CPC symbol like 'Y02E 60/10' or a tag like 'Y02E'");
        assertOnly(permit(grant(Constraint.of(PURPOSE, EQ, "profit"))),
                "permissions[0].constraints[0].rightOperand: unknown purpose 'profit'; use one of pool:carbonNeutrality, "
                        + "pool:climateAdaptation, pool:research");
    }

    @Test
    public void reportsEveryProblem() {
        OfferTerms terms = permit(new Rule("copy", new Target(false, List.of(), List.of()), List.of(Constraint.of(SPATIAL, EQ, "ZZ")),
                List.of(), List.of()));
        List<String> problems = TermsValidator.problems(terms);
        assertEquals(problems.toString(), 3, problems.size());
        assertTrue(problems.get(0).startsWith("permissions[0].action:"));
        assertTrue(problems.get(1).startsWith("permissions[0].target:"));
        assertTrue(problems.get(2).startsWith("permissions[0].constraints[0].rightOperand:"));
    }

    private static Rule grant(Constraint... constraints) {
        return Rule.permission(USE, Target.pool(), List.of(constraints), List.of());
    }

    private static OfferTerms permit(Rule permission) {
        return new OfferTerms(List.of(permission), List.of(), List.of());
    }

    private static void assertOnly(OfferTerms terms, String problem) {
        assertEquals(List.of(problem), TermsValidator.problems(terms));
    }
}
