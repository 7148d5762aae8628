package org.carbonalliance.telemetry.impl;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.telemetry.impl.mqtt.DeviceGateway;

/**
 * What the MQTT endpoint calls: device credentials through {@link DeviceAuthenticator} (the same check as HTTP), and
 * payloads through {@link Ingest} (the same rules, all or nothing, returning after the commit).
 */
class MqttGateway implements DeviceGateway {

    private final DeviceAuthenticator authenticator;
    private final Ingest ingest;
    /** The principal of each device that authenticated, for its publishes. */
    private final Map<String, AlliancePrincipal> principals = new ConcurrentHashMap<>();

    MqttGateway(DeviceAuthenticator authenticator, Ingest ingest) {
        this.authenticator = authenticator;
        this.ingest = ingest;
    }

    @Override
    public boolean authenticate(String deviceId, String token) {
        Optional<AlliancePrincipal> principal = token == null ? Optional.empty() : authenticator.authenticate(token)
                .filter(p -> p.username().equals("device:" + deviceId));
        principal.ifPresentOrElse(p -> principals.put(deviceId, p), () -> principals.remove(deviceId));
        return principal.isPresent();
    }

    @Override
    public void publish(String deviceId, byte[] payload) {
        AlliancePrincipal principal = principals.get(deviceId);
        if (principal == null) {
            throw new IllegalStateException("device " + deviceId + " published without a checked credential");
        }
        try {
            CurrentPrincipal.supplyAs(principal, () -> ingest.ingest(principal, "application/senml+json", payload));
        } catch (ApiException e) {
            if (e.status() >= 500) {
                throw e;
            }
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
