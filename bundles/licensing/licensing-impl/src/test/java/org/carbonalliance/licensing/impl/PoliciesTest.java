package org.carbonalliance.licensing.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.carbonalliance.licensing.api.LicencePolicy;
import org.carbonalliance.licensing.api.LicenceRequestFacts;
import org.carbonalliance.licensing.api.PolicyDecision;
import org.carbonalliance.licensing.api.PolicyDecision.Outcome;
import org.carbonalliance.licensing.impl.LicensingRecords.PolicyAnswer;
import org.carbonalliance.platform.testkit.RecordingPluginCalls;
import org.junit.After;
import org.junit.Test;

/** Policies that throw or hang refer the request, within their limit, and are reported; they never grant. */
public class PoliciesTest {

    private final RecordingPluginCalls calls = new RecordingPluginCalls();
    private final Policies policies = new Policies(calls);
    private final CountDownLatch release = new CountDownLatch(1);

    @After
    public void release() {
        release.countDown();
    }

    private static LicencePolicy policy(String name, java.util.function.Supplier<PolicyDecision> decision) {
        return new LicencePolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public PolicyDecision evaluate(LicenceRequestFacts request) {
                return decision.get();
            }
        };
    }

    @Test
    public void aPolicyThatThrowsOrHangsRefersTheRequestWithinItsLimit() {
        policies.addPolicy(policy("a-grants", () -> PolicyDecision.grant("member in good standing")));
        policies.addPolicy(policy("b-throws", () -> {
            throw new NoSuchMethodError("removed in a newer API");
        }));
        policies.addPolicy(policy("c-hangs", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return PolicyDecision.grant("too late");
        }));
        long start = System.nanoTime();
        Policies.Judgement judgement = policies.judge(new LicenceRequestFacts("r-1", "Vanke", "t-1", "CN", true,
                "o-1", 1, true, List.of("CN112345678B"), List.of("Y02E"), "buildings", List.of("CN"), 0));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(8));
        assertEquals(Outcome.REFER, judgement.outcome());
        assertEquals(List.of(new PolicyAnswer("a-grants", "grant", List.of("member in good standing")),
                new PolicyAnswer("b-throws", "refer", List.of("the policy failed")),
                new PolicyAnswer("c-hangs", "refer", List.of("the policy did not answer within 5 seconds"))),
                judgement.answers());
        assertEquals(calls.problems().toString(), 2, calls.problems().size());
    }
}
