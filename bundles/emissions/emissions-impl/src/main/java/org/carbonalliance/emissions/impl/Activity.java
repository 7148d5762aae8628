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
 * One activity record. Records are never changed once a submitted report version includes them: a change made for
 * a later version closes the record ({@code toRevision}) and adds a new one, so every version keeps its own data.
 * A record belongs to revisions {@code fromRevision <= n < toRevision}.
 */
@Entity
@Table(name = "em_activity")
class Activity {
    @Id @Column(name = "id") String id;
    @TenantId @Column(name = "tenant_id", nullable = false) String tenantId;
    @Column(name = "period_id", nullable = false) String periodId;
    @Column(name = "facility_id", nullable = false) String facilityId;
    @Column(name = "scope", nullable = false) int scope;
    @Column(name = "category", nullable = false) String category;
    @Column(name = "activity_type", nullable = false) String activityType;
    @Column(name = "gas") String gas;
    @Column(name = "quantity", nullable = false, precision = 38, scale = 10) BigDecimal quantity;
    @Column(name = "unit", nullable = false) String unit;
    @Column(name = "activity_year", nullable = false) int activityYear;
    @Column(name = "starts_on", nullable = false) LocalDate startsOn;
    @Column(name = "ends_on", nullable = false) LocalDate endsOn;
    @Column(name = "method") String method;
    @Column(name = "evidence") String evidence;
    @Column(name = "data_quality") String dataQuality;
    @Column(name = "description") String description;
    @Column(name = "from_rev", nullable = false) int fromRevision;
    @Column(name = "to_rev") Integer toRevision;
    @Column(name = "created_at", nullable = false) Instant createdAt;
    @Column(name = "created_by", nullable = false) String createdBy;
}
