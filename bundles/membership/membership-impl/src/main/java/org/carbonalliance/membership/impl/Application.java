package org.carbonalliance.membership.impl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.carbonalliance.membership.api.ApplicationForm;
import org.carbonalliance.membership.api.ApplicationState;
import org.carbonalliance.membership.api.OrganisationType;
import org.carbonalliance.membership.api.Seeking;

/** An application to join. Not tenant-owned: it exists before its tenant does. */
@Entity
@Table(name = "mb_application")
public class Application {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "organisation_name", length = 300, nullable = false)
    private String organisationName;

    @Column(name = "local_name", length = 300)
    private String localName;

    @Column(name = "org_type", length = 40, nullable = false)
    private String type;

    @Column(name = "country", length = 2, nullable = false)
    private String country;

    @Column(name = "registration_number", length = 100, nullable = false)
    private String registrationNumber;

    @Column(name = "website", length = 300, nullable = false)
    private String website;

    @Column(name = "contact_name", length = 200, nullable = false)
    private String contactName;

    @Column(name = "contact_email", length = 320, nullable = false)
    private String contactEmail;

    @Column(name = "areas", length = 100, nullable = false)
    private String areas;

    @Column(name = "statement", length = 4000, nullable = false)
    private String statement;

    @Column(name = "seeking", length = 40, nullable = false)
    private String seeking;

    @Column(name = "state", length = 40, nullable = false)
    private String state;

    @Column(name = "status_token_hash", length = 64, nullable = false)
    private String statusTokenHash;

    @Column(name = "decision_note", length = 2000)
    private String decisionNote;

    @Column(name = "findings", length = 8000)
    private String findings;

    @Column(name = "tenant_id", length = 64)
    private String tenantId;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Application() {
    }

    Application(String id, ApplicationForm form, String statusTokenHash, String findings, Instant now) {
        this.id = id;
        this.statusTokenHash = statusTokenHash;
        this.submittedAt = now;
        replaceForm(form, findings, now);
    }

    /** The applicant's (re)submission: new content, new findings, back to submitted. */
    void replaceForm(ApplicationForm form, String newFindings, Instant now) {
        organisationName = form.organisationName();
        localName = form.localName();
        type = form.type().wire();
        country = form.country();
        registrationNumber = form.registrationNumber();
        website = form.website();
        contactName = form.contactName();
        contactEmail = form.contactEmail();
        areas = String.join(",", new TreeSet<>(form.areas()));
        statement = form.statement();
        seeking = form.seeking().wire();
        findings = newFindings;
        state = ApplicationState.SUBMITTED.wire();
        updatedAt = now;
    }

    void decide(ApplicationState newState, String note, Instant now) {
        state = newState.wire();
        decisionNote = note;
        updatedAt = now;
    }

    void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    ApplicationForm form() {
        return new ApplicationForm(organisationName, localName, OrganisationType.fromWire(type), country,
                registrationNumber, website, contactName, contactEmail,
                new LinkedHashSet<>(Arrays.asList(areas.split(","))), statement, Seeking.fromWire(seeking));
    }

    String id() {
        return id;
    }

    ApplicationState state() {
        return ApplicationState.fromWire(state);
    }

    String statusTokenHash() {
        return statusTokenHash;
    }

    String decisionNote() {
        return decisionNote;
    }

    String findings() {
        return findings;
    }

    String tenantId() {
        return tenantId;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Set<String> areaSet() {
        return new TreeSet<>(Arrays.asList(areas.split(",")));
    }
}
