package org.carbonalliance.patentpool.impl;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carbonalliance.platform.api.validation.SingleLine;
import org.carbonalliance.platform.api.validation.WebAddress;

/** The records the patents endpoint reads and writes. */
final class PatentRecords {

    static final String STATUSES = "pending|granted|lapsed|expired|revoked";

    private PatentRecords() {
    }

    /** A contribution: the patent's bibliography as the office publishes it. */
    public record PatentRequest(
            @NotBlank @Size(min = 6, max = 40) String publicationNumber,
            @Size(min = 1, max = 40) @SingleLine String familyId,
            @Size(min = 1, max = 40) @SingleLine String applicationNumber,
            LocalDate applicationDate, LocalDate priorityDate, LocalDate grantDate,
            LocalDate expiryDate, @Size(min = 1, max = 500) @SingleLine String expiryReason,
            @Pattern(regexp = STATUSES, message = "one of pending, granted, lapsed, expired, revoked") String legalStatus,
            @Size(min = 1, max = 1000) @SingleLine String titleEn,
            @Size(min = 1, max = 1000) @SingleLine String titleZh,
            @Size(min = 1, max = 10000) @SingleLine(multiline = true) String abstractEn,
            @Size(min = 1, max = 10000) @SingleLine(multiline = true) String abstractZh,
            @Size(max = 50) List<@NotBlank @Size(max = 300) @SingleLine String> applicants,
            @Size(max = 50) List<@NotBlank @Size(max = 300) @SingleLine String> owners,
            @Size(max = 100) List<@NotBlank @Size(max = 300) @SingleLine String> inventors,
            @Size(max = 200) List<@NotBlank @Size(max = 30) String> cpcCodes,
            @Size(max = 9) List<@org.carbonalliance.platform.api.validation.ClimateTag String> climateTags,
            @Size(max = 200) List<@NotBlank @Size(max = 30) @SingleLine String> ipcCodes,
            @WebAddress @Size(max = 500) String officeLink,
            @Size(min = 1, max = 64) String tenantId) {
    }

    /** A change by the owner or the secretariat; absent fields stay as they are. */
    public record PatentChange(
            @Pattern(regexp = STATUSES, message = "one of pending, granted, lapsed, expired, revoked") String legalStatus,
            @Size(min = 1, max = 1000) @SingleLine String titleEn,
            @Size(min = 1, max = 1000) @SingleLine String titleZh,
            @Size(min = 1, max = 10000) @SingleLine(multiline = true) String abstractEn,
            @Size(min = 1, max = 10000) @SingleLine(multiline = true) String abstractZh,
            @Size(max = 50) List<@NotBlank @Size(max = 300) @SingleLine String> owners,
            @Size(max = 200) List<@NotBlank @Size(max = 30) String> cpcCodes,
            @Size(max = 9) List<@org.carbonalliance.platform.api.validation.ClimateTag String> climateTags,
            LocalDate expiryDate, @Size(min = 1, max = 500) @SingleLine String expiryReason,
            @WebAddress @Size(max = 500) String officeLink) {
    }

    /** Body of withdraw. */
    public record Withdrawal(@NotBlank @Size(min = 1, max = 2000) @SingleLine(multiline = true) String reason) {
    }

    /**
     * A pooled patent as anyone sees it; {@code demo}: made-up demonstration data, not a real patent;
     * {@code familyPublications}: the other pooled publications of its family (one invention), in the single view.
     */
    public record PatentView(String publicationNumber, String jurisdiction, String kind, String familyId,
            String applicationNumber, LocalDate applicationDate, LocalDate priorityDate, LocalDate grantDate,
            LocalDate expiryDate, String expiryReason, String legalStatus, String titleEn, String titleZh,
            String abstractEn, String abstractZh, List<String> applicants, List<String> owners,
            List<String> inventors, List<String> cpcCodes, List<String> climateTags, List<String> ipcCodes,
            String officeLink, String memberTenantId, Instant contributedAt, String poolState,
            Instant withdrawnAt, String withdrawalReason, LocalDate withdrawalEffective, boolean expiringWithinYear,
            Instant updatedAt, boolean demo, List<String> familyPublications) {

        static PatentView of(PooledPatent p, LocalDate today) {
            String state = p.withdrawnAt() == null ? "pooled"
                    : today.isBefore(p.withdrawalEffective()) ? "withdrawal-noticed" : "withdrawn";
            String number = p.publicationNumber();
            return new PatentView(number, p.jurisdiction(), kindOf(number), p.familyId(), p.applicationNumber(),
                    p.applicationDate(), p.priorityDate(), p.grantDate(), p.expiryDate(), p.expiryReason(),
                    p.legalStatus(), p.titleEn(), p.titleZh(), p.abstractEn(), p.abstractZh(), p.applicants(),
                    p.owners(), p.inventors(), p.cpcCodes(), p.climateTags(), p.ipcCodes(), p.officeLink(),
                    p.tenantId(), p.contributedAt(), state, p.withdrawnAt(), p.withdrawalReason(),
                    p.withdrawalEffective(), p.expiryDate() != null && !p.expiryDate().isBefore(today)
                            && !p.expiryDate().isAfter(today.plusMonths(12)), p.updatedAt(), p.demo(), List.of());
        }

        PatentView withFamily(List<String> publications) {
            return new PatentView(publicationNumber, jurisdiction, kind, familyId, applicationNumber, applicationDate,
                    priorityDate, grantDate, expiryDate, expiryReason, legalStatus, titleEn, titleZh, abstractEn,
                    abstractZh, applicants, owners, inventors, cpcCodes, climateTags, ipcCodes, officeLink,
                    memberTenantId, contributedAt, poolState, withdrawnAt, withdrawalReason, withdrawalEffective,
                    expiringWithinYear, updatedAt, demo, List.copyOf(publications));
        }

        /** @return this view for anyone: the owner's reason for withdrawing stays private */
        PatentView publicView() {
            return new PatentView(publicationNumber, jurisdiction, kind, familyId, applicationNumber, applicationDate,
                    priorityDate, grantDate, expiryDate, expiryReason, legalStatus, titleEn, titleZh, abstractEn,
                    abstractZh, applicants, owners, inventors, cpcCodes, climateTags, ipcCodes, officeLink,
                    memberTenantId, contributedAt, poolState, withdrawnAt, null, withdrawalEffective,
                    expiringWithinYear, updatedAt, demo, familyPublications);
        }

        private static String kindOf(String number) {
            return org.carbonalliance.patentpool.api.PublicationNumber.parse(number)
                    .map(org.carbonalliance.patentpool.api.PublicationNumber::kind).orElse("");
        }
    }
}
