package org.carbonalliance.licensing.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of licensing, editable on the console's Configuration page. */
@ObjectClassDefinition(name = "Alliance licensing", description = "Rules of licence follow-up.")
@interface LicensingConfig {

    @AttributeDefinition(name = "Report grace period (days)", min = "0", max = "365",
            description = "An annual report not filed this long after it is due puts the licence out of good "
                    + "standing (it is not terminated).")
    int reportGraceDays() default 60;

    @AttributeDefinition(name = "Non-member requests per hour", min = "1", max = "10000",
            description = "Licence requests without login accepted per client address and hour (429 beyond).")
    int anonymousRequestsPerHour() default 10;

    @AttributeDefinition(name = "Licence term (years)", min = "1", max = "50",
            description = "How long a licence runs when its offer sets no end date; it never outlasts its patents.")
    int licenceTermYears() default 20;
}
