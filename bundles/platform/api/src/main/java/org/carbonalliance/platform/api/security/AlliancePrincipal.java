package org.carbonalliance.platform.api.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who is making the current request.
 *
 * @param username the account's login name
 * @param tenantId the tenant the account acts for, or {@code null} for operator accounts that act for the alliance
 * @param roles    the account's roles, see {@link Roles}
 */
public record AlliancePrincipal(String username, String tenantId, Set<String> roles) {

    public AlliancePrincipal {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    /** @return whether this principal holds {@code role} */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
