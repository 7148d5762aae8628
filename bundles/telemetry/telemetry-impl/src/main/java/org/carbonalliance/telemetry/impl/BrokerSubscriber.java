package org.carbonalliance.telemetry.impl;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.carbonalliance.platform.api.health.HealthCheck;
import org.carbonalliance.platform.api.health.HealthResult;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The external-broker mode: an Eclipse Paho client with manual acknowledgements on the shared subscription
 * {@code $share/<group>/alliance/+/senml}. Each message is stored like an HTTP batch, as the device named by the topic,
 * and acknowledged only after the commit; a refused payload is logged, counted per device and acknowledged (it would
 * be refused again); a server failure is not acknowledged, so the broker delivers it again.
 */
@Component(service = HealthCheck.class, configurationPid = "org.carbonalliance.telemetry.broker")
@Designate(ocd = BrokerConfig.class)
public class BrokerSubscriber implements HealthCheck, MqttCallbackExtended {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerSubscriber.class);

    private final Database database;
    private final Ingest ingest;
    private final BrokerConfig config;
    private final MqttClient client;
    private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService retry =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "telemetry-broker-connect");
                t.setDaemon(true);
                return t;
            });
    private volatile String problem;

    @Activate
    public BrokerSubscriber(@Reference TelemetryDatabase telemetry, @Reference TelemetryService service,
            BrokerConfig config) {
        this.database = telemetry.database();
        this.ingest = service.ingest;
        this.config = config;
        MqttClient created = null;
        if (config.enabled()) {
            try {
                created = new MqttClient(config.url(), config.clientId(), new MemoryPersistence());
                created.setManualAcks(true);
                created.setCallback(this);
                MqttConnectOptions options = new MqttConnectOptions();
                options.setAutomaticReconnect(true);
                options.setCleanSession(false);
                options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
                if (!config.username().isBlank()) {
                    options.setUserName(config.username());
                    options.setPassword(config.password().toCharArray());
                }
                MqttClient connecting = created;
                retry.execute(() -> connect(connecting, options));
            } catch (MqttException e) {
                problem = "the broker URL " + config.url() + " is not usable: " + e.getMessage();
                LOG.error("Telemetry: {}", problem);
            }
        }
        this.client = created;
    }

    /** Connects, retrying every 10 s until the broker answers (Paho reconnects by itself only after a first success). */
    private void connect(MqttClient mqtt, MqttConnectOptions options) {
        try {
            mqtt.connect(options);
        } catch (MqttException e) {
            problem = "the broker " + config.url() + " could not be reached: " + e.getMessage() + " (retrying)";
            LOG.warn("Telemetry: {}", problem);
            retry.schedule(() -> connect(mqtt, options), 10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        try {
            client.subscribe("$share/" + config.group() + "/alliance/+/senml", 1);
            problem = null;
            LOG.info("Telemetry: subscribed to {} (shared group {})", serverUri, config.group());
        } catch (MqttException e) {
            problem = "subscription failed: " + e.getMessage();
            LOG.error("Telemetry: {}", problem);
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        problem = "connection to the broker lost: " + cause + " (reconnecting)";
        LOG.warn("Telemetry: {}", problem);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws MqttException {
        String[] parts = topic.split("/");
        String device = parts.length == 3 ? parts[1] : null;
        try {
            Optional<AlliancePrincipal> principal = device == null ? Optional.empty() : principal(device);
            if (principal.isEmpty()) {
                count(device, "no such device, or its token is revoked");
            } else {
                CurrentPrincipal.supplyAs(principal.get(), () -> ingest.ingest(principal.get(),
                        "application/senml+json", message.getPayload()));
            }
        } catch (ApiException e) {
            count(device, e.getMessage());
        } catch (RuntimeException e) {
            // Not acknowledged: the broker delivers it again when the session resumes.
            LOG.error("Telemetry: a message from {} could not be stored; it will be delivered again", device, e);
            return;
        }
        client.messageArrivedComplete(message.getId(), message.getQos());
    }

    /** The device's principal when it exists and has a token (a revoked device's messages are refused). */
    private Optional<AlliancePrincipal> principal(String device) {
        return Optional.ofNullable(database.readAcrossTenants("telemetry: external broker message", em -> {
            Device d = em.find(Device.class, device);
            return d == null || d.tokenHash == null ? null
                    : new AlliancePrincipal("device:" + d.id, d.tenantId, java.util.Set.of(Roles.DEVICE));
        }));
    }

    private void count(String device, String why) {
        long n = refused.computeIfAbsent(String.valueOf(device), k -> new AtomicLong()).incrementAndGet();
        LOG.warn("Telemetry: message from {} refused ({} so far): {}", device, n, why);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // The platform publishes nothing.
    }

    @Deactivate
    void stop() {
        retry.shutdownNow();
        if (client != null) {
            try {
                if (client.isConnected()) {
                    client.disconnect(2_000);
                }
                client.close(true);
            } catch (MqttException e) {
                LOG.warn("Telemetry: closing the broker connection: {}", e.getMessage());
            }
        }
    }

    @Override
    public String name() {
        return "mqtt-broker";
    }

    @Override
    public HealthResult check() {
        if (!config.enabled()) {
            return HealthResult.up("external broker not used");
        }
        return problem == null ? HealthResult.up("subscribed at " + config.url()) : HealthResult.degraded(problem);
    }
}
