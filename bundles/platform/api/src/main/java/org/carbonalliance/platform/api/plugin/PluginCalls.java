package org.carbonalliance.platform.api.plugin;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Calls plugin code (an extension point implemented by another bundle) on a platform thread with a time limit, so
 * that a plugin that throws or hangs cannot stall the thread that needed its answer. Provided by the platform as an
 * OSGi service; capabilities use it for every call into an extension point.
 * <p>
 * Each call runs {@code work} on a thread of the platform's own and waits at most {@code limit}. A failure (an
 * exception or an {@link Error} thrown by {@code work}) or a time-out is recorded against the plugin's bundle (found
 * with {@code FrameworkUtil.getBundle(plugin.getClass())}) and logged; {@code /api/health} reports it under the check
 * {@code plugins} for 15 minutes. A call that times out is interrupted and, until it ends, counts as running past
 * its limit; while a bundle has {@value #MAX_OVERDUE_CALLS} such calls, further calls to it are refused at once
 * ({@link PluginCallException.Kind#HUNG}) without starting another thread, and so is a call beyond
 * {@value #MAX_CALLS_AT_ONCE} running at once, so a hung plugin cannot use up threads. An update of the plugin's
 * bundle starts its count afresh.
 * <p>
 * {@code what} names the call for people, as {@code <extension point> '<the plugin's name>'.<method>}, such as
 * {@code OnboardingCheck 'recognised-institutes'.check}; messages read {@code <what> of <bundle> <version> did not
 * answer within 5 s}.
 * <p>
 * The work runs on another thread: thread-bound context (the caller's principal, an open transaction) is not
 * there. Exceptions that are part of an extension point's contract (a payload refused with an
 * {@code IllegalArgumentException}) are answers, not failures: catch them inside {@code work} and return them as a
 * value.
 */
@ProviderType
public interface PluginCalls {

    /** Calls still running past their limit after which a plugin bundle is not called again until one ends. */
    int MAX_OVERDUE_CALLS = 4;

    /**
     * Calls into one plugin bundle running at once (waited for or past their limit), beyond which a further call is
     * refused ({@link PluginCallException.Kind#HUNG HUNG}): the threads a plugin can hold are bounded.
     */
    int MAX_CALLS_AT_ONCE = 32;

    /**
     * Runs {@code work} on a platform thread and waits for its answer at most {@code limit}.
     *
     * @param plugin the plugin's service object (or any object of a class from the plugin's bundle), to name its bundle
     * @param what   what is called, for people: {@code <extension point> '<name>'.<method>}
     * @param limit  how long to wait, as the extension point documents; positive
     * @param work   the call into the plugin
     * @return what {@code work} returned (which may be null)
     * @throws PluginCallException when {@code work} threw ({@link PluginCallException.Kind#FAILED FAILED}, the
     *                             cause attached), did not answer within {@code limit}
     *                             ({@link PluginCallException.Kind#TIMED_OUT TIMED_OUT}; also when the waiting thread
     *                             was interrupted), or was not started because the plugin's bundle hangs
     *                             ({@link PluginCallException.Kind#HUNG HUNG}); already recorded and logged
     */
    <T> T call(Object plugin, String what, Duration limit, Callable<T> work) throws PluginCallException;

    /**
     * {@link #call}, for a quick getter such as a plugin's name: any failure, time-out or refusal (recorded as by
     * {@link #call}), and a null answer, give {@code fallback}.
     *
     * @return what {@code work} returned, or {@code fallback} when it gave no answer or null
     */
    default <T> T callOr(Object plugin, String what, Duration limit, Callable<T> work, T fallback) {
        try {
            T answer = call(plugin, what, limit, work);
            return answer != null ? answer : fallback;
        } catch (PluginCallException e) {
            return fallback;
        }
    }

    /**
     * Records a failure of plugin code that the caller detected itself, outside {@link #call} (a file reader that
     * stopped handing over records for too long, say), so that {@code /api/health} names the plugin's bundle as for
     * the failures of {@link #call}.
     *
     * @param plugin  as for {@link #call}
     * @param what    as for {@link #call}
     * @param message what happened, for people
     */
    void recordFailure(Object plugin, String what, String message);
}
