package org.carbonalliance.emissions.impl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.TenantId;

/**
 * A reporting period (a calendar year by default). {@code revision} is the report version its activity data is being
 * edited for: version 1 until a correction opens version 2, and so on.
 */
@Entity
@Table(name = "em_period")
class Period {
    @Id @Column(name = "id") String id;
    @TenantId @Column(name = "tenant_id", nullable = false) String tenantId;
    @Column(name = "name", nullable = false) String name;
    @Column(name = "starts_on", nullable = false) LocalDate startsOn;
    @Column(name = "ends_on", nullable = false) LocalDate endsOn;
    @Column(name = "revision", nullable = false) int revision;
    /** Intensity denominators as JSON: {"revenue-musd": 120.5, "floor-area-m2": 30000}. */
    @Lob @Column(name = "metrics", nullable = false) String metrics;
    @Column(name = "created_at", nullable = false) Instant createdAt;
    @Version @Column(name = "lock_version", nullable = false) long lockVersion;

    int year() {
        return startsOn.getYear();
    }
}
