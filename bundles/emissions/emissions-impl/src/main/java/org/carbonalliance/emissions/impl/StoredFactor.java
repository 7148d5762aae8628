package org.carbonalliance.emissions.impl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.carbonalliance.emissions.impl.calc.Factor;

/**
 * One version of an emission factor, never changed or deleted (only {@code supersededBy} and {@code available} are
 * set later): calculations refer to it by id. Alliance-wide data, not tenant-owned.
 */
@Entity
@Table(name = "em_factor")
class StoredFactor {
    @Id @Column(name = "id") String id;
    @Column(name = "source", nullable = false) String source;
    @Column(name = "factor_key", nullable = false) String key;
    @Column(name = "factor_version", nullable = false) int version;
    @Column(name = "activity_type", nullable = false) String activityType;
    @Column(name = "region", nullable = false) String region;
    @Column(name = "gas", nullable = false) String gas;
    @Column(name = "factor_value", nullable = false, precision = 38, scale = 12) BigDecimal value;
    @Column(name = "numerator_unit", nullable = false) String numeratorUnit;
    @Column(name = "denominator_unit", nullable = false) String denominatorUnit;
    @Column(name = "valid_year") Integer validYear;
    @Column(name = "published_year", nullable = false) int publishedYear;
    @Column(name = "publisher", nullable = false) String publisher;
    @Column(name = "document", nullable = false) String document;
    @Column(name = "table_ref", nullable = false) String table;
    @Column(name = "note") String note;
    @Column(name = "superseded_by") String supersededBy;
    /** Its source is installed: new calculations may pick it. */
    @Column(name = "available", nullable = false) boolean available;
    @Column(name = "loaded_at", nullable = false) Instant loadedAt;

    Factor factor() {
        return new Factor(id, source, key, version, activityType, region, gas, value, numeratorUnit, denominatorUnit,
                validYear, publisher, document, table);
    }
}
