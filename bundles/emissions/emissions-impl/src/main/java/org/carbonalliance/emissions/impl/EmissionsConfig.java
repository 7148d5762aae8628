package org.carbonalliance.emissions.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of emissions reporting, editable on the console's Configuration page. */
@ObjectClassDefinition(name = "Alliance emissions", description = "Inventories, targets and the alliance roll-up.")
@interface EmissionsConfig {

    @AttributeDefinition(name = "Base-year significance threshold (%)", min = "0", max = "100",
            description = "Structural changes (acquisitions, divestments, method changes) whose estimated effect on "
                    + "base-year emissions exceeds this share call for a base-year recalculation (GHG Protocol ch. 5).")
    double significancePercent() default 5.0;

    @AttributeDefinition(name = "Smallest group in the roll-up", min = "2", max = "100",
            description = "A breakdown group (sector, country) or year is shown only when at least this many members "
                    + "published in it; smaller groups are merged so no member's figures can be worked out.")
    int minGroupSize() default 3;

    @AttributeDefinition(name = "Largest activity upload (bytes)", min = "1024",
            description = "CSV uploads of activity records above this size are refused (413).")
    long maxImportBytes() default 209_715_200L;

    @AttributeDefinition(name = "Most rows per activity upload", min = "1", max = "5000000",
            description = "CSV uploads with more rows are refused as a whole (400).")
    int maxImportRows() default 1_000_000;
}
