package org.carbonalliance.platform.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the identity endpoints need beyond the public {@code IdentityService}: activation and tenant users. */
public interface UserDirectory {

    /** @return whether a tenant (or the alliance, {@code null}) may log in */
    boolean active(String tenantId);

    /** Sets the password of the invited account whose token this is, and spends the token. */
    void activate(String token, String password);

    List<Account> users(String tenantId);

    /** Changes roles and/or enabled of a user of {@code tenantId}; empty when the tenant has no such user. */
    Optional<Account> update(String tenantId, String email, Set<String> roles, Boolean enabled);
}
