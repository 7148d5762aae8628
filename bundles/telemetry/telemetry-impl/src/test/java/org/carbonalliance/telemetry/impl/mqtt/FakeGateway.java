package org.carbonalliance.telemetry.impl.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A gateway in memory: tokens per device, stored payloads with the time they were committed. */
final class FakeGateway implements DeviceGateway {

    /** A committed payload and {@link System#nanoTime()} at its commit. */
    record Stored(String deviceId, byte[] payload, long committedAt) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    final Map<String, String> tokens = new ConcurrentHashMap<>();
    final List<Stored> stored = new CopyOnWriteArrayList<>();
    final AtomicInteger authentications = new AtomicInteger();
    final AtomicInteger maxConcurrentPublishes = new AtomicInteger();
    private final AtomicInteger publishing = new AtomicInteger();
    /** How long each publish takes. */
    volatile long delayMillis;
    /** When set, publish throws it (a server failure). */
    volatile RuntimeException failure;

    @Override
    public boolean authenticate(String deviceId, String token) {
        authentications.incrementAndGet();
        return token != null && token.equals(tokens.get(deviceId));
    }

    @Override
    public void publish(String deviceId, byte[] payload) {
        maxConcurrentPublishes.accumulateAndGet(publishing.incrementAndGet(), Math::max);
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            if (failure != null) {
                throw failure;
            }
            if (new String(payload, StandardCharsets.UTF_8).startsWith("bad")) {
                throw new IllegalArgumentException("record 0: 'v' must be a number");
            }
            stored.add(new Stored(deviceId, payload.clone(), System.nanoTime()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            publishing.decrementAndGet();
        }
    }
}
