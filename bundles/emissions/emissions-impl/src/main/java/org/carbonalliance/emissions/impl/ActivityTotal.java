package org.carbonalliance.emissions.impl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.TenantId;

/**
 * The sum and count of a period's activity records that share everything a calculation depends on and the same
 * revision range, kept as records are added, changed and removed (in the same transaction): a calculation reads a few
 * of these rows instead of summing a million records. Revision range as in {@link Activity}; an open range has
 * {@code toRevision} {@link #OPEN}. {@code gas} is empty, not null, for records without one (it is part of the key).
 */
@Entity
@Table(name = "em_activity_total")
class ActivityTotal {
    static final int OPEN = Integer.MAX_VALUE;

    @Id @Column(name = "id") String id;
    @TenantId @Column(name = "tenant_id", nullable = false) String tenantId;
    @Column(name = "period_id", nullable = false) String periodId;
    @Column(name = "facility_id", nullable = false) String facilityId;
    @Column(name = "scope", nullable = false) int scope;
    @Column(name = "category", nullable = false) String category;
    @Column(name = "activity_type", nullable = false) String activityType;
    @Column(name = "gas", nullable = false) String gas;
    @Column(name = "unit", nullable = false) String unit;
    @Column(name = "activity_year", nullable = false) int activityYear;
    @Column(name = "from_rev", nullable = false) int fromRevision;
    @Column(name = "to_rev", nullable = false) int toRevision;
    @Column(name = "quantity", nullable = false, precision = 38, scale = 10) BigDecimal quantity;
    @Column(name = "records", nullable = false) long records;
}
