package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import javax.inject.Inject;
import org.carbonalliance.platform.api.security.IdentityService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The external-broker mode against Debian's Mosquitto (installed by .ci/run; skipped where it is missing): the
 * platform's shared subscription receives what a device publishes with mosquitto_pub, and stores it; a revoked device's
 * messages are not stored.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TelemetryBrokerIT extends PlatformTestSupport {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    @Inject
    private IdentityService identity;

    @Inject
    private ConfigurationAdmin configAdmin;

    private static int port() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void publish(int port, String topic, String payload) throws Exception {
        Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-q", "1",
                "-t", topic, "-m", payload).redirectErrorStream(true).start();
        assertEquals(new String(pub.getInputStream().readAllBytes()), 0, pub.waitFor());
    }

    @Test
    public void aDevicesMessagesThroughMosquittoAreStored() throws Exception {
        assumeTrue("Debian's mosquitto is not installed", Files.isExecutable(MOSQUITTO));
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        int port = port();
        Path conf = Files.createTempFile("mosquitto", ".conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        Process broker = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(conf.resolveSibling(conf.getFileName() + ".log").toFile()).start();
        Configuration config = configAdmin.getConfiguration("org.carbonalliance.telemetry.broker", "?");
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                try (Socket probe = new Socket("127.0.0.1", port)) {
                    break;
                } catch (java.io.IOException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("enabled", true);
            props.put("url", "tcp://127.0.0.1:" + port);
            props.put("group", "alliance");
            props.put("clientId", "itest-node-1");
            config.update(props);

            String admin = memberAdmin(identity, identity.createTenant("Broker Member"), "admin@broker.example");
            JsonNode created = json(http.post("/api/telemetry/devices", admin, "application/json", "{\"name\":"
                    + "\"Gateway meter\",\"type\":\"electricity-meter\",\"metrics\":{\"energy\":\"kWh\"}}"));
            String id = created.get("device").get("id").asText();
            String series = "/api/telemetry/devices/" + id + "/series?metric=energy&resolution=raw"
                    + "&from=2026-11-25T00:00:00Z&to=2026-11-26T00:00:00Z";
            long t = java.time.Instant.parse("2026-11-25T06:00:00Z").getEpochSecond();
            // The subscription is made once the component has connected: publish until the reading arrives.
            Http.Response stored = null;
            for (int attempt = 0; attempt < 40; attempt++) {
                publish(port, "alliance/" + id + "/senml", "[{\"n\":\"energy\",\"u\":\"kWh\",\"bt\":" + t
                        + ",\"v\":7}]");
                stored = http.poll(series, admin, r -> r.body().contains("\"value\":7.0"), Duration.ofMillis(500));
                if (stored.body().contains("\"value\":7.0")) {
                    break;
                }
            }
            assertEquals(stored.body(), 1, json(stored).get("points").size());

            assertEquals(200, http.delete("/api/telemetry/devices/" + id + "/token", admin).status());
            publish(port, "alliance/" + id + "/senml", "[{\"n\":\"energy\",\"u\":\"kWh\",\"bt\":" + (t + 60)
                    + ",\"v\":8}]");
            Thread.sleep(1500);
            assertEquals("a revoked device's message is not stored", 1, json(http.get(series, admin)).get("points")
                    .size());
        } finally {
            config.delete();
            broker.destroy();
            broker.waitFor();
        }
    }
}
