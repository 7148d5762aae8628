package org.carbonalliance.telemetry.impl.senml;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A resolved SenML record (RFC 8428 §4.6): base values applied, time absolute in seconds since the Unix epoch.
 * Carries at most one of {@code value}, {@code stringValue}, {@code boolValue}, {@code dataValue}, and a value or a
 * {@code sum} (or both). {@code unit} and {@code updateTime} may be null.
 *
 * @param name       base name + name, matching the SenML name rules (§4.5.1)
 * @param time       absolute time of the measurement, seconds since 1970-01-01T00:00Z
 * @param unit       the record's unit, else the base unit, else null
 * @param value      base value + numeric value ({@code v}), or null
 * @param stringValue string value ({@code vs}), or null
 * @param boolValue  boolean value ({@code vb}), or null
 * @param dataValue  data value ({@code vd}), base64url text as sent, or null
 * @param sum        base sum + sum, or null when neither is present
 * @param updateTime maximum seconds until the next reading ({@code ut}), or null
 */
public record SenmlRecord(String name, double time, String unit, Double value, String stringValue, Boolean boolValue,
        String dataValue, Double sum, Double updateTime) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:./_-]*");

    public SenmlRecord {
        if (name == null || !isValidName(name)) {
            throw new IllegalArgumentException("invalid SenML name: " + name);
        }
        if (!Double.isFinite(time)) {
            throw new IllegalArgumentException("time must be finite");
        }
        int values = count(value) + count(stringValue) + count(boolValue) + count(dataValue);
        if (values > 1) {
            throw new IllegalArgumentException("a record carries at most one value");
        }
        if (values == 0 && sum == null) {
            throw new IllegalArgumentException("a record needs a value or a sum");
        }
    }

    /** A record with a numeric value and nothing else. */
    public static SenmlRecord numeric(String name, double time, String unit, double value) {
        return new SenmlRecord(name, time, unit, value, null, null, null, null, null);
    }

    /** Whether {@code name} satisfies RFC 8428 §4.5.1: letters, digits and {@code - : . / _}, first a letter or digit. */
    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    /** {@link #time()} as an instant, rounded to the microsecond (about what a double carries for today's times). */
    public Instant instant() {
        return TimeResolver.instant(time);
    }

    private static int count(Object o) {
        return o == null ? 0 : 1;
    }
}
