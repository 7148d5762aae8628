package org.carbonalliance.telemetry.impl;

import org.carbonalliance.platform.api.security.Secrets;

/** Device tokens: {@code dev_} and 32 random bytes (base64url); only their SHA-256 is stored. */
final class Tokens {

    static final String PREFIX = "dev_";

    private Tokens() {
    }

    static String newToken() {
        return PREFIX + Secrets.randomToken(32);
    }

    static String hash(String token) {
        return Secrets.sha256Hex(token);
    }
}
