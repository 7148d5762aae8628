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

/** A member's inventory settings: its organisational boundary, and how it appears in the alliance roll-up. */
@Entity
@Table(name = "em_profile")
class Profile {
    @Id @Column(name = "id") String id;
    @TenantId @Column(name = "tenant_id", nullable = false) String tenantId;
    /** operational-control, financial-control or equity-share. */
    @Column(name = "boundary", nullable = false) String boundary;
    @Column(name = "country") String country;
    @Column(name = "sector") String sector;
    /** The member agreed to be named, with its totals, in the public roll-up. */
    @Column(name = "disclose", nullable = false) boolean disclose;
    @Column(name = "updated_at", nullable = false) Instant updatedAt;
    @Version @Column(name = "lock_version", nullable = false) long lockVersion;
}
