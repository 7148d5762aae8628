package org.carbonalliance.licensing.impl.terms;

import static org.carbonalliance.licensing.impl.terms.Vocabulary.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Readable licence text in English and Chinese, generated from the same terms as the ODRL offer: a title, a
 * preamble, numbered clauses (grants with their conditions and duties, prohibitions with their remedies,
 * obligations) and a reservation of rights. Consecutive rules that differ only in their action are one clause
 * ("make, use and sell"). The offer is called royalty-free when no duty asks for a fee above zero. The
 * language-specific phrasing is in {@link EnglishWording} and {@link ChineseWording}.
 */
public final class TermsText {

    private TermsText() {
    }

    /** The English text of an offer. */
    public static String english(OfferTerms terms, int version) {
        return write(terms, version, new EnglishWording());
    }

    /** The Chinese (simplified) text of an offer. */
    public static String chinese(OfferTerms terms, int version) {
        return write(terms, version, new ChineseWording());
    }

    private static String write(OfferTerms terms, int version, Wording w) {
        StringBuilder text = new StringBuilder(w.title(version)).append("\n\n").append(w.preamble()).append("\n\n");
        int n = 0;
        boolean royaltyFree = royaltyFree(terms);
        for (Group g : groups(terms.permissions())) {
            String body = w.grant(g.actions, g.rule.target(), royaltyFree)
                    + w.conditions(phrases(g.rule.constraints(), w), false)
                    + w.duties(g.rule.duties().stream().map(w::duty).toList(), false);
            text.append(w.clause(++n, w.grantHeading(), body)).append("\n\n");
        }
        for (Group g : groups(terms.prohibitions())) {
            boolean assertion = g.actions.contains(ASSERT_PATENT);
            String body = (assertion ? w.noAssertion(g.rule.target()) : w.prohibition(g.actions, g.rule.target()))
                    + w.conditions(phrases(g.rule.constraints(), w), true)
                    + String.join("", g.rule.remedies().stream().map(r -> w.remedy(assertion)).distinct().toList());
            text.append(w.clause(++n, assertion ? w.noAssertionHeading() : w.prohibitionHeading(), body)).append("\n\n");
        }
        if (!terms.obligations().isEmpty()) {
            List<String> duties = terms.obligations().stream()
                    .map(o -> w.duty(new Duty(o.action(), o.constraints()))).toList();
            text.append(w.clause(++n, w.obligationHeading(), w.duties(duties, true))).append("\n\n");
        }
        return text.append(w.clause(++n, w.reservationHeading(), w.reservation())).append('\n').toString();
    }

    private static List<String> phrases(List<Constraint> constraints, Wording w) {
        return constraints.stream().map(w::condition).toList();
    }

    /** No duty asks for a fee above zero. */
    static boolean royaltyFree(OfferTerms terms) {
        return Stream.concat(terms.permissions().stream().flatMap(r -> r.duties().stream()),
                        terms.obligations().stream().map(o -> new Duty(o.action(), o.constraints())))
                .filter(d -> COMPENSATE.equals(d.action()))
                .flatMap(d -> d.constraints().stream())
                .filter(c -> PAY_AMOUNT.equals(c.leftOperand()))
                .flatMap(c -> c.rightOperand().stream())
                .noneMatch(amount -> new BigDecimal(amount).signum() > 0);
    }

    /** Rules that differ only in their action, with the actions in rule order. */
    private record Group(Rule rule, List<String> actions) {
    }

    private static List<Group> groups(List<Rule> rules) {
        List<Group> groups = new ArrayList<>();
        for (Rule rule : rules) {
            Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && sameButAction(last.rule, rule)
                    && ASSERT_PATENT.equals(rule.action()) == last.actions.contains(ASSERT_PATENT)) {
                last.actions.add(rule.action());
            } else {
                groups.add(new Group(rule, new ArrayList<>(List.of(rule.action()))));
            }
        }
        return groups;
    }

    private static boolean sameButAction(Rule a, Rule b) {
        return Objects.equals(a.target(), b.target()) && a.constraints().equals(b.constraints())
                && a.duties().equals(b.duties()) && a.remedies().equals(b.remedies());
    }
}
