package org.carbonalliance.licensing.impl;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carbonalliance.licensing.impl.terms.OfferTerms;
import org.carbonalliance.platform.api.validation.ClimateTag;
import org.carbonalliance.platform.api.validation.Country;
import org.carbonalliance.platform.api.validation.SingleLine;
import org.carbonalliance.platform.api.validation.WebAddress;

/** The records the licensing endpoints read and write. */
final class LicensingRecords {

    private LicensingRecords() {
    }

    /** A new offer, or a new version of one (alliance-admins). */
    public record OfferForm(@NotBlank @Size(min = 1, max = 200) @SingleLine String name,
            @NotNull @Valid OfferTerms terms) {
    }

    /** An offer version as anyone reads it; {@code textEn}/{@code textZh} are generated from {@code terms}. */
    public record OfferView(String id, int version, String name, boolean standard, OfferTerms terms, String textEn,
            String textZh, Instant createdAt) {
    }

    /**
     * A licence request. Members (member-admin) send it logged in; a non-member organisation sends it without login,
     * naming itself ({@code organisationName}, {@code country}, {@code contactEmail}), and follows it with the status
     * token in the answer. Name patents, climate tags, or both. {@code publicName: true} agrees to be named in the public
 * counts (by default licensees are only counted, never named).
     */
    public record RequestForm(@Size(min = 1, max = 36) String offerId,
            @Size(max = 1000) List<@NotBlank @Size(max = 40) String> patents,
            @Size(max = 9) List<@jakarta.validation.constraints.NotNull @ClimateTag String> climateTags,
            @NotBlank @Size(min = 1, max = 4000) @SingleLine(multiline = true) String intendedUse,
            @NotNull @Size(min = 1, max = 250) List<@NotNull @Country String> countries,
            @Size(min = 1, max = 300) @SingleLine String organisationName, @Country String country,
            @Email @Size(max = 320) String contactEmail, Boolean publicName) {
    }

    /** One policy's answer, as stored with the request. */
    public record PolicyAnswer(String policy, String outcome, List<String> reasons) {
    }

    /** A request as its requester and the secretariat see it. {@code statusToken} only in the answer to a non-member. */
    public record RequestView(String id, String state, String licenseeName, String licenseeTenantId,
            String licenseeCountry, String offerId, int offerVersion, List<String> patents, List<String> climateTags,
            String intendedUse, List<String> countries, List<PolicyAnswer> decisions, String refusalReason,
            String licenceId, Instant createdAt, Instant decidedAt, String statusToken) {
    }

    /** The secretariat's refusal. */
    public record Refusal(@NotBlank @Size(min = 1, max = 2000) @SingleLine(multiline = true) String reason) {
    }

    /** A report that is due on a licence (or overdue, past the grace period). */
    public record DueReport(int periodYear, LocalDate dueOn, boolean overdue) {
    }

    /** A licence as its licensee, its licensors and the secretariat see it. */
    public record LicenceView(String id, String requestId, String licenseeName, String licenseeTenantId,
            List<String> licensorTenantIds, List<String> patents, String offerId, int offerVersion,
            LocalDate startsOn, LocalDate endsOn, String state, String terminationReason, Instant terminatedAt,
            String digest, Instant grantedAt, boolean goodStanding, List<DueReport> dueReports) {
    }

    /** The outcome of checking a licence against its digest. */
    public record Verification(String licenceId, String digest, String computedDigest, boolean valid,
            String problem) {
    }

    /** The licensee's annual report. */
    public record ReportForm(@Min(2000) @Max(2100) int periodYear,
            @NotBlank @Size(min = 1, max = 4000) @SingleLine(multiline = true) String products,
            @NotNull @DecimalMin("0") BigDecimal capacity,
            @NotBlank @Size(min = 1, max = 40) @SingleLine String capacityUnit,
            @NotNull @DecimalMin("0") BigDecimal avoidedTco2e,
            @NotBlank @Size(min = 1, max = 4000) @SingleLine(multiline = true) String method) {
    }

    public record ReportView(String id, String licenceId, int periodYear, String products, BigDecimal capacity,
            String capacityUnit, BigDecimal avoidedTco2e, String method, Instant filedAt) {
    }

    /** An alliance-admin's record of a licensee asserting a patent against the pool. */
    public record AssertionForm(@Size(min = 1, max = 64) String licenseeTenantId,
            @Size(min = 1, max = 300) @SingleLine String licenseeName,
            @NotBlank @Size(min = 1, max = 1000) @SingleLine(multiline = true) String against,
            @NotBlank @WebAddress @Size(max = 500) String evidenceLink) {
    }

    /** A recorded assertion, with the licences its confirmation terminates (or terminated). */
    public record AssertionView(String id, String licenseeTenantId, String licenseeName, String against,
            String evidenceLink, Instant recordedAt, Instant confirmedAt, List<String> licences) {
    }

    /** The licensee ends its own licence. */
    public record Withdrawal(@NotBlank @Size(min = 1, max = 2000) @SingleLine(multiline = true) String reason) {
    }

    /** Public counts; {@code namedLicensees}: only licensees that agreed to be named. */
    public record Counts(String key, long licences, long licensees, long countries, List<String> namedLicensees) {
    }

    public record Stats(long activeLicences, long licensees, List<Counts> byClimateTag) {
    }
}
