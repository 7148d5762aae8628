package org.carbonalliance.licensing.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point: a rule for licence requests. Register an implementation as an OSGi service (whiteboard); licensing
 * asks every registered policy about every new request. The strictest answer wins (refuse over refer over grant), and
 * every policy's reasons are stored with the request. Removing the plugin removes the policy; decisions already taken
 * stay. A policy that throws, or takes longer than 5 seconds, counts as "refer to review" with that reason: a failing
 * plugin never grants and never blocks the workflow.
 * <p>
 * What the platform guarantees: {@link #evaluate} runs on a platform thread with a limit of 5 seconds and is
 * interrupted when it takes longer; {@link #name} is asked with a limit of 1 second (and remembered), the class name
 * standing in when it throws, answers null or takes longer. Failures (an {@link Error} too) and time-outs name the
 * plugin's bundle in {@code /api/health} (check {@code plugins}); a bundle with 4 calls still running past their
 * limit is not asked until one ends (the request is referred).
 */
@ConsumerType
public interface LicencePolicy {

    /**
     * @return a short, stable name shown with the policy's reasons, such as {@code sanctioned-countries}; asked with a
     *         limit of 1 second
     */
    String name();

    /**
     * @return the policy's answer for the request, with reasons a reviewer and the requester can act on, within 5
     *         seconds
     */
    PolicyDecision evaluate(LicenceRequestFacts request);
}
