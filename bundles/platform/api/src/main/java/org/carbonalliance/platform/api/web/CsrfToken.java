package org.carbonalliance.platform.api.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Protection of web console forms against cross-site request forgery: a secret per page instance that forms carry in a
 * hidden field and posts must return. Another site can make the operator's browser post to the console, but cannot
 * read the page, so it cannot know the token.
 */
public final class CsrfToken {

    /** Name of the hidden form field. */
    public static final String FIELD = "csrf";

    private final String value;

    public CsrfToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        value = HexFormat.of().formatHex(bytes);
    }

    /** @return the token to put in the hidden field */
    public String value() {
        return value;
    }

    /**
     * @return the hidden form field carrying this token, ready to put inside a {@code <form>} (the token is hex, so it
     *         needs no escaping)
     * @since 1.1
     */
    public String hiddenField() {
        return "<input type='hidden' name='" + FIELD + "' value='" + value + "'>";
    }

    /** @return whether a posted value is this token, compared in constant time */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }
}
