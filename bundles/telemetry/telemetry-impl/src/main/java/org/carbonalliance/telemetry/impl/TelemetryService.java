package org.carbonalliance.telemetry.impl;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.plugin.PluginCalls;
import org.carbonalliance.platform.api.security.IdentityService;
import org.carbonalliance.platform.api.security.Tenant;
import org.carbonalliance.telemetry.api.PayloadDecoder;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Telemetry's parts, wired once: devices, ingest (with the decoder plugins), series, the console's view. */
@Component(service = TelemetryService.class)
public class TelemetryService {

    final Devices devices;
    final Ingest ingest;
    final SeriesQuery series;
    final TelemetryConsole console;
    final MeterScope2 meters;
    /** A decoder with its service ranking and id: the highest ranking, then the oldest service, is asked first. */
    private record Ranked(PayloadDecoder decoder, int ranking, long serviceId) {
    }

    private final List<Ranked> decoders = new CopyOnWriteArrayList<>();

    @Activate
    public TelemetryService(@Reference TelemetryDatabase telemetry, @Reference DeviceAuthenticator authenticator,
            @Reference AuditLog audit, @Reference IdentityService identity, @Reference MeterScope2 meters,
            @Reference PluginCalls calls, @Reference EventAdmin events) {
        this.meters = meters;
        Clock clock = Clock.systemUTC();
        this.devices = new Devices(telemetry.database(), authenticator, audit, clock, events);
        this.ingest = new Ingest(telemetry.database(), () -> decoders.stream()
                .sorted(Comparator.comparingInt(Ranked::ranking).reversed().thenComparingLong(Ranked::serviceId))
                .map(Ranked::decoder).toList(), clock, calls, events);
        this.series = new SeriesQuery(telemetry.database());
        this.console = new TelemetryConsole(telemetry.database(), devices,
                tenantId -> identity.tenant(tenantId).map(Tenant::name).orElse(tenantId));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDecoder(PayloadDecoder decoder, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        decoders.add(new Ranked(decoder, ranking instanceof Integer i ? i : 0,
                (Long) properties.get(Constants.SERVICE_ID)));
    }

    void removeDecoder(PayloadDecoder decoder) {
        decoders.removeIf(r -> r.decoder() == decoder);
        ingest.forget(decoder);
    }
}
