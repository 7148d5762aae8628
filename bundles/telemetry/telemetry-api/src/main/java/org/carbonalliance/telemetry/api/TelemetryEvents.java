package org.carbonalliance.telemetry.api;

/** Topics telemetry posts on EventAdmin. */
public final class TelemetryEvents {

    /** A device's readings were stored; properties {@link #TENANT}, {@link #DEVICE}, {@link #COUNT}. */
    public static final String READINGS_STORED = "org/carbonalliance/telemetry/READINGS_STORED";
    /** A device's token was revoked or rotated; properties {@link #TENANT}, {@link #DEVICE}. */
    public static final String TOKEN_CHANGED = "org/carbonalliance/telemetry/TOKEN_CHANGED";

    public static final String TENANT = "tenant";
    public static final String DEVICE = "device";
    /** Property: how many readings (Integer). */
    public static final String COUNT = "count";

    private TelemetryEvents() {
    }
}
