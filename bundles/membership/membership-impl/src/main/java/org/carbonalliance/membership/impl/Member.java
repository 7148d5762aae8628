package org.carbonalliance.membership.impl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.carbonalliance.membership.api.ApplicationForm;

/** An admitted organisation, keyed by its tenant. Public fields form the member directory. */
@Entity
@Table(name = "mb_member")
public class Member {

    /** A member's standing. */
    enum Status { ACTIVE, SUSPENDED, WITHDRAWN }

    @Id
    @Column(name = "tenant_id", length = 64)
    private String tenantId;

    @Column(name = "application_id", length = 36, nullable = false)
    private String applicationId;

    @Column(name = "name", length = 300, nullable = false)
    private String name;

    @Column(name = "local_name", length = 300)
    private String localName;

    @Column(name = "org_type", length = 40, nullable = false)
    private String type;

    @Column(name = "country", length = 2, nullable = false)
    private String country;

    @Column(name = "areas", length = 100, nullable = false)
    private String areas;

    @Column(name = "website", length = 300, nullable = false)
    private String website;

    @Column(name = "status", length = 20, nullable = false)
    private String status;

    @Column(name = "status_reason", length = 2000)
    private String statusReason;

    @Column(name = "demo", nullable = false)
    private boolean demo;

    @Column(name = "member_since", nullable = false)
    private Instant memberSince;

    protected Member() {
    }

    Member(String tenantId, String applicationId, ApplicationForm form, boolean demo, Instant since) {
        this.tenantId = tenantId;
        this.applicationId = applicationId;
        this.name = form.organisationName();
        this.localName = form.localName();
        this.type = form.type().wire();
        this.country = form.country();
        this.areas = String.join(",", new java.util.TreeSet<>(form.areas()));
        this.website = form.website();
        this.status = Status.ACTIVE.name().toLowerCase();
        this.demo = demo;
        this.memberSince = since;
    }

    String tenantId() {
        return tenantId;
    }

    String applicationId() {
        return applicationId;
    }

    String name() {
        return name;
    }

    String localName() {
        return localName;
    }

    String type() {
        return type;
    }

    String country() {
        return country;
    }

    List<String> areas() {
        return Arrays.asList(areas.split(","));
    }

    String website() {
        return website;
    }

    Status status() {
        return Status.valueOf(status.toUpperCase());
    }

    String statusReason() {
        return statusReason;
    }

    boolean demo() {
        return demo;
    }

    Instant memberSince() {
        return memberSince;
    }

    void setStatus(Status newStatus, String reason) {
        this.status = newStatus.name().toLowerCase();
        this.statusReason = reason;
    }
}
