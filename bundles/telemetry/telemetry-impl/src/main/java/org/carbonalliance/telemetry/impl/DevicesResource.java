package org.carbonalliance.telemetry.impl;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Call;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.telemetry.impl.TelemetryRecords.DeviceForm;
import org.carbonalliance.telemetry.impl.TelemetryRecords.DeviceView;
import org.carbonalliance.telemetry.impl.TelemetryRecords.DeviceWithToken;
import org.carbonalliance.telemetry.impl.TelemetryRecords.MeteredMonthView;
import org.carbonalliance.telemetry.impl.TelemetryRecords.MonthForm;
import org.carbonalliance.telemetry.impl.TelemetryRecords.Series;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/telemetry/devices}: a member's devices (member-admins manage them and their tokens, member-users read),
 * and each device's series.
 */
@Component(service = RestResource.class)
public class DevicesResource implements RestResource {

    private static final Access MEMBERS = Access.anyRole(Roles.MEMBER_ADMIN, Roles.MEMBER_USER);
    private static final Access ADMIN = Access.anyRole(Roles.MEMBER_ADMIN);

    private final TelemetryService telemetry;

    @Activate
    public DevicesResource(@Reference TelemetryService telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public String base() {
        return "/telemetry/devices";
    }

    @Override
    public String tag() {
        return "telemetry";
    }

    @Override
    public List<Operation> operations() {
        Devices devices = telemetry.devices;
        return List.of(
                Operation.get("").id("listDevices").summary("Your devices, with last seen time and last values")
                        .access(MEMBERS).returnsList(200, DeviceView.class).handle(call -> devices.list()),
                Operation.post("").id("createDevice")
                        .summary("Register a device with its metrics (name to SenML unit); the answer carries its "
                                + "token, shown this once")
                        .access(ADMIN).body(DeviceForm.class).returns(201, DeviceWithToken.class)
                        .error(409, "a device of that name exists")
                        .handle(call -> devices.create(call.body(DeviceForm.class), call.caller())),
                Operation.get("/{id}").id("getDevice").summary("A device").access(MEMBERS)
                        .returns(200, DeviceView.class).error(404, "no such device of yours")
                        .handle(call -> devices.get(call.path("id"))),
                Operation.put("/{id}").id("updateDevice").summary("Change a device's name, type, facility, metrics")
                        .access(ADMIN).guard(call -> devices.get(call.path("id"))).body(DeviceForm.class)
                        .returns(200, DeviceView.class).error(404, "no such device of yours")
                        .error(409, "a device of that name exists")
                        .handle(call -> devices.update(call.path("id"), call.body(DeviceForm.class))),
                Operation.post("/{id}/token").id("rotateDeviceToken")
                        .summary("Issue a new token (shown once); the old one is refused from now on")
                        .access(ADMIN).returns(200, DeviceWithToken.class).error(404, "no such device of yours")
                        .handle(call -> devices.rotate(call.path("id"), call.caller())),
                Operation.delete("/{id}/token").id("revokeDeviceToken")
                        .summary("Revoke the device's token: its requests are refused from now on")
                        .access(ADMIN).returns(200, DeviceView.class).error(404, "no such device of yours")
                        .handle(call -> devices.revoke(call.path("id"), call.caller())),
                Operation.post("/{id}/scope2").id("recordMeterMonth")
                        .summary("Turn an electricity meter's month into the scope 2 activity record of its facility, "
                                + "with provenance (readings, coverage, gaps, SHA-256); months under the coverage "
                                + "threshold are flagged, never filled in")
                        .access(ADMIN).guard(call -> devices.get(call.path("id"))).body(MonthForm.class)
                        .returns(200, MeteredMonthView.class).error(404, "no such device of yours")
                        .error(409, "not a meter linked to a facility, or the period's report is submitted")
                        .handle(call -> telemetry.meters.recordMonth(call.path("id"), java.time.YearMonth.parse(
                                call.body(MonthForm.class).month()))),
                Operation.get("/{id}/series").id("getDeviceSeries")
                        .summary("A metric over [from, to): raw readings or minute, hour, day rollups; auto picks the "
                                + "finest with at most about 2,000 points")
                        .access(MEMBERS).guard(call -> devices.get(call.path("id")))
                        .query("metric", "string", "a metric of the device (required)")
                        .query("from", "string", "ISO-8601 instant (required)")
                        .query("to", "string", "ISO-8601 instant (required)")
                        .query("resolution", "string", "auto (default), raw, minute, hour, day")
                        .returns(200, Series.class).error(404, "no such device of yours")
                        .handle(call -> telemetry.series.series(call.path("id"), required(call, "metric"),
                                instant(call, "from"), instant(call, "to"), resolution(call))));
    }

    private static String required(Call call, String name) {
        return call.query(name).filter(v -> !v.isBlank()).orElseThrow(() -> ApiException.badRequest(
                name + " is required.", List.of(name + ": required")));
    }

    private static Instant instant(Call call, String name) {
        String value = required(call, name);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + ": '" + value + "' is not an instant like 2026-01-31T00:00:00Z.",
                    List.of(name + ": an ISO-8601 instant"));
        }
    }

    private static String resolution(Call call) {
        String value = call.query("resolution").orElse("auto");
        if (!List.of("auto", "raw", "minute", "hour", "day").contains(value)) {
            throw ApiException.badRequest("resolution: auto, raw, minute, hour or day.",
                    List.of("resolution: auto, raw, minute, hour or day"));
        }
        return value;
    }
}
