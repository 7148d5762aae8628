package org.carbonalliance.membership.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point: a whiteboard service that examines every submitted or resubmitted application. Its findings are
 * stored with the application for the reviewer. A check that throws or takes too long is recorded as a warning and
 * never blocks a submission. Removing the plugin stops the check; findings already stored stay.
 * <p>
 * What the platform guarantees: {@link #check} runs on a platform thread (not the request's) with a limit of 5
 * seconds; {@link #name} is asked with a limit of 1 second (and remembered). A check that throws (an {@link Error}
 * too) or does not answer in time is interrupted and gets one WARNING finding under its name ("did not finish within
 * 5 s" or "failed to run"); the application is accepted all the same. Such failures name the plugin's bundle in
 * {@code /api/health} (check {@code plugins}); a bundle with 4 calls still running past their limit is not asked
 * until one ends (a warning finding again).
 */
@ConsumerType
public interface OnboardingCheck {

    /**
     * @return a short, stable name shown next to each finding; asked once, with a limit of 1 second (the class's
     *         simple name stands in when it throws, answers null or takes longer)
     */
    String name();

    /**
     * @param form the application as submitted
     * @return zero or more findings, within 5 seconds
     */
    List<Finding> check(ApplicationForm form);
}
