package org.carbonalliance.telemetry.impl.store;

/**
 * Count, min, max, sum, first and last of the readings in one bucket. Merging two aggregates of the same bucket gives
 * the aggregate of all their readings, in any order: that is what lets rollups be kept as readings arrive.
 */
public record Aggregate(long count, double min, double max, double sum, long firstTs, double first, long lastTs,
        double last) {

    public static Aggregate of(long ts, double value) {
        return new Aggregate(1, value, value, value, ts, value, ts, value);
    }

    public Aggregate merge(Aggregate other) {
        boolean otherFirst = other.firstTs < firstTs;
        boolean otherLast = other.lastTs > lastTs;
        return new Aggregate(count + other.count, Math.min(min, other.min), Math.max(max, other.max),
                sum + other.sum, otherFirst ? other.firstTs : firstTs, otherFirst ? other.first : first,
                otherLast ? other.lastTs : lastTs, otherLast ? other.last : last);
    }

    public double mean() {
        return sum / count;
    }
}
