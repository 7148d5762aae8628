package org.carbonalliance.platform.web;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One call: runs the work once, unless it was abandoned before it started. */
final class PluginCallJob<T> implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginCallsImpl.class);
    private static final int WAITING = 0;
    private static final int RUNNING = 1;
    private static final int OVERDUE = 2;
    private static final int DONE = 3;

    final CompletableFuture<T> answer = new CompletableFuture<>();
    private final Callable<T> work;
    private final PluginCallRecord record;
    private final String what;
    private final Duration limit;
    private final long started = System.nanoTime();
    /** The caller's context class loader: plugin code sees what it would have seen on the caller's thread. */
    private final ClassLoader loader = Thread.currentThread().getContextClassLoader();
    private int state = WAITING;
    private Thread thread;

    PluginCallJob(Callable<T> work, PluginCallRecord record, String what, Duration limit) {
        this.work = work;
        this.record = record;
        this.what = what;
        this.limit = limit;
    }

    @Override
    public void run() {
        synchronized (this) {
            if (state != WAITING) {
                return; // abandoned before a thread took it: plugin code must not start late
            }
            state = RUNNING;
            thread = Thread.currentThread();
        }
        Thread current = Thread.currentThread();
        current.setContextClassLoader(loader);
        try {
            answer.complete(work.call());
        } catch (Throwable e) { // an Error too: it is the plugin's, and must not end the thread unrecorded
            answer.completeExceptionally(e);
        } finally {
            current.setContextClassLoader(null);
            boolean late;
            synchronized (this) {
                late = state == OVERDUE;
                state = DONE;
                thread = null;
            }
            Thread.interrupted(); // an interrupt meant for this call must not reach the next one
            if (late) {
                record.overdue.decrementAndGet();
                LOG.info("{} of {} ended {} ms after its limit of {}", what, record.plugin,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) - limit.toMillis(),
                        PluginCallsImpl.describe(limit));
            }
        }
    }

    /**
     * Gives up on the call: interrupts it if it runs, and keeps it from starting if it has not.
     *
     * @param overdue whether a call still running counts as running past its limit (not when the caller was
     *                interrupted)
     * @return false when it had already answered (the answer stands)
     */
    synchronized boolean abandon(boolean overdue) {
        if (state == DONE || answer.isDone()) {
            return false;
        }
        if (state == WAITING) {
            state = DONE;
            return true;
        }
        if (overdue) {
            state = OVERDUE;
            record.overdue.incrementAndGet();
        }
        thread.interrupt();
        return true;
    }
}
