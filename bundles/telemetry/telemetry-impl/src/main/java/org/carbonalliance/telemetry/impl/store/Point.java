package org.carbonalliance.telemetry.impl.store;

/** A reading to store: metric, time in milliseconds since the epoch, value. */
public record Point(String metric, long ts, double value) {
}
