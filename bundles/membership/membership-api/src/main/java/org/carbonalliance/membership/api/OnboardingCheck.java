package org.carbonalliance.membership.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point: a whiteboard service that examines every submitted or resubmitted application. Its findings are
 * stored with the application for the reviewer. A check that throws or takes too long is recorded as a warning and
 * never blocks a submission. Removing the plugin stops the check; findings already stored stay.
 */
@ConsumerType
public interface OnboardingCheck {

    /** @return a short, stable name shown next to each finding */
    String name();

    /**
     * @param form the application as submitted
     * @return zero or more findings
     */
    List<Finding> check(ApplicationForm form);
}
