package org.carbonalliance.telemetry.impl.senml;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns SenML times into absolute seconds since the epoch (RFC 8428 §4.5.3): values below 2^28 are relative to
 * "now", larger ones absolute. Refuses times more than {@code maxFuture} after now, and times before 1970.
 */
final class TimeResolver {

    /** 2^28: smaller times are relative to now. */
    static final double RELATIVE_LIMIT = 268_435_456d;

    private final double now;
    private final double latest;
    private final long maxFutureSeconds;

    TimeResolver(Instant now, Duration maxFuture) {
        this.now = now.getEpochSecond() + now.getNano() / 1e9;
        this.maxFutureSeconds = maxFuture.toSeconds();
        this.latest = this.now + maxFuture.toNanos() / 1e9;
    }

    /** The absolute time of {@code time} (base time + time, already added), or an error for record {@code index}. */
    double resolve(double time, int index) {
        double absolute = time < RELATIVE_LIMIT ? now + time : time;
        if (absolute > latest) {
            throw new SenmlException(index, "time " + describe(absolute) + " is more than " + maxFutureSeconds
                    + " s after the server time " + describe(now) + "; check the device clock and 'bt'/'t'");
        }
        if (absolute < 0) {
            throw new SenmlException(index, "time " + describe(absolute)
                    + " is before 1970-01-01; check 'bt'/'t' (values below 2^28 are relative to now)");
        }
        return absolute;
    }

    /** Seconds since the epoch as an instant, rounded to the microsecond. */
    static Instant instant(double seconds) {
        double whole = Math.floor(seconds);
        return Instant.ofEpochSecond((long) whole, Math.round((seconds - whole) * 1e6) * 1000);
    }

    private static String describe(double seconds) {
        return Math.abs(seconds) > 1e15 ? String.valueOf(seconds) : instant(seconds).toString();
    }
}
