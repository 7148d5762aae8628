package org.carbonalliance.telemetry.impl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.TenantId;

/**
 * A member's device: its type, facility, metrics (name to SenML unit, as JSON), and its credential: only the SHA-256 of
 * the token is kept; the token is shown once when issued.
 */
@Entity
@Table(name = "tm_device")
class Device {
    @Id @Column(name = "id") String id;
    @TenantId @Column(name = "tenant_id", nullable = false) String tenantId;
    @Column(name = "name", nullable = false) String name;
    @Column(name = "type", nullable = false) String type;
    @Column(name = "facility_id") String facilityId;
    @Lob @Column(name = "metrics", nullable = false) String metrics;
    @Column(name = "token_hash") String tokenHash;
    @Column(name = "token_issued_at") Instant tokenIssuedAt;
    @Column(name = "last_seen_at") Instant lastSeenAt;
    @Lob @Column(name = "last_values") String lastValues;
    @Column(name = "created_at", nullable = false) Instant createdAt;
    @Version @Column(name = "lock_version", nullable = false) long lockVersion;
}
