package org.carbonalliance.telemetry.impl;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
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
        MqttDeviceEndpoint started = null;
        String failure = null;
        try {
            started = new MqttDeviceEndpoint(new MqttGateway(authenticator, telemetry.ingest), config.host(), port,
                    MAX_PAYLOAD, tls(config));
            started.start();
            LOG.info("MQTT device endpoint listening on {}:{}{}", config.host(), started.port(),
                    config.tlsKeystore().isBlank() ? "" : " (TLS)");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            failure = "MQTT endpoint on port " + port + " could not start: " + e.getMessage();
            LOG.error("{}; devices can still send over HTTP", failure);
            if (started != null) {
                started.close();
            }
            started = null;
        }
        endpoint = started;
        problem = failure;
    }

    /** The TLS context from the configured PKCS#12 key store, or {@code null} for plain TCP. */
    private static SslContext tls(MqttConfig config) throws IOException, GeneralSecurityException {
        if (config.tlsKeystore().isBlank()) {
            return null;
        }
        char[] password = config.tlsKeystorePassword().toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(config.tlsKeystore()))) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        return SslContextBuilder.forServer(keys).protocols("TLSv1.3", "TLSv1.2").build();
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
