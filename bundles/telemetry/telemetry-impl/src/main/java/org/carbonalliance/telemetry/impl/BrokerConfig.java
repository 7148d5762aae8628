package org.carbonalliance.telemetry.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Receiving readings from an external MQTT broker instead of (or beside) the embedded endpoint. */
@ObjectClassDefinition(name = "Alliance telemetry: external MQTT broker",
        description = "The platform subscribes to alliance/+/senml on a broker with a shared subscription, so several "
                + "platform nodes split the load; a message is acknowledged after its readings are committed. The "
                + "broker authenticates devices and must let each publish only to its own topic.")
@interface BrokerConfig {

    @AttributeDefinition(name = "Enabled")
    boolean enabled() default false;

    @AttributeDefinition(name = "Broker URL", description = "tcp://host:1883 or ssl://host:8883")
    String url() default "tcp://localhost:1883";

    @AttributeDefinition(name = "User name", required = false)
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Shared subscription group", description = "Nodes in the same group share the messages.")
    String group() default "alliance";

    @AttributeDefinition(name = "Client id", description = "Unique per node; its session keeps unacknowledged messages.")
    String clientId() default "alliance-platform";
}
