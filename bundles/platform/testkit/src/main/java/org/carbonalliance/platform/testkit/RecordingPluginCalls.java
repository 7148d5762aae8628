package org.carbonalliance.platform.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.carbonalliance.platform.api.plugin.PluginCallException;
import org.carbonalliance.platform.api.plugin.PluginCalls;

/**
 * {@link PluginCalls} for unit tests, as the platform's: each call runs on a daemon thread of its own with its limit,
 * a time-out interrupts it, a failure (an {@link Error} too) or time-out becomes a {@link PluginCallException}; the
 * plugin is named by its class name. Every failure and time-out is kept in {@link #problems()} for assertions. It
 * does not refuse calls to a plugin that hangs ({@code HUNG}).
 */
public final class RecordingPluginCalls implements PluginCalls {

    private final List<String> problems = new CopyOnWriteArrayList<>();

    @Override
    public <T> T call(Object plugin, String what, Duration limit, Callable<T> work) throws PluginCallException {
        String name = Objects.requireNonNull(plugin, "plugin").getClass().getName();
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, "plugin-call-test");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            String message = what + " of " + name + " did not answer within " + (limit.toMillis() % 1000 == 0
                    ? limit.toSeconds() + " s" : limit.toMillis() + " ms");
            problems.add(message);
            throw new PluginCallException(PluginCallException.Kind.TIMED_OUT, name, message, null);
        } catch (ExecutionException e) {
            String message = what + " of " + name + " failed: " + e.getCause();
            problems.add(message);
            throw new PluginCallException(PluginCallException.Kind.FAILED, name, message, e.getCause());
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginCallException(PluginCallException.Kind.TIMED_OUT, name, what + " of " + name
                    + " was abandoned: interrupted", e);
        }
    }

    @Override
    public void recordFailure(Object plugin, String what, String message) {
        problems.add(what + " of " + plugin.getClass().getName() + ": " + message);
    }

    /** @return every failure and time-out so far, as messages naming the call and the plugin's class */
    public List<String> problems() {
        return List.copyOf(problems);
    }
}
