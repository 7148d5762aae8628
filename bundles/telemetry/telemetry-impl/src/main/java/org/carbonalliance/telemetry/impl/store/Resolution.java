package org.carbonalliance.telemetry.impl.store;

import java.util.Arrays;
import java.util.Optional;

/** The rollup resolutions, with their bucket length; buckets start at multiples of it since the epoch (UTC). */
public enum Resolution {
    MINUTE(60_000L), HOUR(3_600_000L), DAY(86_400_000L);

    private final long millis;

    Resolution(long millis) {
        this.millis = millis;
    }

    public long millis() {
        return millis;
    }

    /** @return the start of the bucket {@code ts} falls in */
    public long bucket(long ts) {
        return Math.floorDiv(ts, millis) * millis;
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Resolution> fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(value)).findFirst();
    }
}
