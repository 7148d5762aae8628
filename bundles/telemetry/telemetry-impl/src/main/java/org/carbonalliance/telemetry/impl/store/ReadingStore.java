package org.carbonalliance.telemetry.impl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Raw readings and their rollups in portable SQL (H2 now, PostgreSQL later), on the caller's transaction: readings
 * new to the store are inserted in batches, and only they are added to the minute, hour and day rollups, so a
 * repeated reading (same device, metric and time) changes nothing. Every statement names the tenant too.
 */
public final class ReadingStore {

    /** A rollup row's key within one device. */
    record BucketKey(String metric, Resolution resolution, long bucket) {
    }

    /** One stored reading, for series. */
    public record Raw(long ts, double value) {
    }

    /** One rollup bucket, for series. */
    public record Bucket(long bucket, Aggregate aggregate) {
    }

    private ReadingStore() {
    }

    /**
     * Stores what is new of {@code points} (within the batch, the first reading of a metric and time wins).
     *
     * @return how many readings were new
     */
    public static int store(Connection c, String tenant, String device, List<Point> points) throws SQLException {
        Map<String, Point> unique = new LinkedHashMap<>();
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (Point p : points) {
            unique.putIfAbsent(p.metric() + '\u0000' + p.ts(), p);
            from = Math.min(from, p.ts());
            to = Math.max(to, p.ts());
        }
        if (unique.isEmpty()) {
            return 0;
        }
        Set<String> existing = new HashSet<>();
        try (PreparedStatement q = c.prepareStatement("select metric, ts from tm_reading where device_id = ? "
                + "and tenant_id = ? and ts between ? and ?")) {
            q.setString(1, device);
            q.setString(2, tenant);
            q.setLong(3, from);
            q.setLong(4, to);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    existing.add(rs.getString(1) + '\u0000' + rs.getLong(2));
                }
            }
        }
        List<Point> fresh = new ArrayList<>();
        unique.forEach((key, p) -> {
            if (!existing.contains(key)) {
                fresh.add(p);
            }
        });
        try (PreparedStatement insert = c.prepareStatement("insert into tm_reading (device_id, metric, ts, tenant_id, "
                + "reading_value) values (?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Point p : fresh) {
                insert.setString(1, device);
                insert.setString(2, p.metric());
                insert.setLong(3, p.ts());
                insert.setString(4, tenant);
                insert.setDouble(5, p.value());
                insert.addBatch();
                if (++pending % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        roll(c, tenant, device, fresh);
        return fresh.size();
    }

    /** Adds new readings to the rollups of their buckets. */
    static void roll(Connection c, String tenant, String device, List<Point> fresh) throws SQLException {
        Map<BucketKey, Aggregate> added = new LinkedHashMap<>();
        for (Point p : fresh) {
            for (Resolution r : Resolution.values()) {
                added.merge(new BucketKey(p.metric(), r, r.bucket(p.ts())), Aggregate.of(p.ts(), p.value()),
                        Aggregate::merge);
            }
        }
        try (PreparedStatement find = c.prepareStatement("select reading_count, min_value, max_value, sum_value, "
                + "first_ts, first_value, last_ts, last_value from tm_rollup where device_id = ? and metric = ? and "
                + "resolution = ? and bucket = ? and tenant_id = ?");
                PreparedStatement update = c.prepareStatement("update tm_rollup set reading_count = ?, min_value = ?, "
                        + "max_value = ?, sum_value = ?, first_ts = ?, first_value = ?, last_ts = ?, last_value = ? "
                        + "where device_id = ? and metric = ? and resolution = ? and bucket = ? and tenant_id = ?");
                PreparedStatement insert = c.prepareStatement("insert into tm_rollup (reading_count, min_value, "
                        + "max_value, sum_value, first_ts, first_value, last_ts, last_value, device_id, metric, "
                        + "resolution, bucket, tenant_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<BucketKey, Aggregate> e : added.entrySet()) {
                BucketKey k = e.getKey();
                bindKey(find, 1, device, k, tenant);
                Aggregate merged = e.getValue();
                boolean exists;
                try (ResultSet rs = find.executeQuery()) {
                    exists = rs.next();
                    if (exists) {
                        merged = read(rs).merge(merged);
                    }
                }
                PreparedStatement write = exists ? update : insert;
                bindAggregate(write, merged);
                bindKey(write, 9, device, k, tenant);
                write.executeUpdate();
            }
        }
    }

    private static void bindKey(PreparedStatement s, int at, String device, BucketKey k, String tenant)
            throws SQLException {
        s.setString(at, device);
        s.setString(at + 1, k.metric());
        s.setString(at + 2, k.resolution().wire());
        s.setLong(at + 3, k.bucket());
        s.setString(at + 4, tenant);
    }

    private static void bindAggregate(PreparedStatement s, Aggregate a) throws SQLException {
        s.setLong(1, a.count());
        s.setDouble(2, a.min());
        s.setDouble(3, a.max());
        s.setDouble(4, a.sum());
        s.setLong(5, a.firstTs());
        s.setDouble(6, a.first());
        s.setLong(7, a.lastTs());
        s.setDouble(8, a.last());
    }

    private static Aggregate read(ResultSet rs) throws SQLException {
        return new Aggregate(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5),
                rs.getDouble(6), rs.getLong(7), rs.getDouble(8));
    }

    /** Binds device, metric, from, to and tenant, in that order, to parameters 1-5 of a range query. */
    private static void bindRange(PreparedStatement q, String tenant, String device, String metric, long from,
            long to) throws SQLException {
        q.setString(1, device);
        q.setString(2, metric);
        q.setLong(3, from);
        q.setLong(4, to);
        q.setString(5, tenant);
    }

    /** @return how many raw readings of a metric lie in [from, to) */
    public static long count(Connection c, String tenant, String device, String metric, long from, long to)
            throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select count(*) from tm_reading where device_id = ? and "
                + "metric = ? and ts >= ? and ts < ? and tenant_id = ?")) {
            bindRange(q, tenant, device, metric, from, to);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * @return how many raw readings of a metric lie in [from, to), counting no further than {@code limit}: enough to
     *         choose a resolution without reading a year of readings
     */
    public static long countUpTo(Connection c, String tenant, String device, String metric, long from, long to,
            int limit) throws SQLException {
        // Reads the first readings in key order and stops at the limit: no count over a year of rows.
        try (PreparedStatement q = c.prepareStatement("select ts from tm_reading where device_id = ? and metric = ? "
                + "and ts >= ? and ts < ? and tenant_id = ? order by device_id, metric, ts")) {
            bindRange(q, tenant, device, metric, from, to);
            q.setMaxRows(limit);
            q.setFetchSize(limit);
            long n = 0;
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    /** @return raw readings of a metric in [from, to), oldest first, at most {@code limit} */
    public static List<Raw> raw(Connection c, String tenant, String device, String metric, long from, long to,
            int limit) throws SQLException {
        List<Raw> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("select ts, reading_value from tm_reading where device_id = ? "
                + "and metric = ? and ts >= ? and ts < ? and tenant_id = ? order by ts")) {
            bindRange(q, tenant, device, metric, from, to);
            q.setMaxRows(limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new Raw(rs.getLong(1), rs.getDouble(2)));
                }
            }
        }
        return out;
    }

    /** @return the last raw reading of a metric before {@code before}, if any (as a list of at most one) */
    public static List<Raw> last(Connection c, String tenant, String device, String metric, long before)
            throws SQLException {
        List<Raw> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("select ts, reading_value from tm_reading where device_id = ? "
                + "and metric = ? and ts < ? and tenant_id = ? order by ts desc")) {
            q.setString(1, device);
            q.setString(2, metric);
            q.setLong(3, before);
            q.setString(4, tenant);
            q.setMaxRows(1);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    out.add(new Raw(rs.getLong(1), rs.getDouble(2)));
                }
            }
        }
        return out;
    }

    /** @return rollup buckets of a metric starting in [from, to), oldest first */
    public static List<Bucket> buckets(Connection c, String tenant, String device, String metric, Resolution r,
            long from, long to) throws SQLException {
        List<Bucket> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("select reading_count, min_value, max_value, sum_value, "
                + "first_ts, first_value, last_ts, last_value, bucket from tm_rollup where device_id = ? and "
                + "metric = ? and resolution = ? and bucket >= ? and bucket < ? and tenant_id = ? order by bucket")) {
            q.setString(1, device);
            q.setString(2, metric);
            q.setString(3, r.wire());
            q.setLong(4, r.bucket(from));
            q.setLong(5, to);
            q.setString(6, tenant);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new Bucket(rs.getLong(9), read(rs)));
                }
            }
        }
        return out;
    }
}
