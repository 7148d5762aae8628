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

/** A verifier's access, granted by the member's member-admin: to one report, or ({@code reportId} null) to all. */
@Entity
@Table(name = "em_verifier_grant")
class VerifierGrant {
    @Id @Column(name = "id") String id;
    @TenantId @Column(name = "tenant_id", nullable = false) String tenantId;
    @Column(name = "verifier", nullable = false) String verifier;
    @Column(name = "report_id") String reportId;
    @Column(name = "granted_by", nullable = false) String grantedBy;
    @Column(name = "granted_at", nullable = false) Instant grantedAt;
}
