package org.carbonalliance.examples.countryreview;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import org.carbonalliance.licensing.api.LicenceRequestFacts;
import org.carbonalliance.licensing.api.PolicyDecision;
import org.junit.Test;

public class CountryReviewPolicyTest {

    private static LicenceRequestFacts request(String licenseeCountry, List<String> countries) {
        return new LicenceRequestFacts("r1", "Example Co", "t1", licenseeCountry, true, "standard", 1, true,
                List.of("CN112345678B"), List.of(), "storage", countries, 0);
    }

    private static CountryReviewPolicy policy(String... countries) {
        CountryReviewPolicy policy = new CountryReviewPolicy();
        policy.configure(new CountryReviewConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CountryReviewConfig.class;
            }

            @Override
            public String[] countries() {
                return countries;
            }
        });
        return policy;
    }

    @Test
    public void refersUseInAListedCountryAndObjectsToNothingElse() {
        PolicyDecision referred = policy("kp", "IR").evaluate(request("CN", List.of("DE", "IR")));
        assertEquals(PolicyDecision.Outcome.REFER, referred.outcome());
        assertTrue(referred.reasons().get(0), referred.reasons().get(0).contains("IR"));
        assertEquals(PolicyDecision.Outcome.REFER, policy("KP").evaluate(request("KP", List.of("CN"))).outcome());
        PolicyDecision fine = policy("KP").evaluate(request("CN", List.of("DE")));
        assertEquals(PolicyDecision.Outcome.GRANT, fine.outcome());
        assertTrue("no objection is not a grant", fine.reasons().isEmpty());
    }
}
