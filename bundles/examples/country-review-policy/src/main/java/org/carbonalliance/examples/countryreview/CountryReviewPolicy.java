package org.carbonalliance.examples.countryreview;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.carbonalliance.licensing.api.LicencePolicy;
import org.carbonalliance.licensing.api.LicenceRequestFacts;
import org.carbonalliance.licensing.api.PolicyDecision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A sample {@link LicencePolicy}, written against the licensing API only: a request for use in a configured country
 * (or from a licensee based there) is referred to the secretariat; any other request gets no objection.
 */
@Component(service = LicencePolicy.class, configurationPid = "org.carbonalliance.examples.countryreview")
@Designate(ocd = CountryReviewConfig.class)
public class CountryReviewPolicy implements LicencePolicy {

    private volatile Set<String> countries = Set.of();

    @Activate
    @Modified
    void configure(CountryReviewConfig config) {
        countries = Stream.of(config.countries()).map(c -> c.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String name() {
        return "country-review";
    }

    @Override
    public PolicyDecision evaluate(LicenceRequestFacts request) {
        List<String> listed = Stream.concat(request.countries().stream(), Stream.of(request.licenseeCountry()))
                .filter(c -> c != null && countries.contains(c.toUpperCase(Locale.ROOT))).distinct().sorted()
                .toList();
        if (listed.isEmpty()) {
            return new PolicyDecision(PolicyDecision.Outcome.GRANT, List.of()); // no objection
        }
        return PolicyDecision.refer("use in " + String.join(", ", listed) + ", a country the secretariat reviews");
    }
}
