package org.carbonalliance.membership.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the membership capability, editable on the console's Configuration page. */
@ObjectClassDefinition(name = "Alliance membership",
        description = "How the public application form is protected from floods.")
@interface MembershipConfig {

    @AttributeDefinition(name = "Applications per hour and address", min = "1", max = "1000",
            description = "Submissions accepted from one client address within an hour; more answer 429 with "
                    + "Retry-After.")
    int submissionsPerHour() default 10;
}
