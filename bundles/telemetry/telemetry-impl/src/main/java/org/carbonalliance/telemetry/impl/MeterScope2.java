package org.carbonalliance.telemetry.impl;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.carbonalliance.emissions.api.MeteredActivities;
import org.carbonalliance.emissions.api.MeteredMonth;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.telemetry.api.DeviceTypes;
import org.carbonalliance.telemetry.impl.TelemetryRecords.MeteredMonthView;
import org.carbonalliance.telemetry.impl.meter.MonthlyConsumption;
import org.carbonalliance.telemetry.impl.store.ReadingStore;
import org.carbonalliance.telemetry.impl.store.ReadingStore.Raw;
import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * An electricity meter's month into the emissions inventory as scope 2 activity data: its consumption from the
 * metric {@code energy} (a cumulative register) or {@code energy-interval} (amounts per interval), in kWh, Wh or MWh,
 * with the readings' count, coverage, gaps and SHA-256. Months under the coverage threshold are flagged, not filled.
 */
@Component(service = MeterScope2.class, configurationPid = "org.carbonalliance.telemetry")
public class MeterScope2 {

    static final Duration MAX_GAP = Duration.ofHours(2);
    private static final Map<String, Double> TO_KWH = Map.of("kWh", 1.0, "Wh", 0.001, "MWh", 1000.0);

    private final Database database;
    private volatile TelemetryConfig config;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MeteredActivities inventory;

    @Activate
    public MeterScope2(@Reference TelemetryDatabase telemetry, TelemetryConfig config) {
        this.database = telemetry.database();
        this.config = config;
    }

    @Modified
    void configure(TelemetryConfig config) {
        this.config = config;
    }

    MeteredMonthView recordMonth(String deviceId, YearMonth month) {
        MeteredActivities target = inventory;
        if (target == null) {
            throw new ApiException(503, "unavailable", "The emissions capability is not installed.");
        }
        long start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        long end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        Object[] found = database.read(em -> {
            Device d = Devices.device(em, deviceId);
            if (!DeviceTypes.ELECTRICITY_METER.equals(d.type) || d.facilityId == null) {
                throw new ApiException(409, "conflict", "Only an electricity meter linked to a facility feeds scope 2;"
                        + " set the device's type and facilityId.");
            }
            Map<String, String> metrics = Devices.metrics(d);
            String metric = metrics.containsKey("energy") ? "energy" : metrics.containsKey("energy-interval")
                    ? "energy-interval" : null;
            if (metric == null || !TO_KWH.containsKey(metrics.get(metric))) {
                throw new ApiException(409, "conflict", "The meter needs a metric 'energy' (cumulative register) or "
                        + "'energy-interval' in kWh, Wh or MWh.");
            }
            Object[] out = new Object[5];
            em.unwrap(Session.class).doWork(c -> {
                out[0] = ReadingStore.raw(c, d.tenantId, d.id, metric, start, end, Integer.MAX_VALUE);
                List<Raw> before = ReadingStore.last(c, d.tenantId, d.id, metric, start);
                out[1] = before.isEmpty() ? null : before.get(0);
            });
            out[2] = metric;
            out[3] = d;
            out[4] = TO_KWH.get(metrics.get(metric));
            return out;
        });
        @SuppressWarnings("unchecked")
        List<Raw> readings = scaled((List<Raw>) found[0], (Double) found[4]);
        Raw before = found[1] == null ? null : scaled(List.of((Raw) found[1]), (Double) found[4]).get(0);
        boolean cumulative = "energy".equals(found[2]);
        Device d = (Device) found[3];
        MonthlyConsumption.Result r = MonthlyConsumption.of(month, readings, cumulative ? before : null, cumulative,
                MAX_GAP);
        boolean flagged = r.coveragePercent().compareTo(BigDecimal.valueOf(config.coverageThresholdPercent())) < 0;
        String activity;
        try {
            activity = target.recordMonth(new MeteredMonth(d.facilityId, month, r.kwh(), d.id, d.name, r.readings(),
                    r.coveragePercent(), r.gaps(), r.sha256(), flagged));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The inventory refused the month: " + e.getMessage() + ".",
                    List.of("month: " + e.getMessage()));
        } catch (IllegalStateException e) {
            throw new ApiException(409, "conflict", e.getMessage());
        }
        return new MeteredMonthView(d.id, d.facilityId, month.toString(), r.kwh(), r.readings(),
                r.coveragePercent(), r.gaps(), r.resets(), r.sha256(), flagged, activity);
    }

    private static List<Raw> scaled(List<Raw> readings, double toKwh) {
        return toKwh == 1.0 ? readings : readings.stream().map(r -> new Raw(r.ts(), r.value() * toKwh)).toList();
    }
}
