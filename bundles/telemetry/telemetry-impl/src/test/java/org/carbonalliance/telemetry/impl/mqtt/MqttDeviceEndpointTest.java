package org.carbonalliance.telemetry.impl.mqtt;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The endpoint against the Eclipse Paho MQTT 3.1.1 client. */
public class MqttDeviceEndpointTest {

    private static final String DEVICE = "dev-1";
    private static final String TOKEN = "dev_secret-1";
    private static final String TOPIC = "alliance/dev-1/senml";
    private static final byte[] SENML = "[{\"n\":\"temp\",\"u\":\"Cel\",\"v\":21.5}]".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_PAYLOAD = 1024;

    private final FakeGateway gateway = new FakeGateway();
    private final List<MqttAsyncClient> clients = new ArrayList<>();
    private final CountDownLatch lost = new CountDownLatch(1);
    private MqttDeviceEndpoint endpoint;

    @Before
    public void start() throws IOException {
        gateway.tokens.put(DEVICE, TOKEN);
        endpoint = new MqttDeviceEndpoint(gateway, "127.0.0.1", 0, MAX_PAYLOAD);
        endpoint.start();
    }

    @After
    public void stop() throws MqttException {
        for (MqttAsyncClient c : clients) {
            if (c.isConnected()) {
                c.disconnectForcibly(0, 1000);
            }
            c.close(true);
        }
        endpoint.close();
    }

    private MqttAsyncClient client(String user, String password) throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient("tcp://127.0.0.1:" + endpoint.port(), "any-client-id-" + clients.size(),
                new MemoryPersistence());
        clients.add(c);
        c.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                lost.countDown();
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(5);
        if (user != null) {
            options.setUserName(user);
        }
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
        c.connect(options).waitForCompletion(5000);
        return c;
    }

    private MqttAsyncClient connected() throws MqttException {
        return client(DEVICE, TOKEN);
    }

    private void assertConnectionLost() throws InterruptedException {
        assertTrue("the endpoint should have closed the connection", lost.await(5, TimeUnit.SECONDS));
    }

    @Test
    public void goodCredentialConnects() throws Exception {
        MqttAsyncClient c = connected();
        assertTrue(c.isConnected());
        assertEquals(1, gateway.authentications.get());
    }

    @Test
    public void badPasswordIsRefusedWithCode4() throws Exception {
        try {
            client(DEVICE, "dev_wrong");
            fail("connected with a wrong token");
        } catch (MqttException e) {
            assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, e.getReasonCode());
            assertEquals(4, e.getReasonCode());
        }
    }

    @Test
    public void missingCredentialIsRefusedWithCode4() throws Exception {
        try {
            client(null, null);
            fail("connected without credentials");
        } catch (MqttException e) {
            assertEquals(4, e.getReasonCode());
        }
        assertEquals("no gateway call without a credential", 0, gateway.authentications.get());
    }

    @Test
    public void qos1IsAcknowledgedOnlyAfterTheGatewayReturned() throws Exception {
        MqttAsyncClient c = connected();
        gateway.delayMillis = 300;
        AtomicLong ackedAt = new AtomicLong();
        CountDownLatch acked = new CountDownLatch(1);
        long sent = System.nanoTime();
        IMqttDeliveryToken token = c.publish(TOPIC, SENML, 1, false, null, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken t) {
                ackedAt.set(System.nanoTime());
                acked.countDown();
            }

            @Override
            public void onFailure(IMqttToken t, Throwable e) {
            }
        });
        token.waitForCompletion(5000);
        assertTrue(acked.await(5, TimeUnit.SECONDS));
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
        assertTrue("PUBACK came after " + took + " ms, before the 300 ms commit", took >= 300);
        assertEquals(1, gateway.stored.size());
        assertArrayEquals(SENML, gateway.stored.get(0).payload());
        assertEquals(DEVICE, gateway.stored.get(0).deviceId());
        assertTrue("acknowledged before the commit", ackedAt.get() > gateway.stored.get(0).committedAt());
    }

    @Test
    public void refusedPayloadIsAcknowledgedLoggedAndCounted() throws Exception {
        MqttAsyncClient c = connected();
        assertEquals(0, endpoint.refused(DEVICE));
        c.publish(TOPIC, "bad payload".getBytes(StandardCharsets.UTF_8), 1, false).waitForCompletion(5000);
        assertEquals(1, endpoint.refused(DEVICE));
        assertTrue(gateway.stored.isEmpty());
        c.publish(TOPIC, SENML, 1, false).waitForCompletion(5000);
        assertEquals("the connection goes on after a refused payload", 1, gateway.stored.size());
        assertEquals(1, endpoint.refused(DEVICE));
        assertEquals(0, endpoint.refused("dev-2"));
    }

    @Test
    public void publishToAnotherTopicLosesTheConnection() throws Exception {
        MqttAsyncClient c = connected();
        c.publish("alliance/dev-2/senml", SENML, 0, false);
        assertConnectionLost();
        assertTrue(gateway.stored.isEmpty());
    }

    @Test
    public void revokedTokenStopsTheNextPublish() throws Exception {
        MqttAsyncClient c = connected();
        c.publish(TOPIC, SENML, 1, false).waitForCompletion(5000);
        assertEquals(1, gateway.stored.size());
        gateway.tokens.remove(DEVICE);
        IMqttDeliveryToken second = c.publish(TOPIC, "[{\"n\":\"temp\",\"v\":2}]".getBytes(StandardCharsets.UTF_8), 1,
                false);
        try {
            second.waitForCompletion(5000);
            fail("a publish with a revoked token was acknowledged");
        } catch (MqttException e) {
            assertEquals(MqttException.REASON_CODE_CONNECTION_LOST, e.getReasonCode());
        }
        assertConnectionLost();
        assertEquals(1, gateway.stored.size());
    }

    @Test
    public void qos0IsDelivered() throws Exception {
        MqttAsyncClient c = connected();
        c.publish(TOPIC, SENML, 0, false);
        long until = System.currentTimeMillis() + 5000;
        while (gateway.stored.isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(10);
        }
        assertEquals(1, gateway.stored.size());
        assertArrayEquals(SENML, gateway.stored.get(0).payload());
    }

    @Test
    public void publishesOfOneConnectionAreStoredInOrderOneAtATime() throws Exception {
        MqttAsyncClient c = connected();
        gateway.delayMillis = 20;
        List<IMqttDeliveryToken> tokens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tokens.add(c.publish(TOPIC, ("[{\"n\":\"n\",\"v\":" + i + "}]").getBytes(StandardCharsets.UTF_8),
                    i % 2, false));
        }
        for (IMqttDeliveryToken t : tokens) {
            t.waitForCompletion(5000);
        }
        long until = System.currentTimeMillis() + 5000;
        while (gateway.stored.size() < 8 && System.currentTimeMillis() < until) {
            Thread.sleep(10);
        }
        assertEquals(8, gateway.stored.size());
        for (int i = 0; i < 8; i++) {
            assertEquals("[{\"n\":\"n\",\"v\":" + i + "}]", gateway.stored.get(i).text());
        }
        assertEquals(1, gateway.maxConcurrentPublishes.get());
    }

    @Test
    public void serverFailureIsNotAcknowledgedAndClosesTheConnection() throws Exception {
        MqttAsyncClient c = connected();
        gateway.failure = new IllegalStateException("database down");
        try {
            c.publish(TOPIC, SENML, 1, false).waitForCompletion(5000);
            fail("acknowledged although the commit failed");
        } catch (MqttException e) {
            assertEquals(MqttException.REASON_CODE_CONNECTION_LOST, e.getReasonCode());
        }
        assertConnectionLost();
        assertEquals(0, endpoint.refused(DEVICE));
    }

    @Test
    public void payloadAtTheLimitIsStoredAboveItLosesTheConnection() throws Exception {
        MqttAsyncClient c = connected();
        byte[] atLimit = new byte[MAX_PAYLOAD];
        Arrays.fill(atLimit, (byte) 'x');
        c.publish(TOPIC, atLimit, 1, false).waitForCompletion(5000);
        assertEquals(1, gateway.stored.size());
        c.publish(TOPIC, new byte[MAX_PAYLOAD + 1], 1, false);
        assertConnectionLost();
        assertEquals(1, gateway.stored.size());
    }

    @Test
    public void qos2LosesTheConnection() throws Exception {
        MqttAsyncClient c = connected();
        c.publish(TOPIC, SENML, 2, false);
        assertConnectionLost();
        assertTrue(gateway.stored.isEmpty());
    }

    @Test
    public void subscribeLosesTheConnection() throws Exception {
        MqttAsyncClient c = connected();
        c.subscribe("alliance/#", 1);
        assertConnectionLost();
    }

    @Test
    public void pingsKeepTheConnectionAndSilenceEndsIt() throws Exception {
        try (Socket s = new Socket("127.0.0.1", endpoint.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(RawMqtt.connect311(DEVICE, TOKEN, 1));
            assertArrayEquals(new byte[] { 0x20, 0x02, 0x00, 0x00 }, in.readNBytes(4));
            for (int i = 0; i < 3; i++) { // 3 pings 1 s apart: longer than 1.5 s in all
                Thread.sleep(1000);
                out.write(new byte[] { (byte) 0xC0, 0x00 });
                assertArrayEquals(new byte[] { (byte) 0xD0, 0x00 }, in.readNBytes(2));
            }
            long silent = System.nanoTime();
            assertEquals("closed after keep-alive x 1.5", -1, in.read());
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - silent);
            assertTrue("closed after " + waited + " ms", waited >= 1400 && waited < 3500);
        }
    }

    @Test
    public void packetBeforeConnectIsRefused() throws Exception {
        try (Socket s = new Socket("127.0.0.1", endpoint.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(new byte[] { (byte) 0xC0, 0x00 }); // PINGREQ
            assertEquals(-1, s.getInputStream().read());
        }
    }

    @Test
    public void takenPortIsRefused() {
        MqttDeviceEndpoint second = new MqttDeviceEndpoint(gateway, "127.0.0.1", endpoint.port(), MAX_PAYLOAD);
        try {
            second.start();
            second.close();
            fail("bound a taken port");
        } catch (IOException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    @Test
    public void closeStopsAcceptingAndEndsConnections() throws Exception {
        connected();
        int port = endpoint.port();
        long t0 = System.nanoTime();
        endpoint.close();
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue("close took " + took + " ms", took < 3000);
        assertConnectionLost();
        try (Socket s = new Socket("127.0.0.1", port)) {
            fail("still accepting on " + s.getLocalPort() + " -> " + port);
        } catch (ConnectException expected) {
            // nothing listens any more
        }
        endpoint.close(); // twice is harmless
        assertFalse(clients.get(0).isConnected());
    }
}
