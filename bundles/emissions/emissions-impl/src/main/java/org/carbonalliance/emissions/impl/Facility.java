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

/** A site of a member: where its factors come from (country, grid region) and how much of it the boundary counts. */
@Entity
@Table(name = "em_facility")
class Facility {
    @Id @Column(name = "id") String id;
    @TenantId @Column(name = "tenant_id", nullable = false) String tenantId;
    @Column(name = "name", nullable = false) String name;
    @Column(name = "country", nullable = false) String country;
    @Column(name = "grid_region") String gridRegion;
    @Column(name = "equity_percent", nullable = false) BigDecimal equityPercent;
    @Column(name = "operational_control", nullable = false) boolean operationalControl;
    @Column(name = "financial_control", nullable = false) boolean financialControl;
    @Column(name = "created_at", nullable = false) Instant createdAt;
    @Version @Column(name = "lock_version", nullable = false) long lockVersion;
}
