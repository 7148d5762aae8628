package org.carbonalliance.licensing.impl;

import org.carbonalliance.licensing.api.LicencePolicy;
import org.carbonalliance.licensing.api.LicenceRequestFacts;
import org.carbonalliance.licensing.api.PolicyDecision;
import org.osgi.service.component.annotations.Component;

/** Built in: members in good standing get the standard offer at once; everyone else is reviewed. */
@Component(service = LicencePolicy.class)
public class MemberPolicy implements LicencePolicy {

    @Override
    public String name() {
        return "members-in-good-standing";
    }

    @Override
    public PolicyDecision evaluate(LicenceRequestFacts request) {
        if (request.licenseeTenantId() == null) {
            return PolicyDecision.refer("not a member: the secretariat reviews requests from non-members");
        }
        if (!request.memberInGoodStanding()) {
            return PolicyDecision.refer("a member not in good standing (suspended, or a report is overdue)");
        }
        if (!request.standardOffer()) {
            return PolicyDecision.refer("an offer other than the standard offer is reviewed");
        }
        return PolicyDecision.grant("a member in good standing asking for the standard offer");
    }
}
