package org.carbonalliance.telemetry.impl;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.JsonText;
import org.carbonalliance.telemetry.impl.TelemetryRecords.DeviceForm;
import org.carbonalliance.telemetry.impl.TelemetryRecords.DeviceView;
import org.carbonalliance.telemetry.impl.TelemetryRecords.DeviceWithToken;
import org.carbonalliance.telemetry.impl.TelemetryRecords.LastValue;
import org.carbonalliance.telemetry.api.TelemetryEvents;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** A member's devices and their credentials: a token is issued at creation and on rotation, shown once. */
class Devices {

    /** Reads stored JSON maps back with their types. */
    record StoredMetrics(Map<String, String> metrics) {
    }

    record StoredLastValues(Map<String, LastValue> values) {
    }

    private final Database database;
    private final DeviceAuthenticator authenticator;
    private final AuditLog audit;
    private final Clock clock;
    private final EventAdmin events;

    Devices(Database database, DeviceAuthenticator authenticator, AuditLog audit, Clock clock, EventAdmin events) {
        this.database = database;
        this.authenticator = authenticator;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    List<DeviceView> list() {
        return database.read(em -> em.createQuery("select d from Device d order by d.name", Device.class)
                .getResultStream().map(Devices::view).toList());
    }

    DeviceView get(String id) {
        return database.read(em -> view(device(em, id)));
    }

    static Device device(EntityManager em, String id) {
        Device d = em.find(Device.class, id);
        if (d == null) {
            throw ApiException.notFound("There is no device " + id + " of yours.");
        }
        return d;
    }

    DeviceWithToken create(DeviceForm form, AlliancePrincipal caller) {
        String token = Tokens.newToken();
        DeviceView created = database.inTransaction(em -> {
            uniqueName(em, form.name().strip(), null);
            Device d = new Device();
            d.id = "d-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            d.createdAt = clock.instant();
            apply(d, form);
            d.tokenHash = Tokens.hash(token);
            d.tokenIssuedAt = clock.instant();
            em.persist(d);
            return view(d);
        });
        audit.record("telemetry.device-created", caller.tenantId(), created.id(), null, JsonText.write(Map.of(
                "name", created.name(), "type", created.type())));
        return new DeviceWithToken(created, token);
    }

    DeviceView update(String id, DeviceForm form) {
        return database.inTransaction(em -> {
            Device d = device(em, id);
            uniqueName(em, form.name().strip(), id);
            apply(d, form);
            return view(d);
        });
    }

    private static void uniqueName(EntityManager em, String name, String except) {
        if (em.createQuery("select d.id from Device d where d.name = :n", String.class).setParameter("n", name)
                .getResultStream().anyMatch(id -> !id.equals(except))) {
            throw new ApiException(409, "conflict", "You already have a device named '" + name + "'.");
        }
    }

    private static void apply(Device d, DeviceForm form) {
        d.name = form.name().strip();
        d.type = form.type();
        d.facilityId = form.facilityId() == null || form.facilityId().isBlank() ? null : form.facilityId().strip();
        d.metrics = JsonText.write(new TreeMap<>(form.metrics()));
    }

    /** Replaces the device's token: the old one is refused from now on. */
    DeviceWithToken rotate(String id, AlliancePrincipal caller) {
        String token = Tokens.newToken();
        String[] old = new String[2];
        DeviceView rotated = database.inTransaction(em -> {
            Device d = device(em, id);
            old[0] = d.tokenHash;
            old[1] = d.tenantId;
            d.tokenHash = Tokens.hash(token);
            d.tokenIssuedAt = clock.instant();
            return view(d);
        });
        authenticator.forget(old[0]);
        audit.record("telemetry.token-rotated", caller.tenantId(), id, null, null);
        tokenChanged(old[1], id);
        return new DeviceWithToken(rotated, token);
    }

    /** Revokes the device's token: its requests are refused from now on, until a new token is issued. */
    DeviceView revoke(String id, AlliancePrincipal caller) {
        String[] old = new String[2];
        DeviceView revoked = database.inTransaction(em -> {
            Device d = device(em, id);
            old[0] = d.tokenHash;
            old[1] = d.tenantId;
            d.tokenHash = null;
            d.tokenIssuedAt = null;
            return view(d);
        });
        authenticator.forget(old[0]);
        audit.record("telemetry.token-revoked", caller.tenantId(), id, null, null);
        tokenChanged(old[1], id);
        return revoked;
    }

    /** After the commit: the device's owner and the device whose token was rotated or revoked. */
    private void tokenChanged(String tenantId, String deviceId) {
        events.postEvent(new Event(TelemetryEvents.TOKEN_CHANGED, Map.of(TelemetryEvents.TENANT, tenantId,
                TelemetryEvents.DEVICE, deviceId)));
    }

    static Map<String, String> metrics(Device d) {
        return JsonText.read("{\"metrics\":" + d.metrics + "}", StoredMetrics.class).metrics();
    }

    static Map<String, LastValue> lastValues(Device d) {
        return d.lastValues == null ? Map.of()
                : JsonText.read("{\"values\":" + d.lastValues + "}", StoredLastValues.class).values();
    }

    static DeviceView view(Device d) {
        return new DeviceView(d.id, d.name, d.type, d.facilityId, metrics(d), d.tokenHash != null,
                d.tokenIssuedAt, d.lastSeenAt, lastValues(d), d.tokenHash == null ? "revoked"
                        : d.lastSeenAt == null ? "never-seen" : "active");
    }
}
