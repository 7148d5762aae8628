package org.carbonalliance.patentpool.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the patent pool, editable on the console's Configuration page. */
@ObjectClassDefinition(name = "Alliance patent pool", description = "Rules of the pool.")
@interface PatentPoolConfig {

    @AttributeDefinition(name = "Withdrawal notice (days)", min = "0", max = "3650",
            description = "A withdrawal takes effect this long after notice; licences already granted stay.")
    int withdrawalNoticeDays() default 90;
}
