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

/** A verifier's finding on a report, at one ISO 14064-3 step. */
@Entity
@Table(name = "em_finding")
class Finding {
    @Id @Column(name = "id") String id;
    @TenantId @Column(name = "tenant_id", nullable = false) String tenantId;
    @Column(name = "report_id", nullable = false) String reportId;
    @Column(name = "step", nullable = false) String step;
    /** observation, minor, material. */
    @Column(name = "severity", nullable = false) String severity;
    @Column(name = "description", nullable = false, length = 4000) String description;
    @Column(name = "created_at", nullable = false) Instant createdAt;
    @Column(name = "created_by", nullable = false) String createdBy;
}
