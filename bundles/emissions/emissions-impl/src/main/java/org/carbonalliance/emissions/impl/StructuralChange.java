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

/** An acquisition, divestment, outsourcing or method change, with its estimated effect on base-year emissions. */
@Entity
@Table(name = "em_structural_change")
class StructuralChange {
    @Id @Column(name = "id") String id;
    @TenantId @Column(name = "tenant_id", nullable = false) String tenantId;
    @Column(name = "occurred_on", nullable = false) LocalDate occurredOn;
    @Column(name = "kind", nullable = false) String kind;
    @Column(name = "description", nullable = false, length = 2000) String description;
    @Column(name = "base_year_impact", nullable = false, precision = 38, scale = 6) BigDecimal baseYearImpact;
    @Column(name = "created_at", nullable = false) Instant createdAt;
}
