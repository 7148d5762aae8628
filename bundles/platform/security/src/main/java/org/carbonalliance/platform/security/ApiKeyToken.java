package org.carbonalliance.platform.security;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.carbonalliance.platform.api.security.Secrets;

/**
 * The text of an API key: {@code cak_<id>_<secret>}, with a 16-hex-digit id to find the key and 32 random bytes of
 * secret. The secret has 256 bits of entropy, so one SHA-256 suffices at rest (no slow hash per request).
 */
record ApiKeyToken(String id, String secret) {

    private static final String PREFIX = "cak_";
    private static final SecureRandom RANDOM = new SecureRandom();

    static ApiKeyToken generate() {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        return new ApiKeyToken(HexFormat.of().formatHex(id), Secrets.randomToken(32));
    }

    static Optional<ApiKeyToken> parse(String text) {
        if (text == null || !text.startsWith(PREFIX) || text.length() != PREFIX.length() + 16 + 1 + 43) {
            return Optional.empty();
        }
        String id = text.substring(PREFIX.length(), PREFIX.length() + 16);
        String secret = text.substring(PREFIX.length() + 17);
        if (text.charAt(PREFIX.length() + 16) != '_' || !id.matches("[0-9a-f]{16}") || !secret.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeyToken(id, secret));
    }

    String text() {
        return PREFIX + id + "_" + secret;
    }

    String secretHash() {
        return Secrets.sha256Hex(secret);
    }

    boolean matches(String storedHash) {
        return Secrets.matches(secret, storedHash);
    }

    @Override
    public String toString() {
        return "ApiKeyToken[" + id + "]";
    }
}
