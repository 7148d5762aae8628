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
 * One version of a report on a period. Versions after the first are corrections, each with its reason; earlier
 * versions are kept unchanged ({@code supersededBy} points to the next). The calculation is stored whole (JSON) with
 * its SHA-256, and the headline totals in columns for the roll-up.
 */
@Entity
@Table(name = "em_report")
class Report {
    @Id @Column(name = "id") String id;
    @TenantId @Column(name = "tenant_id", nullable = false) String tenantId;
    @Column(name = "period_id", nullable = false) String periodId;
    @Column(name = "report_year", nullable = false) int year;
    @Column(name = "report_version", nullable = false) int reportVersion;
    /** draft, submitted, under-verification, verified, published. */
    @Column(name = "state", nullable = false) String state;
    @Column(name = "correction_reason") String correctionReason;
    @Column(name = "superseded_by") String supersededBy;
    @Column(name = "gwp_set") String gwpSet;
    @Lob @Column(name = "factor_choices") String factorChoices;
    @Lob @Column(name = "calculation") String calculation;
    @Column(name = "calculation_digest") String calculationDigest;
    @Column(name = "calculated_at") Instant calculatedAt;
    /** The period's data changed after the calculation: submit refuses until it is recalculated. */
    @Column(name = "stale", nullable = false) boolean stale;
    @Column(name = "scope1", precision = 38, scale = 6) BigDecimal scope1;
    @Column(name = "scope2_location", precision = 38, scale = 6) BigDecimal scope2Location;
    @Column(name = "scope2_market", precision = 38, scale = 6) BigDecimal scope2Market;
    @Column(name = "scope3", precision = 38, scale = 6) BigDecimal scope3;
    @Lob @Column(name = "opinion") String opinion;
    @Column(name = "created_at", nullable = false) Instant createdAt;
    @Column(name = "created_by", nullable = false) String createdBy;
    @Column(name = "submitted_at") Instant submittedAt;
    @Column(name = "verified_at") Instant verifiedAt;
    @Column(name = "verified_by") String verifiedBy;
    @Column(name = "published_at") Instant publishedAt;
    @Version @Column(name = "lock_version", nullable = false) long lockVersion;
}
