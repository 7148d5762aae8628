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

    @Inject
    private org.osgi.service.cm.ConfigurationAdmin configAdmin;

    /** Trusts any server certificate: the test's own self-signed one. */
    private static javax.net.ssl.SSLSocketFactory trustingEverything() throws Exception {
        javax.net.ssl.TrustManager[] trustAll = { new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        } };
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, trustAll, new java.security.SecureRandom());
        return tls.getSocketFactory();
    }

    @Test
    public void withAKeyStoreConfiguredDevicesConnectOverTls() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        java.nio.file.Path store = java.nio.file.Files.createTempDirectory("mqtt-tls").resolve("server.p12");
        Process keytool = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-alias", "mqtt", "-keyalg", "EC", "-dname", "CN=localhost", "-validity",
                "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "itest-store-pass")
                .redirectErrorStream(true).start();
        assertEquals(new String(keytool.getInputStream().readAllBytes()), 0, keytool.waitFor());
        org.osgi.service.cm.Configuration config = configAdmin.getConfiguration("org.carbonalliance.telemetry.mqtt",
                "?");
        java.util.Dictionary<String, Object> properties = new java.util.Hashtable<>();
        properties.put("enabled", true);
        properties.put("host", "127.0.0.1");
        properties.put("port", 1883);
        properties.put("tlsKeystore", store.toString());
        properties.put("tlsKeystorePassword", "itest-store-pass");
        config.update(properties);
        try {
            String admin = memberAdmin(identity, identity.createTenant("Tls Member"), "admin@tls.example");
            JsonNode created = json(http.post("/api/telemetry/devices", admin, "application/json", "{\"name\":"
                    + "\"Secure\",\"type\":\"electricity-meter\",\"metrics\":{\"energy\":\"kWh\"}}"));
            String id = created.get("device").get("id").asText();
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName(id);
            options.setPassword(created.get("token").asText().toCharArray());
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setSocketFactory(trustingEverything());
            options.setHttpsHostnameVerificationEnabled(false);
            options.setConnectionTimeout(5);
            MqttClient client = new MqttClient("ssl://127.0.0.1:" + context.getProperty(
                    "org.carbonalliance.telemetry.mqtt.port"), id, new MemoryPersistence());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!client.isConnected()) {   // until the endpoint has restarted with TLS
                try {
                    client.connect(options);
                } catch (MqttException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(200);
                }
            }
            client.publish("alliance/" + id + "/senml", qos1("[{\"n\":\"energy\",\"u\":\"kWh\",\"bt\":"
                    + Instant.parse("2026-11-25T09:00:00Z").getEpochSecond() + ",\"v\":3}]"));
            client.disconnect();
            assertEquals(1, json(http.get("/api/telemetry/devices/" + id + "/series?metric=energy&resolution=raw"
                    + "&from=2026-11-25T00:00:00Z&to=2026-11-26T00:00:00Z", admin)).get("points").size());
        } finally {
            config.delete();
            awaitPlainEndpoint();
        }
    }

    /** Waits until the endpoint answers plain MQTT again (a wrong credential is refused as such). */
    private void awaitPlainEndpoint() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                connect("nobody", "dev_nothing").disconnect();
            } catch (MqttException e) {
                if (e.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION) {
                    return;
                }
            }
            Thread.sleep(200);
        }
    }

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
