package org.carbonalliance.platform.api.health;

import java.util.Objects;

/**
 * @param status  up or down
 * @param message what an operator should know, for example why it is down
 */
public record HealthResult(Status status, String message) {

    public enum Status { UP, DOWN }

    public HealthResult {
        Objects.requireNonNull(status, "status");
    }

    public static HealthResult up(String message) {
        return new HealthResult(Status.UP, message);
    }

    public static HealthResult down(String message) {
        return new HealthResult(Status.DOWN, message);
    }
}
