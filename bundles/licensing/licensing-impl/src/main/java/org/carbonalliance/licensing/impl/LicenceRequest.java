package org.carbonalliance.licensing.impl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/**
 * A request for a licence: by a member (its tenant) or by a non-member organisation, which follows it with a status
 * token. Not tenant-filtered: the requester, the secretariat and nobody else see it, checked by {@link Access}.
 */
@Entity
@Table(name = "lc_request")
public class LicenceRequest {

    enum State { REQUESTED, UNDER_REVIEW, GRANTED, REFUSED }

    @Id @Column(name = "id") private String id;
    @Column(name = "licensee_tenant") private String licenseeTenant;
    @Column(name = "licensee_name", nullable = false) private String licenseeName;
    @Column(name = "licensee_country", nullable = false) private String licenseeCountry;
    @Column(name = "contact_email") private String contactEmail;
    @Column(name = "status_token_hash") private String statusTokenHash;
    @Column(name = "offer_id", nullable = false) private String offerId;
    @Column(name = "offer_version", nullable = false) private int offerVersion;
    @Lob @Column(name = "patents", nullable = false) private String patents;
    @Column(name = "climate_tags", nullable = false) private String climateTags;
    @Column(name = "intended_use", nullable = false) private String intendedUse;
    @Column(name = "countries", nullable = false) private String countries;
    @Column(name = "state", nullable = false) private String state;
    @Lob @Column(name = "decisions_json", nullable = false) private String decisionsJson;
    @Column(name = "refusal_reason") private String refusalReason;
    @Column(name = "licence_id") private String licenceId;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "decided_at") private Instant decidedAt;
    @Column(name = "decided_by") private String decidedBy;
    /** The licensee agreed to be named in the public counts. */
    @Column(name = "public_name", nullable = false) private boolean publicName;
    @Version @Column(name = "version", nullable = false) private long version;

    protected LicenceRequest() {
    }

    LicenceRequest(String id, String licenseeTenant, String licenseeName, String licenseeCountry, String contactEmail,
            String statusTokenHash, String offerId, int offerVersion, List<String> patents, List<String> climateTags,
            String intendedUse, List<String> countries, Instant at) {
        this.id = id;
        this.licenseeTenant = licenseeTenant;
        this.licenseeName = licenseeName;
        this.licenseeCountry = licenseeCountry;
        this.contactEmail = contactEmail;
        this.statusTokenHash = statusTokenHash;
        this.offerId = offerId;
        this.offerVersion = offerVersion;
        this.patents = Lines.of(patents);
        this.climateTags = Lines.of(climateTags);
        this.intendedUse = intendedUse;
        this.countries = Lines.of(countries);
        this.state = State.REQUESTED.name();
        this.decisionsJson = "[]";
        this.createdAt = at;
    }

    String id() { return id; }
    String licenseeTenant() { return licenseeTenant; }
    String licenseeName() { return licenseeName; }
    String licenseeCountry() { return licenseeCountry; }
    String contactEmail() { return contactEmail; }
    String statusTokenHash() { return statusTokenHash; }
    String offerId() { return offerId; }
    int offerVersion() { return offerVersion; }
    List<String> patents() { return Lines.items(patents); }
    List<String> climateTags() { return Lines.items(climateTags); }
    String intendedUse() { return intendedUse; }
    List<String> countries() { return Lines.items(countries); }
    State state() { return State.valueOf(state); }
    String decisionsJson() { return decisionsJson; }
    String refusalReason() { return refusalReason; }
    String licenceId() { return licenceId; }
    Instant createdAt() { return createdAt; }
    Instant decidedAt() { return decidedAt; }
    String decidedBy() { return decidedBy; }
    boolean publicName() { return publicName; }

    void namePublicly(boolean agreed) {
        this.publicName = agreed;
    }

    void judged(String decisions, State next) {
        this.decisionsJson = decisions;
        this.state = next.name();
    }

    void decided(State end, String reason, String licence, String by, Instant at) {
        this.state = end.name();
        this.refusalReason = reason;
        this.licenceId = licence;
        this.decidedBy = by;
        this.decidedAt = at;
    }
}
