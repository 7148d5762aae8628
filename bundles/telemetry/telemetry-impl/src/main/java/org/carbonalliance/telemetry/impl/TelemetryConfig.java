package org.carbonalliance.telemetry.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of telemetry, editable on the console's Configuration page. */
@ObjectClassDefinition(name = "Alliance telemetry", description = "Device readings: retention and the MQTT endpoint.")
@interface TelemetryConfig {

    @AttributeDefinition(name = "Raw readings kept (days)", min = "1", max = "36500",
            description = "Raw readings older than this are deleted by a daily job once their day rollup holds them; "
                    + "rollups are kept for ever.")
    int rawRetentionDays() default 400;

    @AttributeDefinition(name = "Per-member retention", description = "Exceptions as tenantId=days, one per entry.")
    String[] tenantRetention() default {};

    @AttributeDefinition(name = "Meter coverage threshold (%)", min = "0", max = "100",
            description = "A meter's month with readings in fewer of its hours than this is flagged in the scope 2 "
                    + "record (the figure is what was measured, never filled in).")
    double coverageThresholdPercent() default 90.0;
}
