package org.carbonalliance.licensing.impl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A granted licence: its scope (the exact patents at grant time, the offer version) is fixed in {@code canonicalJson}
 * and its SHA-256 {@code digest}; only its state changes afterwards. Not tenant-filtered: the licensee, the licensors
 * and the secretariat see it, checked by {@link Access}.
 */
@Entity
@Table(name = "lc_licence")
public class Licence {

    enum State { ACTIVE, SUSPENDED, TERMINATED, EXPIRED }

    @Id @Column(name = "id") private String id;
    @Column(name = "request_id", nullable = false) private String requestId;
    @Column(name = "licensee_tenant") private String licenseeTenant;
    @Column(name = "licensee_name", nullable = false) private String licenseeName;
    @Lob @Column(name = "licensors", nullable = false) private String licensors;
    @Lob @Column(name = "patents", nullable = false) private String patents;
    @Column(name = "offer_id", nullable = false) private String offerId;
    @Column(name = "offer_version", nullable = false) private int offerVersion;
    @Column(name = "starts_on", nullable = false) private LocalDate startsOn;
    @Column(name = "ends_on") private LocalDate endsOn;
    @Column(name = "state", nullable = false) private String state;
    @Column(name = "termination_reason") private String terminationReason;
    @Column(name = "terminated_at") private Instant terminatedAt;
    @Lob @Column(name = "canonical_json", nullable = false) private String canonicalJson;
    @Column(name = "digest", nullable = false) private String digest;
    @Column(name = "granted_at", nullable = false) private Instant grantedAt;
    /** The licensee agreed to be named in the public counts. */
    @Column(name = "public_name", nullable = false) private boolean publicName;
    @Version @Column(name = "version", nullable = false) private long version;

    protected Licence() {
    }

    Licence(String id, String requestId, String licenseeTenant, String licenseeName, List<String> licensors,
            List<String> patents, String offerId, int offerVersion, LocalDate startsOn, LocalDate endsOn,
            String canonicalJson, String digest, Instant grantedAt) {
        this.id = id;
        this.requestId = requestId;
        this.licenseeTenant = licenseeTenant;
        this.licenseeName = licenseeName;
        this.licensors = Lines.of(licensors);
        this.patents = Lines.of(patents);
        this.offerId = offerId;
        this.offerVersion = offerVersion;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.state = State.ACTIVE.name();
        this.canonicalJson = canonicalJson;
        this.digest = digest;
        this.grantedAt = grantedAt;
    }

    String id() { return id; }
    String requestId() { return requestId; }
    String licenseeTenant() { return licenseeTenant; }
    String licenseeName() { return licenseeName; }
    List<String> licensors() { return Lines.items(licensors); }
    List<String> patents() { return Lines.items(patents); }
    String offerId() { return offerId; }
    int offerVersion() { return offerVersion; }
    LocalDate startsOn() { return startsOn; }
    LocalDate endsOn() { return endsOn; }
    State state() { return State.valueOf(state); }
    String terminationReason() { return terminationReason; }
    Instant terminatedAt() { return terminatedAt; }
    String canonicalJson() { return canonicalJson; }
    String digest() { return digest; }
    Instant grantedAt() { return grantedAt; }
    boolean publicName() { return publicName; }

    void namePublicly(boolean agreed) {
        this.publicName = agreed;
    }

    /** Suspended (a breach being looked into) or active again; the reason stays on record. */
    void suspend(boolean suspended, String reason) {
        this.state = (suspended ? State.SUSPENDED : State.ACTIVE).name();
        this.terminationReason = reason;
    }

    void terminate(String reason, Instant at) {
        this.state = State.TERMINATED.name();
        this.terminationReason = reason;
        this.terminatedAt = at;
    }
}
