package org.carbonalliance.telemetry.impl;

import java.io.IOException;
import org.carbonalliance.platform.api.health.HealthCheck;
import org.carbonalliance.platform.api.health.HealthResult;
import org.carbonalliance.telemetry.impl.mqtt.MqttDeviceEndpoint;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the embedded MQTT device endpoint while enabled. A port that cannot be bound leaves HTTP ingest working and
 * shows in {@code /api/health} as {@code mqtt} DEGRADED. A configuration change restarts the endpoint.
 */
@Component(service = HealthCheck.class, configurationPid = "org.carbonalliance.telemetry.mqtt")
@Designate(ocd = MqttConfig.class)
public class MqttEndpointComponent implements HealthCheck {

    static final String PORT_PROPERTY = "org.carbonalliance.telemetry.mqtt.port";
    private static final Logger LOG = LoggerFactory.getLogger(MqttEndpointComponent.class);
    private static final int MAX_PAYLOAD = (int) IngestResource.MAX_BYTES;

    private final MqttDeviceEndpoint endpoint;
    private final String problem;

    @Activate
    public MqttEndpointComponent(@Reference TelemetryService telemetry, @Reference DeviceAuthenticator authenticator,
            MqttConfig config, BundleContext context) {
        if (!config.enabled()) {
            endpoint = null;
            problem = null;
            return;
        }
        String override = context.getProperty(PORT_PROPERTY);
        int port = override != null ? Integer.parseInt(override.strip()) : config.port();
        MqttDeviceEndpoint started = new MqttDeviceEndpoint(new MqttGateway(authenticator, telemetry.ingest),
                config.host(), port, MAX_PAYLOAD);
        String failure = null;
        try {
            started.start();
            LOG.info("MQTT device endpoint listening on {}:{}", config.host(), started.port());
        } catch (IOException | RuntimeException e) {
            failure = "MQTT port " + port + " could not be bound: " + e.getMessage();
            LOG.error("{}; devices can still send over HTTP", failure);
            started.close();
            started = null;
        }
        endpoint = started;
        problem = failure;
    }

    @Deactivate
    void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Override
    public String name() {
        return "mqtt";
    }

    @Override
    public HealthResult check() {
        if (problem != null) {
            return HealthResult.degraded(problem);
        }
        return endpoint == null ? HealthResult.up("MQTT endpoint disabled")
                : HealthResult.up("MQTT endpoint on port " + endpoint.port());
    }
}
