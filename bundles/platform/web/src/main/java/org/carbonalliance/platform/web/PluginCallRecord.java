package org.carbonalliance.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.carbonalliance.platform.api.plugin.PluginCallException.Kind;
import org.osgi.framework.Bundle;

/** What is known about one plugin bundle: its calls running past their limit and its recent problems. */
final class PluginCallRecord {

    private static final int MINUTES = (int) PluginCallsImpl.WINDOW.toMinutes();

    final String plugin;
    final Bundle bundle;
    /** The bundle's installation or update this record is about. */
    final long lastModified;
    /** Calls running past their limit. */
    final AtomicInteger overdue = new AtomicInteger();
    /** Calls in progress, waited for by their callers (or recording a failure). */
    final AtomicInteger active = new AtomicInteger();
    /** One-minute buckets: the minute (epoch millis / 60 000) and its counts of failures, time-outs, refusals. */
    private final long[] minute = new long[MINUTES];
    private final int[][] counts = new int[MINUTES][Kind.values().length];
    /** The recent calls that failed, most recent last, with when. */
    private final Map<String, Long> whats = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > PluginCallsImpl.KEPT_WHATS;
        }
    };
    private String lastMessage;
    private long lastAt;

    PluginCallRecord(String plugin, Bundle bundle, long now) {
        this.plugin = plugin;
        this.bundle = bundle;
        this.lastModified = bundle == null ? 0 : bundle.getLastModified();
        this.lastAt = now;
    }

    /** @return whether this is the first of its kind in this minute (to log refusals once a minute) */
    synchronized boolean count(Kind kind, String what, String message, long now) {
        long thisMinute = now / 60_000;
        int slot = (int) Math.floorMod(thisMinute, (long) MINUTES);
        if (minute[slot] != thisMinute) {
            minute[slot] = thisMinute;
            java.util.Arrays.fill(counts[slot], 0);
        }
        counts[slot][kind.ordinal()]++;
        whats.put(what, now);
        lastMessage = message;
        lastAt = now;
        return counts[slot][kind.ordinal()] == 1;
    }

    synchronized boolean forgettable(long now) {
        if (overdue.get() > 0 || active.get() > 0) {
            return false;
        }
        boolean gone = bundle != null && (bundle.getState() == Bundle.UNINSTALLED
                || bundle.getLastModified() != lastModified);
        return gone || now - lastAt >= PluginCallsImpl.WINDOW.toMillis();
    }

    /** @return the problems of the last 15 minutes and the calls still running past their limit, or null */
    synchronized String describe(long now) {
        long thisMinute = now / 60_000;
        int[] total = new int[Kind.values().length];
        for (int slot = 0; slot < MINUTES; slot++) {
            if (thisMinute - minute[slot] < MINUTES && minute[slot] <= thisMinute) {
                for (int k = 0; k < total.length; k++) {
                    total[k] += counts[slot][k];
                }
            }
        }
        int running = overdue.get();
        List<String> parts = new ArrayList<>();
        add(parts, total[Kind.FAILED.ordinal()], "failure", "failures");
        add(parts, total[Kind.TIMED_OUT.ordinal()], "time-out", "time-outs");
        add(parts, total[Kind.HUNG.ordinal()], "call refused as hung", "calls refused as hung");
        if (parts.isEmpty() && running == 0) {
            return null;
        }
        StringBuilder text = new StringBuilder(plugin).append(": ");
        if (!parts.isEmpty()) {
            List<String> recent = new ArrayList<>();
            whats.forEach((what, at) -> {
                if (now - at < PluginCallsImpl.WINDOW.toMillis()) {
                    recent.add(what);
                }
            });
            java.util.Collections.reverse(recent);
            text.append(String.join(", ", parts)).append(" in the last ").append(MINUTES).append(" minutes");
            if (!recent.isEmpty()) {
                text.append(" (").append(String.join(", ", recent)).append(')');
            }
            text.append("; ");
        }
        text.append(running).append(running == 1 ? " call still running past its limit"
                : " calls still running past their limit");
        if (lastMessage != null) {
            text.append("; last: ").append(lastMessage);
        }
        return text.toString();
    }

    private static void add(List<String> parts, int count, String one, String many) {
        if (count > 0) {
            parts.add(count + " " + (count == 1 ? one : many));
        }
    }
}
