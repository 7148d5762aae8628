package org.carbonalliance.platform.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Alliance login security",
        description = "How repeated failed logins are slowed down, how long a verified password is remembered, and "
                + "how long an invitation stays valid.")
public @interface SecurityConfig {

    @AttributeDefinition(name = "Free attempts", min = "1",
            description = "Failed logins in a row, per account and per client address, before lockouts begin.")
    int freeAttempts() default 5;

    @AttributeDefinition(name = "First lockout (seconds)", min = "1",
            description = "Lockout after the free attempts; it doubles with each further failure.")
    int firstLockoutSeconds() default 30;

    @AttributeDefinition(name = "Longest lockout (seconds)", min = "1")
    int maxLockoutSeconds() default 900;

    @AttributeDefinition(name = "Remember verified password (seconds)", min = "0", max = "3600",
            description = "Spares the slow password hash on every API request with the same credentials.")
    int verifiedCredentialSeconds() default 300;

    @AttributeDefinition(name = "Invitations valid (days)", min = "1", max = "90",
            description = "How long a user has to activate an invitation with its one-time token.")
    int activationValidityDays() default 7;
}
