package org.carbonalliance.licensing.impl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A recorded patent assertion by a licensee against the pool's patents or members: the ground of defensive
 * termination. Its licensee's licences are terminated only when an alliance-admin confirms it.
 */
@Entity
@Table(name = "lc_assertion")
public class Assertion {

    @Id @Column(name = "id") private String id;
    @Column(name = "licensee_tenant") private String licenseeTenant;
    @Column(name = "licensee_name", nullable = false) private String licenseeName;
    @Column(name = "against", nullable = false) private String against;
    @Column(name = "evidence_link", nullable = false) private String evidenceLink;
    @Column(name = "recorded_at", nullable = false) private Instant recordedAt;
    @Column(name = "recorded_by", nullable = false) private String recordedBy;
    @Column(name = "confirmed_at") private Instant confirmedAt;
    @Column(name = "confirmed_by") private String confirmedBy;

    protected Assertion() {
    }

    Assertion(String id, String licenseeTenant, String licenseeName, String against, String evidenceLink,
            Instant at, String by) {
        this.id = id;
        this.licenseeTenant = licenseeTenant;
        this.licenseeName = licenseeName;
        this.against = against;
        this.evidenceLink = evidenceLink;
        this.recordedAt = at;
        this.recordedBy = by;
    }

    String id() { return id; }
    String licenseeTenant() { return licenseeTenant; }
    String licenseeName() { return licenseeName; }
    String against() { return against; }
    String evidenceLink() { return evidenceLink; }
    Instant recordedAt() { return recordedAt; }
    String recordedBy() { return recordedBy; }
    Instant confirmedAt() { return confirmedAt; }

    void confirm(String by, Instant at) {
        this.confirmedBy = by;
        this.confirmedAt = at;
    }
}
