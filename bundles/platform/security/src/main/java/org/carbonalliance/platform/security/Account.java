package org.carbonalliance.platform.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A login. Accounts are looked up by name before any tenant is known, so they are not tenant-filtered. */
@Entity
@Table(name = "pf_account")
public class Account {

    @Id
    @Column(name = "username", length = 320)
    private String username;

    /** Null until the invited user activates the account. */
    @Column(name = "password_hash", length = 200)
    private String passwordHash;

    @Column(name = "activation_token_hash", length = 64)
    private String activationTokenHash;

    @Column(name = "activation_expires_at")
    private Instant activationExpiresAt;

    @Column(name = "tenant_id", length = 64)
    private String tenantId;

    @Column(name = "roles", nullable = false, length = 400)
    private String roles;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Account() {
    }

    Account(String username, String passwordHash, String tenantId, Set<String> roles) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.tenantId = tenantId;
        this.roles = String.join(",", roles);
        this.enabled = true;
        this.createdAt = Instant.now();
    }

    /** An invited account: no password yet, a one-time activation token. */
    static Account invited(String email, String tenantId, Set<String> roles, String tokenHash, Instant expiresAt) {
        Account account = new Account(email, null, tenantId, roles);
        account.activationTokenHash = tokenHash;
        account.activationExpiresAt = expiresAt;
        return account;
    }

    boolean activationValid(Instant now) {
        return activationTokenHash != null && now.isBefore(activationExpiresAt);
    }

    void activate(String newPasswordHash) {
        this.passwordHash = newPasswordHash;
        this.activationTokenHash = null;
        this.activationExpiresAt = null;
    }

    void setRoles(Set<String> newRoles) {
        this.roles = String.join(",", newRoles);
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    String tenantId() {
        return tenantId;
    }

    Set<String> roles() {
        return Arrays.stream(roles.split(",")).filter(r -> !r.isBlank()).collect(Collectors.toUnmodifiableSet());
    }

    Instant createdAt() {
        return createdAt;
    }

    boolean activated() {
        return passwordHash != null;
    }

    boolean enabled() {
        return enabled;
    }
}
