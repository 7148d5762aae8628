package org.carbonalliance.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carbonalliance.platform.api.health.HealthResult;

/**
 * The platform's health: STARTING until the framework has started every bundle and the HTTP server runs, DOWN when a
 * check such as the database fails, DEGRADED when a bundle or component that should run does not (or a check says
 * so), else UP.
 */
public interface PlatformHealth {

    /** One problem: what, and whether it belongs to the platform itself (rather than to a plugin in deploy/). */
    record Problem(String text, boolean platform) {
    }

    /** The report; {@code problems} name failing bundles and components with their causes. */
    record Report(String status, Map<String, HealthResult> checks, List<Problem> failingBundles,
            List<Problem> failedComponents, List<Problem> unsatisfiedComponents) {

        boolean isUp() {
            return status.equals("UP");
        }

        /** @return whether something failed that waiting cannot heal: an activation, a bundle, a DOWN check */
        boolean hasFailures() {
            return !failedComponents.isEmpty() || !failingBundles.isEmpty() || status.equals("DOWN");
        }

        /** @return the platform's own failed components and bundles (not plugins), causes first */
        List<String> platformFailures() {
            return platformOnly(List.of(failedComponents, failingBundles));
        }

        /**
         * @return every problem of the platform's own bundles (not plugins), for the start-up verdict: causes first,
         *         then the failures that only follow from another ("Unable to get service ..."), then the rest
         */
        List<String> platformProblems() {
            return platformOnly(List.of(failedComponents, failingBundles, unsatisfiedComponents));
        }

        private static List<String> platformOnly(List<List<Problem>> lists) {
            List<String> out = new ArrayList<>();
            for (List<Problem> list : lists) {
                list.stream().filter(Problem::platform).map(Problem::text).forEach(out::add);
            }
            out.sort(java.util.Comparator.comparing(PlatformHealth::isConsequence));
            return out;
        }
    }

    Report report();

    /** A component that failed only because a service it needs could not be had: not the cause to report. */
    static boolean isConsequence(String problem) {
        return problem.contains("Unable to get service");
    }

}
