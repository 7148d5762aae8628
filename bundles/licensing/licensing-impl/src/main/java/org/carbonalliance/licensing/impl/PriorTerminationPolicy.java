package org.carbonalliance.licensing.impl;

import org.carbonalliance.licensing.api.LicencePolicy;
import org.carbonalliance.licensing.api.LicenceRequestFacts;
import org.carbonalliance.licensing.api.PolicyDecision;
import org.osgi.service.component.annotations.Component;

/** Built in: a requester whose licence was terminated before is reviewed. */
@Component(service = LicencePolicy.class)
public class PriorTerminationPolicy implements LicencePolicy {

    @Override
    public String name() {
        return "prior-termination";
    }

    @Override
    public PolicyDecision evaluate(LicenceRequestFacts request) {
        return request.terminatedLicences() > 0
                ? PolicyDecision.refer(request.terminatedLicences() + " licence(s) of the requester were terminated")
                : new PolicyDecision(PolicyDecision.Outcome.GRANT, java.util.List.of());
    }
}
