package org.carbonalliance.telemetry.impl.mqtt;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The endpoint against the Eclipse Paho MQTT 5 client: the reason codes 3.1.1 cannot carry. */
public class Mqtt5DeviceEndpointTest {

    private static final String DEVICE = "dev-5";
    private static final String TOKEN = "dev_secret-5";
    private static final String TOPIC = "alliance/dev-5/senml";
    private static final byte[] SENML = "[{\"n\":\"co2\",\"u\":\"ppm\",\"v\":412}]".getBytes(StandardCharsets.UTF_8);

    private final FakeGateway gateway = new FakeGateway();
    private final CompletableFuture<MqttDisconnectResponse> disconnected = new CompletableFuture<>();
    private MqttDeviceEndpoint endpoint;
    private MqttAsyncClient client;

    @Before
    public void start() throws IOException {
        gateway.tokens.put(DEVICE, TOKEN);
        endpoint = new MqttDeviceEndpoint(gateway, "127.0.0.1", 0, 4096);
        endpoint.start();
    }

    @After
    public void stop() throws MqttException {
        if (client != null) {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000, false);
            }
            client.close(true);
        }
        endpoint.close();
    }

    private IMqttToken connect(String password) throws MqttException {
        client = new MqttAsyncClient("tcp://127.0.0.1:" + endpoint.port(), "", new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                disconnected.complete(response);
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(DEVICE);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(5);
        IMqttToken token = client.connect(options);
        token.waitForCompletion(5000);
        return token;
    }

    private int disconnectReason() throws Exception {
        return disconnected.get(5, TimeUnit.SECONDS).getReturnCode();
    }

    @Test
    public void badPasswordIsRefusedWith0x86() {
        try {
            connect("dev_wrong");
            fail("connected with a wrong token");
        } catch (MqttException e) {
            assertEquals(0x86, e.getReasonCode());
        }
    }

    @Test
    public void connackAdvertisesQos1AsMaximum() throws Exception {
        IMqttToken token = connect(TOKEN);
        assertTrue(client.isConnected());
        assertEquals(Integer.valueOf(1), token.getResponseProperties().getMaximumQoS());
    }

    @Test
    public void qos1IsAcknowledgedAfterTheCommit() throws Exception {
        connect(TOKEN);
        gateway.delayMillis = 300;
        long sent = System.nanoTime();
        IMqttToken token = client.publish(TOPIC, SENML, 1, false);
        token.waitForCompletion(5000);
        long acked = System.nanoTime();
        assertTrue(TimeUnit.NANOSECONDS.toMillis(acked - sent) >= 300);
        assertEquals(1, gateway.stored.size());
        assertArrayEquals(SENML, gateway.stored.get(0).payload());
        assertTrue(gateway.stored.get(0).committedAt() < acked);
        assertEquals(0, token.getReasonCodes()[0]);
    }

    @Test
    public void refusedPayloadGetsPubackPayloadFormatInvalid() throws Exception {
        connect(TOKEN);
        IMqttToken token = client.publish(TOPIC, "bad".getBytes(StandardCharsets.UTF_8), 1, false);
        int reason;
        try {
            token.waitForCompletion(5000);
            reason = token.getReasonCodes()[0];
        } catch (MqttException e) {
            reason = e.getReasonCode();
        }
        assertEquals(0x99, reason);
        assertEquals(1, endpoint.refused(DEVICE));
        assertTrue(gateway.stored.isEmpty());
        client.publish(TOPIC, SENML, 1, false).waitForCompletion(5000);
        assertEquals("the connection goes on", 1, gateway.stored.size());
    }

    @Test
    public void anotherTopicGetsDisconnectNotAuthorized() throws Exception {
        connect(TOKEN);
        client.publish("alliance/dev-1/senml", SENML, 1, false);
        assertEquals(0x87, disconnectReason());
        assertTrue(gateway.stored.isEmpty());
    }

    @Test
    public void revokedTokenGetsDisconnectNotAuthorized() throws Exception {
        connect(TOKEN);
        client.publish(TOPIC, SENML, 1, false).waitForCompletion(5000);
        gateway.tokens.put(DEVICE, "dev_rotated");
        IMqttToken second = client.publish(TOPIC, SENML, 1, false);
        assertEquals(0x87, disconnectReason());
        assertEquals(1, gateway.stored.size());
        assertTrue(second.getException() != null || !second.isComplete());
    }

    @Test
    public void subscribeGetsDisconnectNotAuthorized() throws Exception {
        connect(TOKEN);
        client.subscribe("alliance/+/senml", 1);
        MqttDisconnectResponse response = disconnected.get(5, TimeUnit.SECONDS);
        assertNotNull(response);
        assertEquals(0x87, response.getReturnCode());
    }
}
