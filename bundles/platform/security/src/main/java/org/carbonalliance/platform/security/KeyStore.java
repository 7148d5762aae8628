package org.carbonalliance.platform.security;

import java.util.List;
import java.util.Optional;

/** API keys: created with their secret shown once, listed without it, revoked, and checked. */
public interface KeyStore {

    /** A new key and the only copy of its text. */
    record Created(ApiKey key, String text) {
    }

    Created create(String username, String name);

    List<ApiKey> list(String username);

    /** @return whether {@code username} had an active key {@code id}, now revoked */
    boolean revoke(String username, String id);

    /** @return the user a valid, unrevoked key belongs to */
    Optional<String> owner(String key);
}
