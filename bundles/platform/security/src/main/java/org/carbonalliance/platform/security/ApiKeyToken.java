package org.carbonalliance.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
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
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new ApiKeyToken(HexFormat.of().formatHex(id),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
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
        return MessageDigest.isEqual(secretHash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "ApiKeyToken[" + id + "]";
    }
}
