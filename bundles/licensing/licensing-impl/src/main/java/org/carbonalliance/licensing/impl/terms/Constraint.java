package org.carbonalliance.licensing.impl.terms;

import java.util.List;

/**
 * An ODRL constraint {@code leftOperand operator rightOperand [unit]}.
 *
 * <p>Right operands are strings: purposes ({@code pool:carbonNeutrality}), ISO 3166-1 alpha-2 codes or
 * {@code worldwide}, ISO dates ({@code 2026-01-01}), decimal amounts ({@code 1000.00}), CPC symbols
 * ({@code Y02E 60/10}) or tags ({@code Y02E}). Set operators ({@code isAnyOf}...) take several; the others one.
 *
 * @param leftOperand see {@link Vocabulary#LEFT_OPERANDS}
 * @param operator see {@link Vocabulary#OPERATORS}
 * @param rightOperand the value(s)
 * @param unit ISO 4217 currency for {@code payAmount}, otherwise {@code null}
 */
public record Constraint(String leftOperand, String operator, List<String> rightOperand, String unit) {

    public Constraint {
        rightOperand = Lists.copy(rightOperand);
    }

    /** A constraint without unit. */
    public static Constraint of(String leftOperand, String operator, String... rightOperand) {
        return new Constraint(leftOperand, operator, List.of(rightOperand), null);
    }

    /** A fee: {@code payAmount eq amount currency}. */
    public static Constraint fee(String amount, String currency) {
        return new Constraint(Vocabulary.PAY_AMOUNT, Vocabulary.EQ, List.of(amount), currency);
    }
}
