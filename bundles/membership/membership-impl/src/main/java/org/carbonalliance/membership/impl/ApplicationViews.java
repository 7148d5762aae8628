package org.carbonalliance.membership.impl;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.carbonalliance.membership.api.ApplicationForm;
import org.carbonalliance.membership.api.Finding;
import org.carbonalliance.platform.api.web.JsonText;

/** The records the applications endpoint answers with. */
final class ApplicationViews {

    private ApplicationViews() {
    }

    /** An application as its applicant sees it. */
    public record ApplicantView(String id, String state, String organisationName, String localName, String type,
            String country, String registrationNumber, String website, String contactName, String contactEmail,
            Set<String> areas, String statement, String seeking, String decisionNote, Instant submittedAt,
            Instant updatedAt) {

        static ApplicantView of(Application a) {
            ApplicationForm form = a.form();
            return new ApplicantView(a.id(), a.state().wire(), form.organisationName(), form.localName(),
                    form.type().wire(), form.country(), form.registrationNumber(), form.website(), form.contactName(),
                    form.contactEmail(), a.areaSet(), form.statement(), form.seeking().wire(), a.decisionNote(),
                    a.submittedAt(), a.updatedAt());
        }
    }

    /** An application as the secretariat sees it: the applicant's view, the member's tenant and the findings. */
    public record ApplicationView(String id, String state, String organisationName, String localName, String type,
            String country, String registrationNumber, String website, String contactName, String contactEmail,
            Set<String> areas, String statement, String seeking, String decisionNote, Instant submittedAt,
            Instant updatedAt, String tenantId, List<CheckFinding> findings) {

        static ApplicationView of(Application a) {
            ApplicationForm form = a.form();
            return new ApplicationView(a.id(), a.state().wire(), form.organisationName(), form.localName(),
                    form.type().wire(), form.country(), form.registrationNumber(), form.website(), form.contactName(),
                    form.contactEmail(), a.areaSet(), form.statement(), form.seeking().wire(), a.decisionNote(),
                    a.submittedAt(), a.updatedAt(), a.tenantId(), findings(a.findings()));
        }

        private static List<CheckFinding> findings(String json) {
            try {
                return Arrays.stream(JsonText.read(json, Finding[].class)).map(CheckFinding::of).toList();
            } catch (IllegalArgumentException e) {
                return List.of();
            }
        }
    }

    /**
     * A check's finding on the wire: its level in lower case ({@code pass}, {@code warning}, {@code fail}), like every
     * other value the API sends.
     */
    public record CheckFinding(String check, String level, String message) {

        static CheckFinding of(Finding f) {
            return new CheckFinding(f.check(), f.level().name().toLowerCase(java.util.Locale.ROOT), f.message());
        }
    }

    /** One page of the review queue. */
    public record ApplicationPage(List<ApplicationView> items, int offset, int limit) {
    }

    /** A new application: its id and the applicant's only copy of the status token. */
    public record Submitted(String id, String state, String statusToken) {
    }

    /** The state an application moved to. */
    public record StateView(String state) {
    }

    /** An approval: the new member's tenant and the invitation of its first member-admin. */
    public record Approval(String state, String tenantId, String memberAdmin, String activationToken,
            Instant expiresAt) {
    }

    /** Body of reject. */
    public record Rejection(@NotBlank @Size(max = 2000) String reason) {
    }

    /** Body of request-information. */
    public record InformationRequest(@NotBlank @Size(max = 2000) String questions) {
    }
}
