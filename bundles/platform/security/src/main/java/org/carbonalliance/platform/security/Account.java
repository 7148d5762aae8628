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

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

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

    boolean enabled() {
        return enabled;
    }
}
