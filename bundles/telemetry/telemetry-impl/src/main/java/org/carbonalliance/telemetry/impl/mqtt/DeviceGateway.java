package org.carbonalliance.telemetry.impl.mqtt;

/**
 * What the MQTT endpoint needs from the telemetry store. Both methods may block on the database: the endpoint calls
 * them on its own executor, never on a network thread, and never two at once for one connection.
 */
public interface DeviceGateway {

    /**
     * @return {@code true} if {@code token} is a valid, unrevoked credential of device {@code deviceId}
     */
    boolean authenticate(String deviceId, String token);

    /**
     * Stores a SenML payload of the device and returns only after its readings are committed.
     *
     * @throws IllegalArgumentException when the payload is refused, with a message a device developer can act on
     *         (any other exception is a server failure)
     */
    void publish(String deviceId, byte[] payload);
}
