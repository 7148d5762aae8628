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

/** A reduction target: scopes, base year, target year, percent; absolute or per unit of an intensity metric. */
@Entity
@Table(name = "em_target")
class Target {
    @Id @Column(name = "id") String id;
    @TenantId @Column(name = "tenant_id", nullable = false) String tenantId;
    @Column(name = "name", nullable = false) String name;
    /** Comma-separated: scope1, scope2, scope3. */
    @Column(name = "scopes", nullable = false) String scopes;
    /** location or market: which scope 2 figure the target counts. */
    @Column(name = "scope2_basis", nullable = false) String scope2Basis;
    @Column(name = "kind", nullable = false) String kind;
    @Column(name = "intensity_metric") String intensityMetric;
    @Column(name = "base_year", nullable = false) int baseYear;
    @Column(name = "target_year", nullable = false) int targetYear;
    @Column(name = "reduction_percent", nullable = false, precision = 7, scale = 3) BigDecimal reductionPercent;
    @Column(name = "created_at", nullable = false) Instant createdAt;
}
