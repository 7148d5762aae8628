package org.carbonalliance.licensing.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.carbonalliance.licensing.api.LicencePolicy;
import org.carbonalliance.licensing.api.LicenceRequestFacts;
import org.carbonalliance.licensing.api.PolicyDecision;
import org.carbonalliance.licensing.api.PolicyDecision.Outcome;
import org.carbonalliance.licensing.impl.LicensingRecords.PolicyAnswer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.LoggerFactory;

/**
 * The whiteboard of {@link LicencePolicy} services, built-in and plugins alike. Every policy judges every request, in
 * name order; a policy that throws or takes more than 5 seconds counts as "refer" with that reason. The strictest
 * outcome wins; with no policy granting, the request is referred.
 */
@Component(service = Policies.class)
public class Policies {

    static final long TIME_LIMIT_SECONDS = 5;

    /** All answers, and the outcome they add up to. */
    record Judgement(Outcome outcome, List<PolicyAnswer> answers) {
    }

    private final List<LicencePolicy> policies = new CopyOnWriteArrayList<>();
    private final ExecutorService askers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "alliance-licence-policy");
        thread.setDaemon(true);
        return thread;
    });

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPolicy(LicencePolicy policy) {
        policies.add(policy);
    }

    void removePolicy(LicencePolicy policy) {
        policies.remove(policy);
    }

    @Deactivate
    void stop() {
        askers.shutdownNow();
    }

    Judgement judge(LicenceRequestFacts facts) {
        List<PolicyAnswer> answers = new ArrayList<>();
        Outcome outcome = Outcome.GRANT;
        boolean granted = false;
        List<LicencePolicy> all = new ArrayList<>(policies);
        all.sort(Comparator.comparing(Policies::nameOf));
        for (LicencePolicy policy : all) {
            PolicyDecision decision = ask(policy, facts);
            answers.add(new PolicyAnswer(nameOf(policy), decision.outcome().name().toLowerCase(java.util.Locale.ROOT),
                    decision.reasons()));
            granted |= decision.outcome() == Outcome.GRANT && !decision.reasons().isEmpty();
            if (decision.outcome().compareTo(outcome) > 0) {
                outcome = decision.outcome();
            }
        }
        if (outcome == Outcome.GRANT && !granted) {
            outcome = Outcome.REFER;
        }
        return new Judgement(outcome, answers);
    }

    private PolicyDecision ask(LicencePolicy policy, LicenceRequestFacts facts) {
        Future<PolicyDecision> answer = askers.submit(() -> policy.evaluate(facts));
        try {
            PolicyDecision decision = answer.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
            return decision != null ? decision : PolicyDecision.refer("the policy gave no answer");
        } catch (java.util.concurrent.TimeoutException e) {
            answer.cancel(true);
            return PolicyDecision.refer("the policy did not answer within " + TIME_LIMIT_SECONDS + " seconds");
        } catch (java.util.concurrent.ExecutionException e) {
            // The requester sees the reasons: the cause goes to the log only.
            LoggerFactory.getLogger(Policies.class).warn("Licence policy {} failed on request {}", nameOf(policy),
                    facts.requestId(), e.getCause());
            return PolicyDecision.refer("the policy failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PolicyDecision.refer("interrupted");
        }
    }

    /** @return the policy's name, or its class name when it gives none (a plugin's bad name must not stop requests) */
    private static String nameOf(LicencePolicy policy) {
        try {
            String name = policy.name();
            return name == null || name.isBlank() ? policy.getClass().getName() : name;
        } catch (RuntimeException e) {
            return policy.getClass().getName();
        }
    }
}
