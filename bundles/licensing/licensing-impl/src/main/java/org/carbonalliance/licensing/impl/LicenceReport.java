package org.carbonalliance.licensing.impl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A licensee's annual report on a licence: what uses the patents, how much, and the emissions avoided. */
@Entity
@Table(name = "lc_report")
public class LicenceReport {

    @Id @Column(name = "id") private String id;
    @Column(name = "licence_id", nullable = false) private String licenceId;
    @Column(name = "period_year", nullable = false) private int periodYear;
    @Column(name = "products", nullable = false) private String products;
    @Column(name = "capacity", nullable = false) private BigDecimal capacity;
    @Column(name = "capacity_unit", nullable = false) private String capacityUnit;
    @Column(name = "avoided_tco2e", nullable = false) private BigDecimal avoidedTco2e;
    @Column(name = "method", nullable = false) private String method;
    @Column(name = "filed_at", nullable = false) private Instant filedAt;
    @Column(name = "filed_by", nullable = false) private String filedBy;

    protected LicenceReport() {
    }

    LicenceReport(String id, String licenceId, int periodYear, String products, BigDecimal capacity,
            String capacityUnit, BigDecimal avoidedTco2e, String method, Instant filedAt, String filedBy) {
        this.id = id;
        this.licenceId = licenceId;
        this.periodYear = periodYear;
        this.products = products;
        this.capacity = capacity;
        this.capacityUnit = capacityUnit;
        this.avoidedTco2e = avoidedTco2e;
        this.method = method;
        this.filedAt = filedAt;
        this.filedBy = filedBy;
    }

    String id() { return id; }
    String licenceId() { return licenceId; }
    int periodYear() { return periodYear; }
    String products() { return products; }
    BigDecimal capacity() { return capacity; }
    String capacityUnit() { return capacityUnit; }
    BigDecimal avoidedTco2e() { return avoidedTco2e; }
    String method() { return method; }
    Instant filedAt() { return filedAt; }
    String filedBy() { return filedBy; }
}
