package org.carbonalliance.licensing.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point: a rule for licence requests. Register an implementation as an OSGi service (whiteboard); licensing
 * asks every registered policy about every new request. The strictest answer wins (refuse over refer over grant), and
 * every policy's reasons are stored with the request. Removing the plugin removes the policy; decisions already taken
 * stay. A policy that throws, or takes longer than 5 seconds, counts as "refer to review" with that reason: a failing
 * plugin never grants and never blocks the workflow.
 */
@ConsumerType
public interface LicencePolicy {

    /** @return a short, stable name shown with the policy's reasons, such as {@code sanctioned-countries} */
    String name();

    /** @return the policy's answer for the request, with reasons a reviewer and the requester can act on */
    PolicyDecision evaluate(LicenceRequestFacts request);
}
