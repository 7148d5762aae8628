package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import javax.inject.Inject;
import org.carbonalliance.platform.api.security.IdentityService;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The embedded MQTT device endpoint with a real client (Eclipse Paho): device credentials, QoS 1 acknowledged after the
 * readings are committed, refused payloads stored not at all, and a revoked token stopping an open connection.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TelemetryMqttIT extends PlatformTestSupport {

    @Inject
    private IdentityService identity;

    private MqttClient connect(String deviceId, String token) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + context.getProperty(
                "org.carbonalliance.telemetry.mqtt.port"), deviceId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(deviceId);
        options.setPassword(token.toCharArray());
        options.setAutomaticReconnect(false);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setConnectionTimeout(10);
        client.connect(options);
        return client;
    }

    private static MqttMessage qos1(String senml) {
        MqttMessage message = new MqttMessage(senml.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        return message;
    }

    @Test
    public void aDevicePublishesOverMqttAndTheAckMeansStored() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String admin = memberAdmin(identity, identity.createTenant("Mqtt Member"), "admin@mqtt.example");
        JsonNode created = json(http.post("/api/telemetry/devices", admin, "application/json", "{\"name\":\"Feeder\","
                + "\"type\":\"electricity-meter\",\"metrics\":{\"energy\":\"kWh\"}}"));
        String id = created.get("device").get("id").asText();
        String token = created.get("token").asText();
        try {
            connect(id, "dev_wrong").disconnect();
            fail("a wrong token connects");
        } catch (MqttException e) {
            assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, e.getReasonCode());
        }
        long t = Instant.parse("2026-11-25T08:00:00Z").getEpochSecond();
        MqttClient client = connect(id, token);
        client.publish("alliance/" + id + "/senml", qos1("[{\"n\":\"energy\",\"u\":\"kWh\",\"bt\":" + t + ",\"v\":42}]"));
        // publish() returned: the PUBACK came, so the reading is committed.
        String series = "/api/telemetry/devices/" + id + "/series?metric=energy&resolution=raw"
                + "&from=2026-11-25T00:00:00Z&to=2026-11-26T00:00:00Z";
        assertEquals(1, json(http.get(series, admin)).get("points").size());
        // A refused payload (wrong unit) is acknowledged under MQTT 3.1.1 (it has no negative ack), but not stored.
        client.publish("alliance/" + id + "/senml", qos1("[{\"n\":\"energy\",\"u\":\"MWh\",\"bt\":" + (t + 60)
                + ",\"v\":1}]"));
        assertEquals(1, json(http.get(series, admin)).get("points").size());
        // Revoked while connected: the next publish is not acknowledged and the connection goes.
        assertEquals(200, http.delete("/api/telemetry/devices/" + id + "/token", admin).status());
        try {
            client.publish("alliance/" + id + "/senml", qos1("[{\"n\":\"energy\",\"u\":\"kWh\",\"bt\":" + (t + 120)
                    + ",\"v\":43}]"));
            fail("a revoked token's publish was acknowledged");
        } catch (MqttException e) {
            assertFalse(client.isConnected());
        }
        assertEquals(1, json(http.get(series, admin)).get("points").size());
        assertTrue(json(http.get("/api/telemetry/devices/" + id, admin)).get("state").asText().equals("revoked"));
    }
}
