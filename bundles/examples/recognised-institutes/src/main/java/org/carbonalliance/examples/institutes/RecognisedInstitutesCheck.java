package org.carbonalliance.examples.institutes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.carbonalliance.membership.api.ApplicationForm;
import org.carbonalliance.membership.api.Finding;
import org.carbonalliance.membership.api.OnboardingCheck;
import org.carbonalliance.membership.api.OrganisationType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A plugin written against the membership API only: research institutes and universities on the configured list pass,
 * others get a warning for the reviewer. Other kinds of organisation are not its business.
 */
@Component(configurationPid = "org.carbonalliance.examples.institutes")
@Designate(ocd = InstitutesConfig.class)
public class RecognisedInstitutesCheck implements OnboardingCheck {

    private volatile Set<String> recognised;

    @Activate
    @Modified
    void configure(InstitutesConfig config) {
        recognised = Arrays.stream(config.names()).map(n -> n.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String name() {
        return "recognised-institutes";
    }

    @Override
    public List<Finding> check(ApplicationForm form) {
        if (form.type() != OrganisationType.RESEARCH_INSTITUTE && form.type() != OrganisationType.UNIVERSITY) {
            return List.of();
        }
        if (recognised.contains(form.organisationName().strip().toLowerCase(Locale.ROOT))) {
            return List.of(Finding.pass(name(), form.organisationName() + " is a recognised institution."));
        }
        return List.of(Finding.warning(name(), form.organisationName() + " is not on the list of recognised "
                + "institutions; check its research record."));
    }
}
