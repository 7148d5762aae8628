package org.carbonalliance.licensing.api;

import java.util.List;
import java.util.Objects;

/**
 * A policy's answer.
 *
 * @param outcome grant, refer to review, or refuse
 * @param reasons why, for the reviewer and the requester (at least one for refer and refuse). A grant without
 *                reasons means "no objection": a request is granted automatically only when at least one policy
 *                grants it with a reason and none refers or refuses it.
 */
public record PolicyDecision(Outcome outcome, List<String> reasons) {

    /** Ordered from least to most strict: the strictest answer of all policies wins. */
    public enum Outcome { GRANT, REFER, REFUSE }

    public PolicyDecision {
        Objects.requireNonNull(outcome, "outcome");
        reasons = List.copyOf(reasons);
    }

    public static PolicyDecision grant(String reason) {
        return new PolicyDecision(Outcome.GRANT, List.of(reason));
    }

    public static PolicyDecision refer(String reason) {
        return new PolicyDecision(Outcome.REFER, List.of(reason));
    }

    public static PolicyDecision refuse(String reason) {
        return new PolicyDecision(Outcome.REFUSE, List.of(reason));
    }
}
