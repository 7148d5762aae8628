package org.carbonalliance.platform.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One thing {@code /api/health} reports on, registered as a whiteboard service. Keep it fast: it runs on every health
 * request, with a short time limit.
 */
@ConsumerType
public interface HealthCheck {

    /** @return a short, stable name such as {@code database} */
    String name();

    /** @return the current state; throwing counts as {@link HealthResult.Status#DOWN} */
    HealthResult check();
}
