package org.carbonalliance.platform.api.security;

import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Tenants and their users, for capabilities that admit members (membership) and for administration. Every change is
 * recorded in the audit log.
 */
@ProviderType
public interface IdentityService {

    /** Creates an active tenant for an admitted organisation. */
    Tenant createTenant(String name);

    Optional<Tenant> tenant(String tenantId);

    /**
     * @return the tenants of this exact name (names are not unique), oldest first
     * @since 1.2
     */
    java.util.List<Tenant> tenantsNamed(String name);

    /**
     * Invites a user into a tenant with tenant roles ({@link Roles#MEMBER_ADMIN}, {@link Roles#MEMBER_USER},
     * {@link Roles#VERIFIER}).
     *
     * @throws IllegalArgumentException when the e-mail address is malformed, a role is not a tenant role, or the tenant
     *                                  does not exist
     * @throws IllegalStateException    when the address already has an account, in this tenant or another; the message
     *                                  does not say which, so it can be shown to the inviting member
     */
    Invitation invite(String tenantId, String email, Set<String> roles);

    /** Suspends or reinstates a tenant: while suspended, its users' passwords and keys are refused. */
    void setSuspended(String tenantId, boolean suspended, String reason);
}
