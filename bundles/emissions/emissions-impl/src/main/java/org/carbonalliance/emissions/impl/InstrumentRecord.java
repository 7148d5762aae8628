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

/** A contractual instrument for market-based scope 2, versioned by revision like {@link Activity}. */
@Entity
@Table(name = "em_instrument")
class InstrumentRecord {
    @Id @Column(name = "id") String id;
    @TenantId @Column(name = "tenant_id", nullable = false) String tenantId;
    @Column(name = "period_id", nullable = false) String periodId;
    @Column(name = "facility_id", nullable = false) String facilityId;
    @Column(name = "instrument_year", nullable = false) int year;
    /** certificate, ppa, green-tariff or supplier-specific. */
    @Column(name = "type", nullable = false) String type;
    @Column(name = "energy", nullable = false) String energy;
    @Column(name = "mwh", nullable = false, precision = 38, scale = 10) BigDecimal mwh;
    @Column(name = "tco2e_per_mwh", nullable = false, precision = 38, scale = 10) BigDecimal tco2ePerMwh;
    @Column(name = "reference", nullable = false) String reference;
    @Column(name = "evidence") String evidence;
    @Column(name = "from_rev", nullable = false) int fromRevision;
    @Column(name = "to_rev") Integer toRevision;
    @Column(name = "created_at", nullable = false) Instant createdAt;
}
