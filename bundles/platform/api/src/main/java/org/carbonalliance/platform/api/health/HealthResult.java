package org.carbonalliance.platform.api.health;

import java.util.Objects;

/**
 * @param status  up, degraded (works, but an operator should act) or down
 * @param message what an operator should know, for example why it is down; shown only to operators
 */
public record HealthResult(Status status, String message) {

    public enum Status {
        UP,
        /** Works, with a problem an operator should fix (a broken file in deploy/, say). @since 1.1 */
        DEGRADED,
        DOWN
    }

    public HealthResult {
        Objects.requireNonNull(status, "status");
    }

    public static HealthResult up(String message) {
        return new HealthResult(Status.UP, message);
    }

    /** @since 1.1 */
    public static HealthResult degraded(String message) {
        return new HealthResult(Status.DEGRADED, message);
    }

    public static HealthResult down(String message) {
        return new HealthResult(Status.DOWN, message);
    }
}
