package org.carbonalliance.examples.countryreview;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the example policy, editable on the console's Configuration page. */
@ObjectClassDefinition(name = "Example: country review licence policy",
        description = "Licence requests for use in these countries are referred to the secretariat.")
public @interface CountryReviewConfig {

    @AttributeDefinition(name = "Countries to review",
            description = "ISO 3166-1 alpha-2 codes, such as KP (compared ignoring case).")
    String[] countries() default {"KP"};
}
