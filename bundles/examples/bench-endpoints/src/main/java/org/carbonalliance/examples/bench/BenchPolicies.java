package org.carbonalliance.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carbonalliance.licensing.api.LicencePolicy;
import org.carbonalliance.licensing.api.LicenceRequestFacts;
import org.carbonalliance.licensing.api.PolicyDecision;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * For the licensing benchmark: six more licence policies (with the three built-in ones and the country-review example,
 * ten in all), each looking at the request's countries and patents and raising no objection.
 */
@Component(immediate = true)
public class BenchPolicies {

    private final List<ServiceRegistration<LicencePolicy>> registrations = new ArrayList<>();

    @Activate
    void register(BundleContext context) {
        for (int i = 1; i <= 6; i++) {
            String name = "bench-policy-" + i;
            registrations.add(context.registerService(LicencePolicy.class, new LicencePolicy() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public PolicyDecision evaluate(LicenceRequestFacts request) {
                    boolean odd = request.countries().contains("AQ") || request.patents().isEmpty();
                    return odd ? PolicyDecision.refer(name + ": unusual request")
                            : new PolicyDecision(PolicyDecision.Outcome.GRANT, List.of());
                }
            }, new java.util.Hashtable<>(Map.of("bench", true))));
        }
    }

    @Deactivate
    void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
    }
}
