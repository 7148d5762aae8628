package org.carbonalliance.telemetry.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.telemetry.impl.TelemetryRecords.DeviceWithToken;
import org.carbonalliance.telemetry.impl.TelemetryRecords.SeriesPoint;
import org.carbonalliance.telemetry.impl.store.ReadingStore;
import org.carbonalliance.telemetry.impl.store.Resolution;
import org.hibernate.Session;

/**
 * What the console's Devices page shows, read across members (every cross-tenant read is audited with its reason):
 * all members' devices, one device's series of a metric, and token rotation on a member's behalf, recorded in the
 * audit log under the operator's name.
 */
public class TelemetryConsole {

    /** The devices table shows at most this many devices. */
    static final int DEVICE_LIMIT = 1_000;
    /** A series spans at most this long, as over REST. */
    static final Duration MAX_SPAN = Duration.ofDays(366L * 50);

    /** A member's device as the console lists it; {@code state} never-seen, active or revoked. */
    public record ConsoleDevice(String id, String tenantId, String member, String name, String type,
            String facilityId, Instant lastSeenAt, String state, Map<String, String> metrics) {
    }

    /** The devices, by member and name; {@code more} when there were more than shown. */
    public record DeviceList(List<ConsoleDevice> devices, boolean more) {
    }

    /**
     * A device's metric over [from, to): raw readings ({@code value}) or rollup buckets (count, min, max, mean, sum,
     * first, last), as chosen by {@link SeriesQuery#auto}.
     */
    public record ConsoleSeries(String device, String deviceName, String tenantId, String member, String metric,
            String unit, String resolution, long readings, Instant from, Instant to, List<SeriesPoint> points) {
    }

    private final Database database;
    private final Devices devices;
    private final Function<String, String> memberName;

    TelemetryConsole(Database database, Devices devices, Function<String, String> memberName) {
        this.database = database;
        this.devices = devices;
        this.memberName = memberName;
    }

    /** All members' devices, at most {@link #DEVICE_LIMIT}, by member name then device name. */
    DeviceList devices() {
        List<Device> found = database.readAcrossTenants("telemetry console: all members' devices",
                em -> em.createQuery("select d from Device d order by d.tenantId, d.name, d.id", Device.class)
                        .setMaxResults(DEVICE_LIMIT + 1).getResultList());
        Map<String, String> names = new HashMap<>();
        List<ConsoleDevice> out = new ArrayList<>();
        for (Device d : found.subList(0, Math.min(DEVICE_LIMIT, found.size()))) {
            out.add(view(d, names.computeIfAbsent(d.tenantId, memberName)));
        }
        out.sort(Comparator.comparing(ConsoleDevice::member, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(ConsoleDevice::tenantId).thenComparing(ConsoleDevice::name,
                        String.CASE_INSENSITIVE_ORDER).thenComparing(ConsoleDevice::id));
        return new DeviceList(out, found.size() > DEVICE_LIMIT);
    }

    /** One device of any member, if there is one with this id. */
    Optional<ConsoleDevice> device(String id) {
        Device d = database.readAcrossTenants("telemetry console: one device", em -> em.find(Device.class, id));
        return Optional.ofNullable(d).map(found -> view(found, memberName.apply(found.tenantId)));
    }

    private static ConsoleDevice view(Device d, String member) {
        return new ConsoleDevice(d.id, d.tenantId, member, d.name, d.type, d.facilityId, d.lastSeenAt,
                d.tokenHash == null ? "revoked" : d.lastSeenAt == null ? "never-seen" : "active", Devices.metrics(d));
    }

    /**
     * A device's metric over [from, to), at the resolution {@code auto} picks over REST: raw when there are at most
     * 2,000 readings, else the finest rollup with at most 2,000 buckets.
     *
     * @throws ApiException 404 when there is no such device, 400 when the metric is not the device's or the range is
     *                      empty or longer than {@link #MAX_SPAN}
     */
    ConsoleSeries series(String deviceId, String metric, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("'from' must be before 'to'.", List.of("from: before to (" + to + ")"));
        }
        if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
            throw ApiException.badRequest("A series spans at most 50 years.", List.of("to: at most 50 years after "
                    + "from"));
        }
        return database.readAcrossTenants("telemetry console: one device's series", em -> {
            Device d = em.find(Device.class, deviceId);
            if (d == null) {
                throw ApiException.notFound("There is no device " + deviceId + ".");
            }
            Map<String, String> metrics = Devices.metrics(d);
            String unit = metrics.get(metric);
            if (unit == null) {
                throw ApiException.badRequest("'" + metric + "' is not a metric of device " + deviceId + ".",
                        List.of("metric: one of " + metrics.keySet()));
            }
            long f = from.toEpochMilli();
            long t = to.toEpochMilli();
            List<SeriesPoint> points = new ArrayList<>();
            String[] chosen = new String[1];
            long[] readings = new long[1];
            em.unwrap(Session.class).doWork(c -> {
                readings[0] = ReadingStore.count(c, d.tenantId, d.id, metric, f, t);
                chosen[0] = SeriesQuery.auto(readings[0], t - f);
                if (chosen[0].equals("raw")) {
                    ReadingStore.raw(c, d.tenantId, d.id, metric, f, t, SeriesQuery.TARGET_POINTS).forEach(r -> points
                            .add(new SeriesPoint(Instant.ofEpochMilli(r.ts()), r.value(), null, null, null, null, null,
                                    null, null)));
                } else {
                    Resolution r = Resolution.fromWire(chosen[0]).orElseThrow();
                    ReadingStore.buckets(c, d.tenantId, d.id, metric, r, f, t).forEach(b -> points.add(
                            SeriesQuery.point(b.bucket(), b.aggregate())));
                }
            });
            return new ConsoleSeries(d.id, d.name, d.tenantId, memberName.apply(d.tenantId), metric, unit, chosen[0],
                    readings[0], from, to, points);
        });
    }

    /**
     * Replaces a device's token on its member's behalf: the device's tenant is found across tenants, then the rotation
     * runs as a member-admin of that tenant named after the operator, so the audit log names the operator.
     *
     * @throws ApiException 404 when there is no such device
     */
    DeviceWithToken rotate(String deviceId, AlliancePrincipal operator) {
        String tenant = database.readAcrossTenants("telemetry console: the member of a device whose token is rotated",
                em -> {
                    Device d = em.find(Device.class, deviceId);
                    return d == null ? null : d.tenantId;
                });
        if (tenant == null) {
            throw ApiException.notFound("There is no device " + deviceId + ".");
        }
        AlliancePrincipal onBehalf = new AlliancePrincipal(operator.username(), tenant, Set.of(Roles.MEMBER_ADMIN));
        return CurrentPrincipal.supplyAs(onBehalf, () -> devices.rotate(deviceId, onBehalf));
    }
}
