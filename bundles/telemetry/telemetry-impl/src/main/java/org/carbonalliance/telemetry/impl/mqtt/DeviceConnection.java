package org.carbonalliance.telemetry.impl.mqtt;

import static io.netty.handler.codec.mqtt.MqttReasonCodes.Disconnect.KEEP_ALIVE_TIMEOUT;
import static io.netty.handler.codec.mqtt.MqttReasonCodes.Disconnect.MALFORMED_PACKET;
import static io.netty.handler.codec.mqtt.MqttReasonCodes.Disconnect.NOT_AUTHORIZED;
import static io.netty.handler.codec.mqtt.MqttReasonCodes.Disconnect.PACKET_TOO_LARGE;
import static io.netty.handler.codec.mqtt.MqttReasonCodes.Disconnect.PROTOCOL_ERROR;
import static io.netty.handler.codec.mqtt.MqttReasonCodes.Disconnect.QOS_NOT_SUPPORTED;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's connection. Packets are handled strictly in order: while a gateway call (on the gateway executor) is
 * under way, later packets wait in a queue, and reading pauses when it grows.
 * <ul>
 * <li>CONNECT: user name = device id, password = token, checked with {@link DeviceGateway#authenticate}. Refused:
 * CONNACK 0x04 (3.1.1) or 0x86 (5), then close. The client id may be anything; a will is ignored. Keep-alive is
 * enforced at 1.5 times the client's value (0: none).</li>
 * <li>PUBLISH, only to {@code alliance/<deviceId>/senml} with QoS 0 or 1: the credential is checked again (a revoked
 * token ends the connection at once), then {@link DeviceGateway#publish}. QoS 1 gets its PUBACK only after that
 * returned. A payload the gateway refuses ({@link IllegalArgumentException}) is logged and counted; MQTT 5 gets PUBACK
 * 0x99 (payload format invalid), while MQTT 3.1.1, which has no negative acknowledgement, gets a plain PUBACK so the
 * device does not send the bad payload forever: there the refusal shows only in the log and the count. Any other
 * failure is the server's: no PUBACK, the connection is closed and the device sends again later.</li>
 * <li>PINGREQ: PINGRESP. DISCONNECT: close. Anything else (SUBSCRIBE, QoS 2, another topic, an oversized payload, a
 * malformed packet): close, after a DISCONNECT with a reason code in MQTT 5.</li>
 * </ul>
 */
final class DeviceConnection extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceConnection.class);
    /** Queued packets above which reading pauses until the queue is empty again. */
    private static final int QUEUE_HIGH_WATER = 32;
    private static final byte PAYLOAD_FORMAT_INVALID = MqttReasonCodes.PubAck.PAYLOAD_FORMAT_INVALID.byteValue();

    private final DeviceGateway gateway;
    private final Executor gatewayCalls;
    private final int maxPayloadBytes;
    private final Consumer<String> refusals;
    private final Queue<MqttMessage> queue = new ArrayDeque<>();

    private ChannelHandlerContext ctx;
    private MqttVersion version = MqttVersion.MQTT_3_1_1;
    private boolean busy;
    private boolean closing;
    private String deviceId;
    private String token;
    private String topic;

    DeviceConnection(DeviceGateway gateway, Executor gatewayCalls, int maxPayloadBytes, Consumer<String> refusals) {
        this.gateway = gateway;
        this.gatewayCalls = gatewayCalls;
        this.maxPayloadBytes = maxPayloadBytes;
        this.refusals = refusals;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof MqttMessage) || closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        queue.add((MqttMessage) msg);
        if (queue.size() >= QUEUE_HIGH_WATER) {
            ctx.channel().config().setAutoRead(false);
        }
        drain();
    }

    private void drain() {
        while (!busy && !closing) {
            MqttMessage m = queue.poll();
            if (m == null) {
                if (!ctx.channel().config().isAutoRead()) {
                    ctx.channel().config().setAutoRead(true);
                }
                return;
            }
            try {
                handle(m);
            } finally {
                ReferenceCountUtil.release(m);
            }
        }
    }

    private void handle(MqttMessage m) {
        if (m.decoderResult().isFailure()) {
            malformed(m.decoderResult().cause());
            return;
        }
        MqttMessageType type = m.fixedHeader().messageType();
        if (deviceId == null) {
            if (type == MqttMessageType.CONNECT) {
                connect((MqttConnectMessage) m);
            } else {
                disconnect(PROTOCOL_ERROR, type + " before CONNECT");
            }
            return;
        }
        switch (type) {
            case PUBLISH -> publish((MqttPublishMessage) m);
            case PINGREQ -> ctx.writeAndFlush(new MqttMessage(
                    new MqttFixedHeader(MqttMessageType.PINGRESP, false, MqttQoS.AT_MOST_ONCE, false, 0)));
            case DISCONNECT -> {
                closing = true;
                ctx.close();
            }
            case SUBSCRIBE, UNSUBSCRIBE -> disconnect(NOT_AUTHORIZED, type + " (devices may only publish)");
            default -> disconnect(PROTOCOL_ERROR, type + " not expected from a device");
        }
    }

    private void connect(MqttConnectMessage m) {
        MqttConnectVariableHeader header = m.variableHeader();
        version = MqttVersion.fromProtocolNameAndLevel(header.name(), (byte) header.version());
        String user = header.hasUserName() ? m.payload().userName() : null;
        byte[] password = header.hasPassword() ? m.payload().passwordInBytes() : null;
        if (user == null || password == null) {
            refuseConnect(false, "no user name or password");
            return;
        }
        String secret = new String(password, StandardCharsets.UTF_8);
        int keepAlive = header.keepAliveTimeSeconds();
        call(() -> gateway.authenticate(user, secret), (ok, failure) -> {
            if (failure != null) {
                LOG.error("MQTT device {}: credential check failed", user, failure);
                refuseConnect(true, "server failure");
            } else if (!ok) {
                refuseConnect(false, "bad credential for device " + user);
            } else {
                accept(user, secret, keepAlive);
            }
        });
    }

    private void accept(String user, String secret, int keepAliveSeconds) {
        deviceId = user;
        token = secret;
        topic = "alliance/" + user + "/senml";
        if (keepAliveSeconds > 0) {
            ctx.pipeline().replace("idle", "idle",
                    new IdleStateHandler(keepAliveSeconds * 1500L, 0, 0, TimeUnit.MILLISECONDS));
        } else {
            ctx.pipeline().remove("idle");
        }
        MqttMessageBuilders.ConnAckBuilder ack = MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED).sessionPresent(false);
        if (version == MqttVersion.MQTT_5) {
            ack.properties(p -> p.maximumQos((byte) 1));
        }
        ctx.writeAndFlush(ack.build());
        LOG.debug("MQTT device {} connected from {}", user, ctx.channel().remoteAddress());
    }

    private void refuseConnect(boolean serverFailure, String why) {
        LOG.info("MQTT connection from {} refused: {}", ctx.channel().remoteAddress(), why);
        boolean v5 = version == MqttVersion.MQTT_5;
        MqttConnectReturnCode code = serverFailure
                ? (v5 ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5
                        : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE)
                : (v5 ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                        : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
        sendThenClose(MqttMessageBuilders.connAck().returnCode(code).sessionPresent(false).build());
    }

    private void publish(MqttPublishMessage m) {
        MqttQoS qos = m.fixedHeader().qosLevel();
        String to = m.variableHeader().topicName();
        if (qos != MqttQoS.AT_MOST_ONCE && qos != MqttQoS.AT_LEAST_ONCE) {
            disconnect(QOS_NOT_SUPPORTED, "PUBLISH with " + qos + " (only QoS 0 and 1)");
            return;
        }
        if (!topic.equals(to)) {
            disconnect(NOT_AUTHORIZED, "PUBLISH to '" + to + "' (only " + topic + ")");
            return;
        }
        if (m.payload().readableBytes() > maxPayloadBytes) {
            disconnect(PACKET_TOO_LARGE, "payload of " + m.payload().readableBytes() + " bytes (limit "
                    + maxPayloadBytes + ")");
            return;
        }
        byte[] payload = ByteBufUtil.getBytes(m.payload());
        int packetId = m.variableHeader().packetId();
        call(() -> {
            if (!gateway.authenticate(deviceId, token)) {
                return false;
            }
            gateway.publish(deviceId, payload);
            return true;
        }, (stored, failure) -> published(qos, packetId, stored, failure));
    }

    private void published(MqttQoS qos, int packetId, Boolean stored, Throwable failure) {
        if (failure instanceof IllegalArgumentException) {
            LOG.info("MQTT payload of device {} refused: {}", deviceId, failure.getMessage());
            refusals.accept(deviceId);
            if (qos == MqttQoS.AT_LEAST_ONCE) {
                ctx.writeAndFlush(MqttMessageBuilders.pubAck().packetId(packetId)
                        .reasonCode(version == MqttVersion.MQTT_5 ? PAYLOAD_FORMAT_INVALID : 0).build());
            }
        } else if (failure != null) {
            LOG.error("MQTT payload of device {} could not be stored; closing without acknowledgement", deviceId,
                    failure);
            closing = true;
            ctx.close();
        } else if (!stored) {
            disconnect(NOT_AUTHORIZED, "credential no longer valid");
        } else if (qos == MqttQoS.AT_LEAST_ONCE) {
            ctx.writeAndFlush(MqttMessageBuilders.pubAck().packetId(packetId).build());
        }
    }

    /**
     * Runs {@code work} on the gateway executor, then {@code then} (result or failure) back on this channel's event
     * loop. Until then no other packet of this connection is handled.
     */
    private <T> void call(Callable<T> work, BiConsumer<T, Throwable> then) {
        busy = true;
        try {
            gatewayCalls.execute(() -> {
                if (!ctx.channel().isActive()) {
                    return; // closed meanwhile: nobody to answer
                }
                T result = null;
                Throwable failure = null;
                try {
                    result = work.call();
                } catch (Throwable t) {
                    failure = t;
                }
                T r = result;
                Throwable f = failure;
                try {
                    ctx.executor().execute(() -> {
                        busy = false;
                        if (!closing) {
                            then.accept(r, f);
                            drain();
                        }
                    });
                } catch (RejectedExecutionException stopped) {
                    LOG.debug("MQTT endpoint stopped before the answer to device {} could be sent", deviceId);
                }
            });
        } catch (RejectedExecutionException stopped) {
            busy = false;
            closing = true;
            ctx.close();
        }
    }

    private void malformed(Throwable cause) {
        if (cause instanceof MqttUnacceptableProtocolVersionException) {
            LOG.info("MQTT connection from {} refused: {}", ctx.channel().remoteAddress(), cause.getMessage());
            sendThenClose(MqttMessageBuilders.connAck()
                    .returnCode(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION).build());
        } else if (cause instanceof TooLongFrameException) {
            disconnect(PACKET_TOO_LARGE, "packet too large (payload limit " + maxPayloadBytes + " bytes)");
        } else {
            disconnect(MALFORMED_PACKET, "malformed packet: " + cause.getMessage());
        }
    }

    /** Ends the connection, with a DISCONNECT carrying {@code reason} first in MQTT 5 (3.1.1 has no server one). */
    private void disconnect(MqttReasonCodes.Disconnect reason, String why) {
        LOG.info("MQTT device {} ({}) disconnected: {}", deviceId == null ? "not connected" : deviceId,
                ctx.channel().remoteAddress(), why);
        if (version == MqttVersion.MQTT_5) {
            sendThenClose(MqttMessageBuilders.disconnect().reasonCode(reason.byteValue()).build());
        } else {
            closing = true;
            ctx.close();
        }
    }

    private void sendThenClose(MqttMessage last) {
        closing = true;
        ctx.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            if (closing) {
                return;
            }
            disconnect(KEEP_ALIVE_TIMEOUT, deviceId == null ? "no CONNECT in time" : "keep-alive expired");
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        MqttMessage m;
        while ((m = queue.poll()) != null) {
            ReferenceCountUtil.release(m);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("MQTT connection of device {} failed", deviceId, cause);
        closing = true;
        ctx.close();
    }
}
