package org.carbonalliance.licensing.impl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of a licence offer; a new version is a new row, so licences keep the terms they were granted on. */
@Entity
@Table(name = "lc_offer")
public class Offer {

    @Id @Column(name = "offer_key") private String key;
    @Column(name = "id", nullable = false) private String id;
    @Column(name = "version", nullable = false) private int version;
    @Column(name = "name", nullable = false) private String name;
    @Column(name = "standard_offer", nullable = false) private boolean standard;
    @Lob @Column(name = "terms_json", nullable = false) private String termsJson;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "created_by", nullable = false) private String createdBy;

    protected Offer() {
    }

    Offer(String id, int version, String name, boolean standard, String termsJson, Instant at, String by) {
        this.key = id + "/v" + version;
        this.id = id;
        this.version = version;
        this.name = name;
        this.standard = standard;
        this.termsJson = termsJson;
        this.createdAt = at;
        this.createdBy = by;
    }

    String id() { return id; }
    int version() { return version; }
    String name() { return name; }
    boolean standard() { return standard; }
    String termsJson() { return termsJson; }
    Instant createdAt() { return createdAt; }
    String createdBy() { return createdBy; }
}
