package org.carbonalliance.patentpool.impl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.TenantId;

/** A patent in the pool, owned by the member (tenant) that contributed it. Lists are stored one item per line. */
@Entity
@Table(name = "pp_patent")
public class PooledPatent {

    @Id
    @Column(name = "publication_number", length = 30)
    private String publicationNumber;

    @TenantId
    @Column(name = "tenant_id", length = 64, nullable = false)
    private String tenantId;

    @Column(name = "family_id") private String familyId;
    @Column(name = "application_number") private String applicationNumber;
    @Column(name = "application_date") private LocalDate applicationDate;
    @Column(name = "priority_date") private LocalDate priorityDate;
    @Column(name = "grant_date") private LocalDate grantDate;
    @Column(name = "expiry_date") private LocalDate expiryDate;
    @Column(name = "expiry_reason") private String expiryReason;
    @Column(name = "legal_status", nullable = false) private String legalStatus;
    @Column(name = "title_en") private String titleEn;
    @Column(name = "title_zh") private String titleZh;
    @Column(name = "abstract_en") private String abstractEn;
    @Column(name = "abstract_zh") private String abstractZh;
    @Column(name = "applicants", nullable = false) private String applicants;
    @Column(name = "owners", nullable = false) private String owners;
    @Column(name = "inventors", nullable = false) private String inventors;
    @Column(name = "cpc_codes", nullable = false) private String cpcCodes;
    @Column(name = "climate_tags", nullable = false) private String climateTags;
    /** Tags set by hand; climate_tags is these plus those derived from the CPC codes. */
    @Column(name = "manual_tags", nullable = false) private String manualTags;
    /** Office and number without the kind code: one pooled record per publication, whichever kind was given. */
    @Column(name = "base_number", nullable = false) private String baseNumber;
    @Column(name = "ipc_codes", nullable = false) private String ipcCodes;
    @Column(name = "jurisdiction", nullable = false) private String jurisdiction;
    @Column(name = "office_link") private String officeLink;
    @Column(name = "contributed_at", nullable = false) private Instant contributedAt;
    @Column(name = "contributed_by", nullable = false) private String contributedBy;
    @Column(name = "withdrawn_at") private Instant withdrawnAt;
    @Column(name = "withdrawal_reason") private String withdrawalReason;
    @Column(name = "withdrawal_effective") private LocalDate withdrawalEffective;
    @Column(name = "updated_at", nullable = false) private Instant updatedAt;
    /** Made up for demonstrations (bin/alliance run --demo); numbers in the reserved range, see DemoPool. */
    @Column(name = "demo", nullable = false) private boolean demo;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PooledPatent() {
    }

    PooledPatent(String publicationNumber, String baseNumber, String contributedBy, Instant now) {
        this.publicationNumber = publicationNumber;
        this.baseNumber = baseNumber;
        this.contributedBy = contributedBy;
        this.contributedAt = now;
        this.updatedAt = now;
    }

    static String lines(List<String> items) {
        return items == null ? "" : String.join("\n", items);
    }

    static List<String> items(String lines) {
        return lines == null || lines.isEmpty() ? List.of() : Arrays.asList(lines.split("\n"));
    }

    String publicationNumber() { return publicationNumber; }
    String tenantId() { return tenantId; }
    String familyId() { return familyId; }
    String applicationNumber() { return applicationNumber; }
    LocalDate applicationDate() { return applicationDate; }
    LocalDate priorityDate() { return priorityDate; }
    LocalDate grantDate() { return grantDate; }
    LocalDate expiryDate() { return expiryDate; }
    String expiryReason() { return expiryReason; }
    String legalStatus() { return legalStatus; }
    String titleEn() { return titleEn; }
    String titleZh() { return titleZh; }
    String abstractEn() { return abstractEn; }
    String abstractZh() { return abstractZh; }
    List<String> applicants() { return items(applicants); }
    List<String> owners() { return items(owners); }
    List<String> inventors() { return items(inventors); }
    List<String> cpcCodes() { return items(cpcCodes); }
    List<String> climateTags() { return items(climateTags); }
    List<String> manualTags() { return items(manualTags); }
    List<String> ipcCodes() { return items(ipcCodes); }
    String jurisdiction() { return jurisdiction; }
    String officeLink() { return officeLink; }
    Instant contributedAt() { return contributedAt; }
    String contributedBy() { return contributedBy; }
    Instant withdrawnAt() { return withdrawnAt; }
    String withdrawalReason() { return withdrawalReason; }
    LocalDate withdrawalEffective() { return withdrawalEffective; }
    Instant updatedAt() { return updatedAt; }
    String baseNumber() { return baseNumber; }
    long version() { return version; }
    boolean demo() { return demo; }

    /**
     * Takes the bibliography, texts, parties, classification, expiry and legal status of {@code imported} (not the pool
     * state: contribution and withdrawal stay).
     *
     * @return whether anything changed
     */
    boolean takeRecordOf(PooledPatent imported) {
        List<Object> before = record();
        familyId = imported.familyId; applicationNumber = imported.applicationNumber;
        applicationDate = imported.applicationDate; priorityDate = imported.priorityDate;
        grantDate = imported.grantDate; expiryDate = imported.expiryDate; expiryReason = imported.expiryReason;
        legalStatus = imported.legalStatus; titleEn = imported.titleEn; titleZh = imported.titleZh;
        abstractEn = imported.abstractEn; abstractZh = imported.abstractZh; applicants = imported.applicants;
        owners = imported.owners; inventors = imported.inventors; cpcCodes = imported.cpcCodes;
        climateTags = imported.climateTags; manualTags = imported.manualTags; ipcCodes = imported.ipcCodes;
        jurisdiction = imported.jurisdiction; officeLink = imported.officeLink;
        return !before.equals(record());
    }

    private List<Object> record() {
        return Arrays.asList(familyId, applicationNumber, applicationDate, priorityDate, grantDate, expiryDate,
                expiryReason, legalStatus, titleEn, titleZh, abstractEn, abstractZh, applicants, owners, inventors,
                cpcCodes, climateTags, manualTags, ipcCodes, jurisdiction, officeLink);
    }

    void markDemo() {
        this.demo = true;
    }

    void setBibliography(String familyId, String applicationNumber, LocalDate applicationDate, LocalDate priorityDate,
            LocalDate grantDate, String jurisdiction, String officeLink) {
        this.familyId = familyId;
        this.applicationNumber = applicationNumber;
        this.applicationDate = applicationDate;
        this.priorityDate = priorityDate;
        this.grantDate = grantDate;
        this.jurisdiction = jurisdiction;
        this.officeLink = officeLink;
    }

    void setTexts(String titleEn, String titleZh, String abstractEn, String abstractZh) {
        this.titleEn = titleEn;
        this.titleZh = titleZh;
        this.abstractEn = abstractEn;
        this.abstractZh = abstractZh;
    }

    void setParties(List<String> applicants, List<String> owners, List<String> inventors) {
        this.applicants = lines(applicants);
        this.owners = lines(owners);
        this.inventors = lines(inventors);
    }

    void setClassification(List<String> cpcCodes, List<String> manualTags, List<String> climateTags,
            List<String> ipcCodes) {
        this.cpcCodes = lines(cpcCodes);
        this.manualTags = lines(manualTags);
        this.climateTags = lines(climateTags);
        this.ipcCodes = lines(ipcCodes);
    }

    void setExpiry(LocalDate expiryDate, String reason) {
        this.expiryDate = expiryDate;
        this.expiryReason = reason;
    }

    void setLegalStatus(String status) {
        this.legalStatus = status;
    }

    void withdraw(Instant at, String reason, LocalDate effective) {
        this.withdrawnAt = at;
        this.withdrawalReason = reason;
        this.withdrawalEffective = effective;
    }

    void touched(Instant now) {
        this.updatedAt = now;
    }
}
