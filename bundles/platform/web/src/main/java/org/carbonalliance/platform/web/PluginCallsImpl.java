package org.carbonalliance.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.carbonalliance.platform.api.health.HealthCheck;
import org.carbonalliance.platform.api.health.HealthResult;
import org.carbonalliance.platform.api.plugin.PluginCallException;
import org.carbonalliance.platform.api.plugin.PluginCallException.Kind;
import org.carbonalliance.platform.api.plugin.PluginCalls;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PluginCalls}: plugin code runs on daemon threads {@code plugin-call-N} of a cached pool, with its limit; what
 * fails or times out is counted per plugin bundle and reported by the health check {@code plugins} for 15 minutes.
 * Memory stays bounded: per bundle a few counters (one-minute buckets), the last message and up to
 * {@value #KEPT_WHATS} names of calls; a bundle is forgotten once it is uninstalled or updated, or quiet for 15
 * minutes, and has no call still running past its limit.
 * <p>
 * Usable without OSGi ({@code new PluginCallsImpl()}, then {@link #stop()}): a plugin that does not come from a bundle
 * is named by its class name.
 */
@Component(service = { PluginCalls.class, HealthCheck.class })
public class PluginCallsImpl implements PluginCalls, HealthCheck {

    static final String CHECK_NAME = "plugins";
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int KEPT_WHATS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(PluginCallsImpl.class);

    private final Clock clock;
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "plugin-call-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        thread.setContextClassLoader(null); // each call brings its caller's (a pool thread must not keep one)
        return thread;
    });
    private final Map<String, PluginCallRecord> plugins = new ConcurrentHashMap<>();

    public PluginCallsImpl() {
        this(Clock.systemUTC());
    }

    /** @param clock when failures happened, for the 15 minutes (tests move it) */
    PluginCallsImpl(Clock clock) {
        this.clock = clock;
    }

    /** Interrupts the calls still running; later calls fail at once. */
    @Deactivate
    public void stop() {
        threads.shutdownNow();
    }

    @Override
    public <T> T call(Object plugin, String what, Duration limit, Callable<T> work) throws PluginCallException {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(work, "work");
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("The limit of a plugin call must be positive, not " + limit);
        }
        PluginCallRecord record = enter(plugin);
        try {
            return call(record, what, limit, work);
        } finally {
            record.active.decrementAndGet();
        }
    }

    private <T> T call(PluginCallRecord record, String what, Duration limit, Callable<T> work)
            throws PluginCallException {
        int overdue = record.overdue.get();
        int running = record.active.get() + overdue;   // threads of this plugin's calls, this one included
        if (overdue >= MAX_OVERDUE_CALLS || running > MAX_CALLS_AT_ONCE) {
            String message = what + " of " + record.plugin + " was not called: " + (overdue >= MAX_OVERDUE_CALLS
                    ? overdue + " earlier calls to this plugin are still running past their time limit (it seems to "
                            + "hang; update, restart or remove it)"
                    : (running - 1) + " calls to this plugin are already running, the most it gets at once");
            if (record.count(Kind.HUNG, what, message, clock.millis())) {
                LOG.warn(message);
            }
            throw new PluginCallException(Kind.HUNG, record.plugin, message, null);
        }
        PluginCallJob<T> job = new PluginCallJob<>(work, record, what, limit);
        try {
            threads.execute(job);
        } catch (RejectedExecutionException e) {
            throw new PluginCallException(Kind.FAILED, record.plugin, what + " of " + record.plugin
                    + " was not called: the platform is stopping", e);
        }
        try {
            try {
                return job.answer.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (!job.abandon(true)) {
                    return job.answer.get(); // it answered at the last moment
                }
                String message = what + " of " + record.plugin + " did not answer within " + describe(limit);
                record.count(Kind.TIMED_OUT, what, message, clock.millis());
                LOG.warn("{}; it was interrupted and counts as running past its limit until it ends", message);
                throw new PluginCallException(Kind.TIMED_OUT, record.plugin, message, null);
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = what + " of " + record.plugin + " failed: " + clip(String.valueOf(cause), 300);
            record.count(Kind.FAILED, what, message, clock.millis());
            LOG.warn(message, cause);
            throw new PluginCallException(Kind.FAILED, record.plugin, message, cause);
        } catch (InterruptedException e) {
            job.abandon(true);   // its thread may still run: it counts until it ends
            Thread.currentThread().interrupt();
            throw new PluginCallException(Kind.TIMED_OUT, record.plugin, what + " of " + record.plugin
                    + " was abandoned: the platform thread waiting for it was interrupted", e);
        }
    }

    @Override
    public void recordFailure(Object plugin, String what, String message) {
        PluginCallRecord record = enter(Objects.requireNonNull(plugin, "plugin"));
        try {
            String text = what + " of " + record.plugin + ": " + clip(String.valueOf(message), 500);
            record.count(Kind.FAILED, what, text, clock.millis());
            LOG.warn(text);
        } finally {
            record.active.decrementAndGet();
        }
    }

    @Override
    public String name() {
        return CHECK_NAME;
    }

    @Override
    public HealthResult check() {
        long now = clock.millis();
        forgetOld(now);
        List<String> problems = new ArrayList<>();
        plugins.values().stream().sorted(Comparator.comparing(r -> r.plugin)).forEach(record -> {
            String problem = record.describe(now);
            if (problem != null) {
                problems.add(problem);
            }
        });
        return problems.isEmpty()
                ? HealthResult.up("No plugin call failed or timed out in the last " + WINDOW.toMinutes() + " minutes.")
                : HealthResult.degraded(String.join(" | ", problems));
    }

    /** @return how many calls of {@code plugin}'s bundle are still running past their limit */
    int overdue(Object plugin) {
        PluginCallRecord record = plugins.get(key(plugin));
        return record == null ? 0 : record.overdue.get();
    }

    /** @return how many plugin bundles are remembered (for tests of the memory bound) */
    int remembered() {
        forgetOld(clock.millis());
        return plugins.size();
    }

    /** @return the plugin's record, counting one more call in progress: it is not forgotten until that ends */
    private PluginCallRecord enter(Object plugin) {
        Bundle bundle = bundleOf(plugin);
        String name = bundle != null ? bundleName(bundle) : plugin.getClass().getName();
        long now = clock.millis();
        forgetOld(now);
        return plugins.compute(key(plugin), (k, known) -> {
            PluginCallRecord record = known != null ? known : new PluginCallRecord(name, bundle, now);
            record.active.incrementAndGet();
            return record;
        });
    }

    private void forgetOld(long now) {
        for (String name : List.copyOf(plugins.keySet())) {
            plugins.computeIfPresent(name, (n, record) -> record.forgettable(now) ? null : record);
        }
    }

    /**
     * @return the record's key: one installation of the plugin's bundle (an update, even to the same version, starts
     *         afresh, so the hung calls of the code it replaced do not count against the new code)
     */
    private static String key(Object plugin) {
        Bundle bundle = bundleOf(plugin);
        return bundle == null ? plugin.getClass().getName()
                : bundleName(bundle) + " #" + bundle.getBundleId() + "@" + bundle.getLastModified();
    }

    /** @return the plugin's bundle as {@code <symbolic name> <version>}, or its class name outside OSGi */
    static String pluginName(Object plugin) {
        Bundle bundle = bundleOf(plugin);
        return bundle != null ? bundleName(bundle) : plugin.getClass().getName();
    }

    static Bundle bundleOf(Object plugin) {
        try {
            return FrameworkUtil.getBundle(plugin.getClass());
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    static String bundleName(Bundle bundle) {
        String symbolicName = bundle.getSymbolicName();
        return (symbolicName != null ? symbolicName : "bundle " + bundle.getBundleId()) + " " + bundle.getVersion();
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }

    /** @return a limit as people say it: {@code 5 s}, {@code 500 ms}, {@code 2 min} */
    static String describe(Duration limit) {
        long millis = limit.toMillis();
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
