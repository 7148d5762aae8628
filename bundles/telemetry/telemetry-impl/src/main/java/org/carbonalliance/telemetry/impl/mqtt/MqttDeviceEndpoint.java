package org.carbonalliance.telemetry.impl.mqtt;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device endpoint speaking MQTT 3.1.1 and 5.0 (not a broker): a device connects with its id as user name and its
 * token as password, publishes SenML with QoS 0 or 1 to {@code alliance/<deviceId>/senml}, and a QoS 1 PUBLISH is
 * acknowledged only after {@link DeviceGateway#publish} returned, that is after the commit. Anything else (another
 * topic, QoS 2, SUBSCRIBE, a payload above the limit, a token revoked meanwhile) ends the connection; see
 * {@link DeviceConnection} for the details, including what a refused payload gets in each protocol version.
 * <p>
 * Netty NIO with one accepting and two I/O threads; gateway calls run on a small pool of their own.
 */
public final class MqttDeviceEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttDeviceEndpoint.class);
    /** Seconds a new connection has to send CONNECT. */
    static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** Room in a packet's length for the topic, packet id and MQTT 5 properties besides the payload. */
    private static final int HEADER_ROOM = 4096;
    private static final int GATEWAY_THREADS = 4;

    private final DeviceGateway gateway;
    private final String host;
    private final int requestedPort;
    private final int maxPayloadBytes;
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();

    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private ExecutorService gatewayCalls;
    private ChannelGroup connections;
    private Channel server;
    private final io.netty.handler.ssl.SslContext tls;

    /**
     * @param port the TCP port, 0 for any free one (see {@link #port()})
     * @param maxPayloadBytes the largest PUBLISH payload accepted; a larger one ends the connection
     */
    public MqttDeviceEndpoint(DeviceGateway gateway, String host, int port, int maxPayloadBytes) {
        this(gateway, host, port, maxPayloadBytes, null);
    }

    /** @param tls the server's TLS context (MQTT over TLS on this port), or {@code null} for plain TCP */
    public MqttDeviceEndpoint(DeviceGateway gateway, String host, int port, int maxPayloadBytes,
            io.netty.handler.ssl.SslContext tls) {
        this.tls = tls;
        if (maxPayloadBytes <= 0 || port < 0 || port > 65535) {
            throw new IllegalArgumentException("port 0-65535 and a positive payload limit needed");
        }
        this.gateway = gateway;
        this.host = host;
        this.requestedPort = port;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /**
     * Binds the port and starts accepting devices.
     *
     * @throws IOException if the port cannot be bound (taken, or the host is not local)
     */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        boss = new NioEventLoopGroup(1, new DefaultThreadFactory("mqtt-accept", true));
        workers = new NioEventLoopGroup(2, new DefaultThreadFactory("mqtt-io", true));
        gatewayCalls = Executors.newFixedThreadPool(GATEWAY_THREADS, new DefaultThreadFactory("mqtt-gateway", true));
        connections = new DefaultChannelGroup("mqtt-devices", GlobalEventExecutor.INSTANCE);
        // SO_REUSEADDR: a restart right after a crash binds the port even while old connections linger in TIME_WAIT.
        ServerBootstrap bootstrap = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(io.netty.channel.ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        if (tls != null) {
                            ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline()
                                .addLast("decoder", new MqttDecoder(maxPacketBytes()))
                                .addLast("encoder", MqttEncoder.INSTANCE)
                                .addLast("idle", new IdleStateHandler(CONNECT_TIMEOUT_SECONDS, 0, 0))
                                .addLast("device", new DeviceConnection(gateway, gatewayCalls, maxPayloadBytes,
                                        MqttDeviceEndpoint.this::countRefusal));
                    }
                });
        try {
            server = bootstrap.bind(host, requestedPort).sync().channel();
        } catch (Exception e) {
            shutDown();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while binding MQTT port");
            }
            throw e instanceof IOException io ? io : new IOException("cannot listen on " + host + ":" + requestedPort, e);
        }
        LOG.info("MQTT device endpoint listening on {}:{}", host, port());
    }

    /** The decoder's limit: the payload limit plus room for the rest of a PUBLISH (checked exactly later). */
    private int maxPacketBytes() {
        return (int) Math.min(Integer.MAX_VALUE, (long) maxPayloadBytes + HEADER_ROOM);
    }

    /** The bound port (the chosen one when constructed with 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** How many payloads of this device the gateway refused since start (for tests and health pages). */
    public long refused(String deviceId) {
        LongAdder n = refusals.get(deviceId);
        return n == null ? 0 : n.sum();
    }

    private void countRefusal(String deviceId) {
        refusals.computeIfAbsent(deviceId, d -> new LongAdder()).increment();
    }

    /**
     * Stops accepting, closes every connection (unacknowledged messages are sent again by the devices), lets gateway
     * calls under way finish for up to 5 s, then stops the threads. Does nothing when not started.
     */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.close().syncUninterruptibly();
        server = null;
        shutDown();
        LOG.info("MQTT device endpoint stopped");
    }

    private void shutDown() {
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        gatewayCalls.shutdown();
        try {
            if (!gatewayCalls.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("MQTT gateway calls still running after 5 s; stopping anyway");
                gatewayCalls.shutdownNow();
            }
        } catch (InterruptedException e) {
            gatewayCalls.shutdownNow();
            Thread.currentThread().interrupt();
        }
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        boss.terminationFuture().awaitUninterruptibly(3, TimeUnit.SECONDS);
        workers.terminationFuture().awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
