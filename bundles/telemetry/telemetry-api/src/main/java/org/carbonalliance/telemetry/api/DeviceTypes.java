package org.carbonalliance.telemetry.api;

import java.util.List;

/** The types a device is registered with; a decoder may choose the devices it decodes for by type. */
public final class DeviceTypes {

    public static final String ELECTRICITY_METER = "electricity-meter";
    public static final String HEAT_METER = "heat-meter";
    public static final String FUEL_FLOW_METER = "fuel-flow-meter";
    public static final String TEMPERATURE_SENSOR = "temperature-sensor";
    public static final String CO2_SENSOR = "co2-sensor";
    public static final String OTHER = "other";

    /** Every type, in this order. */
    public static final List<String> ALL = List.of(ELECTRICITY_METER, HEAT_METER, FUEL_FLOW_METER,
            TEMPERATURE_SENSOR, CO2_SENSOR, OTHER);

    private DeviceTypes() {
    }
}
