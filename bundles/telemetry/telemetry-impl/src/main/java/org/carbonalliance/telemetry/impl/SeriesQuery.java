package org.carbonalliance.telemetry.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.telemetry.impl.TelemetryRecords.Series;
import org.carbonalliance.telemetry.impl.TelemetryRecords.SeriesPoint;
import org.carbonalliance.telemetry.impl.store.Aggregate;
import org.carbonalliance.telemetry.impl.store.ReadingStore;
import org.carbonalliance.telemetry.impl.store.Resolution;
import org.hibernate.Session;

/**
 * A metric over a time range: raw readings, or minute, hour or day rollups. {@code auto} picks the finest that gives at
 * most {@link #TARGET_POINTS} points: raw when there are that few readings, else the rollup whose bucket count over the
 * range fits.
 */
class SeriesQuery {

    static final int TARGET_POINTS = 2_000;
    static final int MAX_RAW = 10_000;

    private final Database database;

    SeriesQuery(Database database) {
        this.database = database;
    }

    Series series(String deviceId, String metric, Instant from, Instant to, String resolution) {
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("'from' must be before 'to'.", List.of("from: before to (" + to + ")"));
        }
        if (Duration.between(from, to).toDays() > 366 * 50) {
            throw ApiException.badRequest("A series spans at most 50 years.", List.of("to: at most 50 years after from"));
        }
        return database.read(em -> {
            Device d = Devices.device(em, deviceId);
            String unit = Devices.metrics(d).get(metric);
            if (unit == null) {
                throw ApiException.badRequest("'" + metric + "' is not a metric of device " + deviceId + ".",
                        List.of("metric: one of " + Devices.metrics(d).keySet()));
            }
            long f = from.toEpochMilli();
            long t = to.toEpochMilli();
            List<SeriesPoint> points = new ArrayList<>();
            String[] chosen = { resolution };
            em.unwrap(Session.class).doWork(c -> {
                if (chosen[0].equals("auto")) {
                    chosen[0] = auto(ReadingStore.countUpTo(c, d.tenantId, d.id, metric, f, t, TARGET_POINTS + 1),
                            t - f);
                }
                if (chosen[0].equals("raw")) {
                    if (ReadingStore.countUpTo(c, d.tenantId, d.id, metric, f, t, MAX_RAW + 1) > MAX_RAW) {
                        throw ApiException.badRequest("More than " + MAX_RAW + " raw readings in this range; use a "
                                + "rollup resolution or a shorter range.", List.of("resolution: minute, hour, day"));
                    }
                    ReadingStore.raw(c, d.tenantId, d.id, metric, f, t, MAX_RAW).forEach(r -> points.add(
                            new SeriesPoint(Instant.ofEpochMilli(r.ts()), r.value(), null, null, null, null, null,
                                    null, null)));
                } else {
                    Resolution r = Resolution.fromWire(chosen[0]).orElseThrow();
                    ReadingStore.buckets(c, d.tenantId, d.id, metric, r, f, t).forEach(b -> points.add(
                            point(b.bucket(), b.aggregate())));
                }
            });
            return new Series(d.id, metric, unit, chosen[0], from, to, points);
        });
    }

    /**
     * The {@code auto} rule: raw when there are at most {@link #TARGET_POINTS} readings, else the finest rollup with at
     * most that many buckets over the range (day when none has).
     *
     * @param readings how many raw readings lie in the range
     * @param millis   the range's length
     * @return {@code raw}, {@code minute}, {@code hour} or {@code day}
     */
    static String auto(long readings, long millis) {
        return readings <= TARGET_POINTS ? "raw" : pick(millis);
    }

    private static String pick(long millis) {
        for (Resolution r : Resolution.values()) {
            if (millis / r.millis() <= TARGET_POINTS) {
                return r.wire();
            }
        }
        return Resolution.DAY.wire();
    }

    static SeriesPoint point(long bucket, Aggregate a) {
        return new SeriesPoint(Instant.ofEpochMilli(bucket), null, a.count(), a.min(), a.max(), a.mean(), a.sum(),
                a.first(), a.last());
    }
}
