package org.carbonalliance.platform.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One thing {@code /api/health} reports on, registered as a whiteboard service. Keep it fast: it runs on every health
 * request, with a short time limit.
 * <p>
 * What the platform guarantees: the checks of one health request run at the same time, each on a platform thread,
 * and {@code /api/health} waits at most 2 seconds for them. A check that throws (an {@link Error} too), answers null,
 * does not answer within 2 seconds, or whose {@link #name()} throws, reports DEGRADED with a message naming the
 * check's bundle (DOWN when it is the platform's {@code database} check); it never makes {@code /api/health} fail
 * or hang. A check still running from an earlier request is not started again until it ends (and is not
 * interrupted); meanwhile it reports that it did not answer. The check of a plugin installed through
 * {@code deploy/} that does not answer in time is also named, with its bundle, under the check {@code plugins}.
 */
@ConsumerType
public interface HealthCheck {

    /** @return a short, stable name such as {@code database} */
    String name();

    /**
     * @return the current state, within 2 seconds; throwing, null or no answer in time count as
     *         {@link HealthResult.Status#DEGRADED} (as {@link HealthResult.Status#DOWN} for {@code database})
     */
    HealthResult check();
}
