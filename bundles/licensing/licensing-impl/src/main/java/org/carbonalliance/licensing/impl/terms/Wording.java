package org.carbonalliance.licensing.impl.terms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The phrases of one language for {@link TermsText}; each method returns a sentence or a phrase. */
interface Wording {

    String title(int version);

    String preamble();

    /** A numbered clause with its heading. */
    String clause(int number, String heading, String body);

    String grantHeading();

    String prohibitionHeading();

    String noAssertionHeading();

    String obligationHeading();

    String reservationHeading();

    String grant(List<String> actions, Target target, boolean royaltyFree);

    String prohibition(List<String> actions, Target target);

    /** The prohibition to assert patents against the pool's patents or members. */
    String noAssertion(Target target);

    /** The sentence listing conditions (empty if none); {@code prohibition}: the conditions of a prohibition. */
    String conditions(List<String> phrases, boolean prohibition);

    /** The sentence listing duties (empty if none); {@code standalone}: policy obligations. */
    String duties(List<String> phrases, boolean standalone);

    /** A constraint as a condition phrase. */
    String condition(Constraint constraint);

    /** A duty as a phrase, with its refinements (fee, deadline). */
    String duty(Duty duty);

    /** The consequence of breaching a prohibition; {@code defensive}: for asserting a patent. */
    String remedy(boolean defensive);

    String reservation();

    /** An amount with grouping and the decimals given, e.g. 1,000.00. */
    static String amount(String value) {
        BigDecimal amount = new BigDecimal(value);
        return String.format(Locale.ROOT, "%,." + Math.max(0, amount.scale()) + "f", amount);
    }

    static LocalDate date(String value) {
        return LocalDate.parse(value);
    }

    /** A country's name in a language. */
    static String country(String code, Locale language) {
        return new Locale("", code).getDisplayCountry(language);
    }
}
