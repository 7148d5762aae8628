package org.carbonalliance.platform.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One-time secrets handed to people (activation tokens, status tokens, keys): made from a secure random source, stored
 * only as their SHA-256, and compared in constant time.
 *
 * @since 1.1
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** @return {@code bytes} random bytes as URL-safe Base64 without padding (32 bytes give 43 characters) */
    public static String randomToken(int bytes) {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** @return the SHA-256 of {@code text} (UTF-8) as 64 lower-case hex digits: what is stored of a token */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** @return whether {@code candidate} is the token whose {@link #sha256Hex} is {@code storedHash}, in constant time */
    public static boolean matches(String candidate, String storedHash) {
        return candidate != null && storedHash != null && MessageDigest.isEqual(
                sha256Hex(candidate).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
