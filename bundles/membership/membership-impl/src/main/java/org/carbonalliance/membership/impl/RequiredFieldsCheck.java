package org.carbonalliance.membership.impl;

import java.util.List;
import org.carbonalliance.membership.api.ApplicationForm;
import org.carbonalliance.membership.api.Finding;
import org.carbonalliance.membership.api.OnboardingCheck;
import org.carbonalliance.membership.api.OrganisationType;
import org.osgi.service.component.annotations.Component;

/** Built-in check: what each kind of organisation is expected to state beyond the common fields. */
@Component
public class RequiredFieldsCheck implements OnboardingCheck {

    @Override
    public String name() {
        return "required-fields";
    }

    @Override
    public List<Finding> check(ApplicationForm form) {
        if (form.type() == OrganisationType.INTERNATIONAL_ORGANISATION && form.localName() == null) {
            return List.of(Finding.warning(name(), "International organisations usually give their name in the "
                    + "local language of their seat as well."));
        }
        if (form.type() == OrganisationType.COMPANY && form.statement().length() < 100) {
            return List.of(Finding.warning(name(), "Companies are expected to describe their carbon-neutrality "
                    + "work in some detail (100 characters or more)."));
        }
        return List.of(Finding.pass(name(), "The fields expected of a " + form.type().wire() + " are present."));
    }
}
