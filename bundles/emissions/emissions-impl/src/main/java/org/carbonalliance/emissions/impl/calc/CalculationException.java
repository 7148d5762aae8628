package org.carbonalliance.emissions.impl.calc;

import java.util.List;

/** A calculation that cannot be done, with every reason (one per activity group at fault). */
public class CalculationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public CalculationException(List<String> problems) {
        super(problems.size() + " activity group(s) cannot be calculated: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
