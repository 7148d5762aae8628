package org.carbonalliance.telemetry.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The embedded MQTT device endpoint's settings. */
@ObjectClassDefinition(name = "Alliance telemetry: MQTT endpoint",
        description = "Devices publish SenML to alliance/{deviceId}/senml with their id as user name and their token "
                + "as password; QoS 1 is acknowledged after the readings are committed.")
@interface MqttConfig {

    @AttributeDefinition(name = "Enabled")
    boolean enabled() default true;

    @AttributeDefinition(name = "Address", description = "The address to listen on (0.0.0.0: all).")
    String host() default "0.0.0.0";

    @AttributeDefinition(name = "Port", min = "0", max = "65535", description = "1883 is MQTT's port; 0 picks a free "
            + "one (logged). The framework property org.carbonalliance.telemetry.mqtt.port, when set, overrides it.")
    int port() default 1883;

    @AttributeDefinition(name = "TLS key store", required = false, description = "A PKCS#12 file with the server's "
            + "key and certificate chain: when set, devices connect over TLS (mqtts, usually port 8883).")
    String tlsKeystore() default "";

    @AttributeDefinition(name = "TLS key store password", type = AttributeType.PASSWORD, required = false)
    String tlsKeystorePassword() default "";
}
