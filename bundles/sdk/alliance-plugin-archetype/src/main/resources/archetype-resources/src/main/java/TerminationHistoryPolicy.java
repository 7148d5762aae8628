package ${package};

import org.carbonalliance.licensing.api.LicenceRequestFacts;
import org.carbonalliance.licensing.api.LicencePolicy;
import org.carbonalliance.licensing.api.PolicyDecision;
import org.osgi.service.component.annotations.Component;

/**
 * The plugin's extension point: a {@link LicencePolicy} judges every licence request with the platform's own
 * policies. This one sends a request to the secretariat when the licensee has had a licence terminated before (a
 * defensive termination, for example), and otherwise grants as far as it is concerned: the strictest answer of all
 * policies wins.
 */
@Component(service = LicencePolicy.class)
public class TerminationHistoryPolicy implements LicencePolicy {

    static final String NAME = "${artifactId}-termination-history";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PolicyDecision evaluate(LicenceRequestFacts request) {
        if (request.terminatedLicences() > 0) {
            return PolicyDecision.refer("The licensee had " + request.terminatedLicences()
                    + " licence(s) terminated before: the secretariat decides.");
        }
        return PolicyDecision.grant("No licence of this licensee was ever terminated.");
    }
}
