package org.carbonalliance.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Remembers, for a short time, credentials that passed the slow password hash, so that HTTP Basic on every request does
 * not cost a PBKDF2 run each. Only a keyed HMAC of the credentials is kept, under a key that lives in memory only.
 */
@Component(service = CredentialCache.class, configurationPid = "org.carbonalliance.security")
public class VerifiedCredentials implements CredentialCache {

    private static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<String, Instant> verified = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration lifetime;

    @Activate
    public VerifiedCredentials(SecurityConfig config) {
        this(Clock.systemUTC(), Duration.ofSeconds(config.verifiedCredentialSeconds()));
    }

    VerifiedCredentials(Clock clock, Duration lifetime) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
        this.lifetime = lifetime;
    }

    @Override
    public boolean contains(String username, String password) {
        Instant until = verified.get(fingerprint(username, password));
        return until != null && clock.instant().isBefore(until);
    }

    @Override
    public void remember(String username, String password) {
        if (verified.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            verified.values().removeIf(until -> !now.isBefore(until));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(fingerprint(username, password), clock.instant().plus(lifetime));
    }

    @Override
    public void clear() {
        verified.clear();
    }

    private String fingerprint(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
