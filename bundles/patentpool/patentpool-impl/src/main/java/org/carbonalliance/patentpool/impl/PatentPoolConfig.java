package org.carbonalliance.patentpool.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the patent pool, editable on the console's Configuration page. */
@ObjectClassDefinition(name = "Alliance patent pool", description = "Rules of the pool.")
@interface PatentPoolConfig {

    @AttributeDefinition(name = "Withdrawal notice (days)", min = "0", max = "3650",
            description = "A withdrawal takes effect this long after notice; licences already granted stay.")
    int withdrawalNoticeDays() default 90;

    @AttributeDefinition(name = "Largest import upload (bytes)", min = "1",
            description = "POST /api/patentpool/imports refuses larger files with 413; other endpoints keep the "
                    + "platform's body limit. USPTO weekly grant files are several hundred MB.")
    long maxImportBytes() default 524_288_000L;

    @AttributeDefinition(name = "Largest expanded import (bytes)", min = "1",
            description = "A gzip or zip upload may expand to this size at most (and to at most 200 times its "
                    + "compressed size): protection against decompression bombs.")
    long maxExpandedBytes() default 4_294_967_296L;
}
