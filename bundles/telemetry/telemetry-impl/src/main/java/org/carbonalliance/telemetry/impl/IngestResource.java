package org.carbonalliance.telemetry.impl;

import java.util.List;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.telemetry.impl.TelemetryRecords.IngestResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /api/telemetry/ingest}: a device (its token as {@code Authorization: Bearer dev_...}) sends SenML
 * ({@code application/senml+json}, up to 10,000 records), or a plain JSON object, or a payload a decoder plugin reads.
 * The answer comes after the readings are committed.
 */
@Component(service = RestResource.class)
public class IngestResource implements RestResource {

    static final long MAX_BYTES = 4L * 1024 * 1024;

    private final TelemetryService telemetry;

    @Activate
    public IngestResource(@Reference TelemetryService telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public String base() {
        return "/telemetry/ingest";
    }

    @Override
    public String tag() {
        return "telemetry";
    }

    @Override
    public List<Operation> operations() {
        return List.of(Operation.post("").id("ingestReadings")
                .summary("Readings from a device (Bearer device token): all stored or none; repeats of a reading "
                        + "(same metric and time) are counted as duplicates and change nothing")
                .access(Access.anyRole(Roles.DEVICE))
                .upload("application/senml+json, application/json, or a decoder plugin's type", () -> MAX_BYTES)
                .returns(200, IngestResult.class).error(413, "larger than 4 MiB")
                .error(415, "a media type no decoder reads")
                .handle(call -> telemetry.ingest.ingest(call.caller(), call.header("Content-Type").orElse(null),
                        call.upload().readAllBytes())));
    }
}
