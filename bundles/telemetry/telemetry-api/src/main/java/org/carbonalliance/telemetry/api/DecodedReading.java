package org.carbonalliance.telemetry.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One reading a {@link PayloadDecoder} found in a payload.
 *
 * @param metric the metric's name as registered on the device (such as {@code energy} or {@code temperature})
 * @param time   when it was measured, or {@code null} for "when the payload arrived"
 * @param unit   its SenML unit (such as {@code kWh}, {@code Cel}, {@code ppm}), or {@code null} for the metric's
 *               registered unit
 * @param value  the value; finite
 */
public record DecodedReading(String metric, Instant time, String unit, double value) {

    public DecodedReading {
        Objects.requireNonNull(metric, "metric");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(metric + ": the value must be a finite number");
        }
    }
}
