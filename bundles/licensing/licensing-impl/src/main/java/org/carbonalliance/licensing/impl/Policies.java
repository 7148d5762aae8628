package org.carbonalliance.licensing.impl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.carbonalliance.licensing.api.LicencePolicy;
import org.carbonalliance.licensing.api.LicenceRequestFacts;
import org.carbonalliance.licensing.api.PolicyDecision;
import org.carbonalliance.licensing.api.PolicyDecision.Outcome;
import org.carbonalliance.licensing.impl.LicensingRecords.PolicyAnswer;
import org.carbonalliance.platform.api.plugin.PluginCallException;
import org.carbonalliance.platform.api.plugin.PluginCalls;
import org.carbonalliance.platform.api.plugin.PluginNames;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.LoggerFactory;

/**
 * The whiteboard of {@link LicencePolicy} services, built-in and plugins alike. Every policy judges every request, in
 * name order, through {@link PluginCalls}: a policy that throws or takes more than 5 seconds counts as "refer" with
 * that reason (and is named in {@code /api/health}); its name is asked once, within 1 second. The strictest outcome
 * wins; with no policy granting, the request is referred.
 */
@Component(service = Policies.class)
public class Policies {

    static final Duration TIME_LIMIT = Duration.ofSeconds(5);

    /** All answers, and the outcome they add up to. */
    record Judgement(Outcome outcome, List<PolicyAnswer> answers) {
    }

    private final List<LicencePolicy> policies = new CopyOnWriteArrayList<>();
    /** The names the policies gave, each asked once; a policy that gives none is known by its class name. */
    private final PluginNames<LicencePolicy> names;
    private final PluginCalls calls;

    @Activate
    public Policies(@Reference PluginCalls calls) {
        this.calls = calls;
        this.names = new PluginNames<>(calls, "LicencePolicy", LicencePolicy::name, p -> p.getClass().getName(),
                policies::contains);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPolicy(LicencePolicy policy) {
        policies.add(policy);
    }

    void removePolicy(LicencePolicy policy) {
        policies.remove(policy);
        names.forget(policy);
    }

    Judgement judge(LicenceRequestFacts facts) {
        List<PolicyAnswer> answers = new ArrayList<>();
        Outcome outcome = Outcome.GRANT;
        boolean granted = false;
        Map<LicencePolicy, String> named = new LinkedHashMap<>();
        for (LicencePolicy policy : policies) {
            named.put(policy, names.of(policy));
        }
        List<LicencePolicy> all = new ArrayList<>(named.keySet());
        all.sort(Comparator.comparing(named::get));
        for (LicencePolicy policy : all) {
            String name = named.get(policy);
            PolicyDecision decision = ask(policy, name, facts);
            answers.add(new PolicyAnswer(name, decision.outcome().name().toLowerCase(java.util.Locale.ROOT),
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

    private PolicyDecision ask(LicencePolicy policy, String name, LicenceRequestFacts facts) {
        PolicyDecision decision;
        try {
            decision = calls.call(policy, "LicencePolicy '" + name + "'.evaluate", TIME_LIMIT,
                    () -> policy.evaluate(facts));
        } catch (PluginCallException e) {
            // The requester sees the reasons: the cause goes to the log (PluginCalls logged it) and to health.
            return switch (e.kind()) {
                case TIMED_OUT -> PolicyDecision.refer("the policy did not answer within " + TIME_LIMIT.toSeconds()
                        + " seconds");
                case HUNG -> PolicyDecision.refer("the policy was not asked: it did not answer earlier requests");
                case FAILED -> {
                    LoggerFactory.getLogger(Policies.class).warn("Licence policy {} failed on request {}", name,
                            facts.requestId());
                    yield PolicyDecision.refer("the policy failed");
                }
            };
        }
        return decision != null ? decision : PolicyDecision.refer("the policy gave no answer");
    }
}
