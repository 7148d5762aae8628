package org.carbonalliance.platform.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An API key of one account. Only a SHA-256 hash of its secret is stored; the secret is shown once, at creation. */
@Entity
@Table(name = "pf_api_key")
public class ApiKey {

    @Id
    @Column(name = "id", length = 32)
    private String id;

    @Column(name = "username", length = 320, nullable = false)
    private String username;

    @Column(name = "name", length = 100, nullable = false)
    private String name;

    @Column(name = "secret_hash", length = 64, nullable = false)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    ApiKey(String id, String username, String name, String secretHash, Instant createdAt) {
        this.id = id;
        this.username = username;
        this.name = name;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    String username() {
        return username;
    }

    String secretHash() {
        return secretHash;
    }

    void revoke(Instant when) {
        this.revokedAt = when;
    }
}
