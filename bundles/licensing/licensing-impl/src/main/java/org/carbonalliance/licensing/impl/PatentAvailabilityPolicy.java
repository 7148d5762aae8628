package org.carbonalliance.licensing.impl;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.carbonalliance.licensing.api.LicencePolicy;
import org.carbonalliance.licensing.api.LicenceRequestFacts;
import org.carbonalliance.licensing.api.PolicyDecision;
import org.carbonalliance.patentpool.api.PatentCatalogue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Built in: a request naming a patent withdrawn from the pool, or no longer in force, is refused. */
@Component(service = LicencePolicy.class)
public class PatentAvailabilityPolicy implements LicencePolicy {

    private final PatentCatalogue catalogue;

    @Activate
    public PatentAvailabilityPolicy(@Reference PatentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String name() {
        return "patents-available";
    }

    @Override
    public PolicyDecision evaluate(LicenceRequestFacts request) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> unavailable = new ArrayList<>();
        for (String number : request.patents()) {
            catalogue.find(number).filter(p -> !p.licensable(today)).ifPresent(p -> unavailable.add(number + " ("
                    + (p.withdrawalEffective() != null && !today.isBefore(p.withdrawalEffective())
                            ? "withdrawn from the pool" : p.legalStatus().wire() + ", expiry " + p.expiryDate())
                    + ")"));
        }
        if (!unavailable.isEmpty()) {
            return PolicyDecision.refuse("not licensable: " + String.join(", ", unavailable.subList(0,
                    Math.min(20, unavailable.size()))) + (unavailable.size() > 20 ? " and more" : ""));
        }
        return new PolicyDecision(PolicyDecision.Outcome.GRANT, List.of());
    }
}
