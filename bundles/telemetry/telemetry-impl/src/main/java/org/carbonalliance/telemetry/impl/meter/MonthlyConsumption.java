package org.carbonalliance.telemetry.impl.meter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.carbonalliance.telemetry.impl.store.ReadingStore.Raw;

/**
 * A meter's consumption in one calendar month (UTC) from its readings, with the provenance a verifier needs to check
 * it against the raw data.
 * <p>
 * Cumulative registers: consumption is the sum of the increases between consecutive readings, starting from the last
 * reading before the month. A decrease is a rollover when the reading before it was within the top tenth of its
 * register's range (the next power of ten: 99,990 of 100,000): the consumption is the rest of the range plus the new
 * reading. Any other decrease is a reset (a new meter, a cleared counter): the new reading counts from zero. Interval readings: consumption is their sum. Coverage is the share of
 * the month's hours with at least one reading; a gap is a stretch of more than {@code maxGap} without readings.
 */
public final class MonthlyConsumption {

    /** What the month's figure rests on. */
    public record Result(YearMonth month, BigDecimal kwh, int readings, BigDecimal coveragePercent,
            List<String> gaps, int resets, String sha256) {
    }

    private MonthlyConsumption() {
    }

    /**
     * @param readings   the month's readings, oldest first
     * @param before     the last reading before the month, or {@code null}
     * @param cumulative whether the metric is a cumulative register (else interval amounts)
     */
    public static Result of(YearMonth month, List<Raw> readings, Raw before, boolean cumulative, Duration maxGap) {
        long start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        long end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        double total = 0;
        int resets = 0;
        Raw previous = before;
        for (Raw r : readings) {
            if (!cumulative) {
                total += r.value();
            } else if (previous != null) {
                double delta = r.value() - previous.value();
                if (delta < 0) {
                    resets++;
                    delta = r.value() + rest(previous.value());
                }
                total += delta;
            }
            previous = r;
        }
        long hours = (end - start) / 3_600_000L;
        long covered = readings.stream().mapToLong(r -> (r.ts() - start) / 3_600_000L).distinct().count();
        BigDecimal coverage = BigDecimal.valueOf(covered * 100.0 / hours).setScale(1, RoundingMode.HALF_EVEN);
        return new Result(month, BigDecimal.valueOf(total).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros(),
                readings.size(), coverage, gaps(readings, before, start, end, maxGap.toMillis()), resets,
                digest(readings, before));
    }

    /** What remains of the register's range above {@code value} when it rolled over, else 0 (a reset). */
    static double rest(double value) {
        if (value < 1) {
            return 0;
        }
        double range = Math.pow(10, Math.floor(Math.log10(value)) + 1);
        return value >= 0.9 * range ? range - value : 0;
    }

    private static List<String> gaps(List<Raw> readings, Raw before, long start, long end, long maxGap) {
        List<String> gaps = new ArrayList<>();
        long last = start;
        for (Raw r : readings) {
            if (r.ts() - last > maxGap) {
                gaps.add(Instant.ofEpochMilli(last) + "/" + Instant.ofEpochMilli(r.ts()));
            }
            last = r.ts();
        }
        if (end - last > maxGap) {
            gaps.add(Instant.ofEpochMilli(last) + "/" + Instant.ofEpochMilli(end));
        }
        return gaps;
    }

    /** SHA-256 over "time-in-ms,value" lines (the reading before the month first, when used), UTF-8, '\n' ended. */
    static String digest(List<Raw> readings, Raw before) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (before != null) {
                sha.update((before.ts() + "," + before.value() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Raw r : readings) {
                sha.update((r.ts() + "," + r.value() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
