package org.carbonalliance.platform.api.security;

import java.time.Instant;

/**
 * A user invited into a tenant, who sets a password with the one-time token at {@code POST /api/identity/activate}.
 *
 * @param email           the user's login
 * @param tenantId        the tenant the user belongs to
 * @param activationToken the one-time token; only its hash is stored, so pass it on now
 * @param expiresAt       when the token stops working
 */
public record Invitation(String email, String tenantId, String activationToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "Invitation[" + email + ", " + tenantId + ", expires " + expiresAt + "]";
    }
}
