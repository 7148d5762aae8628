package org.carbonalliance.platform.web;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.carbonalliance.platform.api.health.HealthCheck;
import org.carbonalliance.platform.api.health.HealthResult;

/**
 * Runs the {@link HealthCheck}s of one health report, all at once, each on a thread {@code health-check-N} with a
 * limit of 2 s for the whole report: a check that hangs cannot hold {@code /api/health}. A check still running from
 * an earlier report is not started again (it is not interrupted either: a database check must not have its
 * connection closed under it); until it ends, every report says it did not answer. A check that throws, answers
 * null, does not answer in time, or whose {@code name()} throws reports DOWN when it is the {@code database} check,
 * else DEGRADED, with a message naming the check's bundle.
 */
final class HealthChecks {

    static final Duration LIMIT = Duration.ofSeconds(2);
    /** The one check whose failure means the platform cannot serve: DOWN, not DEGRADED. */
    static final String DATABASE = "database";

    /** Told once per run of a check that did not answer within the limit. */
    interface Overdue {
        void report(HealthCheck check, String what, String message);
    }

    private record Answer(String name, HealthResult result) {
    }

    /** One run of a check, shared by the reports that ask while it runs. */
    private record Run(CompletableFuture<Answer> answer, long startedNanos, AtomicBoolean reported) {
    }

    private final Function<Object, String> owner;
    private final Overdue overdue;
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "health-check-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        return thread;
    });
    private final Map<HealthCheck, Run> running = new ConcurrentHashMap<>();
    /** Names as the checks gave them (stable, by contract): a check that hangs keeps its name in the report. */
    private final Map<HealthCheck, String> names = new ConcurrentHashMap<>();

    /**
     * @param owner   names a check's bundle ({@code <symbolic name> <version>}) for messages
     * @param overdue told when a check did not answer in time, once per run
     */
    HealthChecks(Function<Object, String> owner, Overdue overdue) {
        this.owner = owner;
        this.overdue = overdue;
    }

    void stop() {
        threads.shutdownNow();
    }

    /** Forgets a check that went away (its run, if any, ends on its own). */
    void forget(HealthCheck check) {
        running.remove(check);
        names.remove(check);
    }

    /** @return every check's result by name, in the order of {@code checks}; within about 2 s whatever they do */
    Map<String, HealthResult> run(List<HealthCheck> checks) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        Map<HealthCheck, Run> runs = new LinkedHashMap<>();
        Map<String, HealthResult> results = new LinkedHashMap<>();
        Map<HealthCheck, Answer> answers = new LinkedHashMap<>();
        for (HealthCheck check : checks) {
            try {
                runs.put(check, start(check));
            } catch (RejectedExecutionException e) {
                results.put(nameOf(check), failed(check, nameOf(check), "was not run: the platform is stopping"));
            }
        }
        runs.forEach((check, run) -> {
            Answer answer = null;
            Throwable failure = null;
            boolean late = false;
            try {
                answer = run.answer().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                late = true;
            } catch (ExecutionException e) {
                failure = e.getCause() == null ? e : e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                late = true;
            }
            if (!late) {
                running.remove(check, run);
            }
            String name = answer != null ? answer.name() : nameOf(check);
            HealthResult result;
            if (late) {
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - run.startedNanos());
                result = failed(check, name, "did not answer within " + LIMIT.toSeconds() + " s"
                        + (seconds > LIMIT.toSeconds() ? " (it has been running for " + seconds + " s; it is not "
                                + "started again until it ends)" : ""));
                if (run.reported().compareAndSet(false, true)) {
                    overdue.report(check, "HealthCheck '" + name + "'.check", "did not answer within "
                            + LIMIT.toSeconds() + " s");
                }
            } else if (failure != null) {
                result = failed(check, name, "failed: " + PluginCallsImpl.clip(String.valueOf(failure), 300));
            } else if (answer.result() == null) {
                result = failed(check, name, "gave no result");
            } else {
                result = answer.result();
            }
            answers.put(check, new Answer(name, result));
        });
        // A plugin's check cannot take the name of the platform's own (or another's): it is shown with its bundle.
        Set<String> platformNames = new HashSet<>();
        answers.forEach((check, answer) -> {
            if (ofPlatform(check)) {
                platformNames.add(answer.name());
            }
        });
        answers.forEach((check, answer) -> {
            String name = answer.name();
            if (!ofPlatform(check) && (platformNames.contains(name) || results.containsKey(name))) {
                name = name + " (" + owner.apply(check) + ")";
            }
            results.put(name, answer.result());
        });
        return results;
    }

    /** @return whether the check is the platform's own (a capability's), not a plugin's */
    private boolean ofPlatform(HealthCheck check) {
        String bundle = owner.apply(check);
        return bundle.startsWith("org.carbonalliance.") && !bundle.startsWith("org.carbonalliance.examples.");
    }

    /** @return the check's run still going, or a new one */
    private Run start(HealthCheck check) {
        return running.compute(check, (c, previous) -> previous != null && !previous.answer().isDone() ? previous
                : new Run(CompletableFuture.supplyAsync(() -> new Answer(askName(c), c.check()), threads),
                        System.nanoTime(), new AtomicBoolean()));
    }

    /** On the check's thread: its name, asked once (a name is stable by contract). */
    private String askName(HealthCheck check) {
        String known = names.get(check);
        if (known != null) {
            return known;
        }
        String name;
        try {
            name = check.name();
        } catch (RuntimeException e) {
            throw new IllegalStateException("its name() failed: " + e, e);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("its name() gave no name");
        }
        names.put(check, name);
        return name;
    }

    /** @return the name the check gave, or (when it never gave one) its class name */
    private String nameOf(HealthCheck check) {
        return names.getOrDefault(check, check.getClass().getName());
    }

    private HealthResult failed(HealthCheck check, String name, String what) {
        String message = "The health check " + (name.equals(check.getClass().getName()) ? "" : "'" + name + "' ")
                + "of " + owner.apply(check) + " " + what + ".";
        return DATABASE.equals(name) && ofPlatform(check) ? HealthResult.down(message)
                : HealthResult.degraded(message);
    }
}
