package org.carbonalliance.platform.features;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A secret per server run that console forms carry in a hidden field. Another site can make the operator's browser post
 * to the console, but cannot read the page, so it cannot know the token.
 */
final class CsrfToken {

    private final String value;

    CsrfToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        value = HexFormat.of().formatHex(bytes);
    }

    String value() {
        return value;
    }

    boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }
}
