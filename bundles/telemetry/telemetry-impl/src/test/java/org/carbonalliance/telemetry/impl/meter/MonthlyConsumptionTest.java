package org.carbonalliance.telemetry.impl.meter;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.carbonalliance.telemetry.impl.store.ReadingStore.Raw;
import org.junit.Test;

/** A month's consumption from register readings: resets, gaps, coverage, the digest. */
public class MonthlyConsumptionTest {

    private static final YearMonth FEB = YearMonth.of(2026, 2);

    private static Raw at(String time, double value) {
        return new Raw(Instant.parse(time).toEpochMilli(), value);
    }

    @Test
    public void hourlyRegisterWithAResetAndAGap() {
        List<Raw> readings = new ArrayList<>();
        double register = 1000;
        Instant t = Instant.parse("2026-02-01T00:00:00Z");
        for (int h = 0; h < 28 * 24; h++) {
            Instant time = t.plusSeconds(h * 3600L);
            if (h >= 100 && h < 110) {
                continue;                        // ten hours off: no readings, and the register does not move
            }
            register += 2;                       // 2 kWh an hour
            if (h == 200) {
                register = 5;                    // the meter was replaced: its register starts again
            }
            readings.add(new Raw(time.toEpochMilli(), register));
        }
        Raw before = at("2026-01-31T23:00:00Z", 1000);
        MonthlyConsumption.Result r = MonthlyConsumption.of(FEB, readings, before, true, Duration.ofHours(2));
        // 662 readings; each adds 2 kWh over the one before, except the reset, which counts 5 (the new register's
        // value since it started from zero).
        assertEquals(0, new BigDecimal(2 * 661 + 5).compareTo(r.kwh()));
        assertEquals(1, r.resets());
        assertEquals(662, r.readings());
        assertEquals(0, new BigDecimal("98.5").compareTo(r.coveragePercent()));
        assertEquals(List.of("2026-02-05T03:00:00Z/2026-02-05T14:00:00Z"), r.gaps());
    }

    @Test
    public void aRolloverCountsTheRestOfTheRange() {
        List<Raw> readings = List.of(at("2026-02-01T00:00:00Z", 99_990), at("2026-02-01T01:00:00Z", 99_998),
                at("2026-02-01T02:00:00Z", 6), at("2026-02-01T03:00:00Z", 9));
        MonthlyConsumption.Result r = MonthlyConsumption.of(FEB, readings, null, true, Duration.ofHours(2));
        // 8 up to 99,998; then 2 to roll over to 100,000 (0) and 6 more; then 3.
        assertEquals(0, new BigDecimal("19").compareTo(r.kwh()));
        assertEquals(0.0, MonthlyConsumption.rest(5_000), 0);
        assertEquals(1_000.0, MonthlyConsumption.rest(999_000), 1e-9);
    }

    @Test
    public void intervalReadingsAreSummedAndTheDigestCoversTheReadings() {
        List<Raw> readings = List.of(at("2026-02-01T00:15:00Z", 1.5), at("2026-02-01T00:30:00Z", 2.5));
        MonthlyConsumption.Result r = MonthlyConsumption.of(FEB, readings, null, false, Duration.ofHours(2));
        assertEquals(0, new BigDecimal("4").compareTo(r.kwh()));
        assertEquals(1, r.gaps().size());
        assertNotEquals(r.sha256(), MonthlyConsumption.of(FEB, List.of(at("2026-02-01T00:15:00Z", 1.5),
                at("2026-02-01T00:30:00Z", 2.6)), null, false, Duration.ofHours(2)).sha256());
        assertEquals(64, r.sha256().length());
    }
}
