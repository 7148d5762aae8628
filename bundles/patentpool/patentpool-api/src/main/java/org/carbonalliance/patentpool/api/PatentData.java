package org.carbonalliance.patentpool.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A patent's bibliography as a {@link PatentSource} reads it from a file or an office, before the pool checks it. Any
 * value may be null (lists: empty) when the source does not carry it; the pool checks every value as it checks a
 * contribution (a record without a publication number, or with {@code expiryDate} but no {@code expiryReason}, is
 * refused with the reason). Pass values as the file has them: the pool normalises publication numbers and codes.
 * <p>
 * Components are added only with a new major version of this package: a record's constructor changes with them.
 *
 * @param publicationNumber DOCDB form as the office writes it, such as {@code CN112345678A} (see {@link PublicationNumber})
 * @param familyId          the patent family (for example a DOCDB simple-family id), grouping publications of one invention
 * @param applicationNumber the application number as the office writes it
 * @param applicationDate   filing date
 * @param priorityDate      earliest priority date
 * @param grantDate         grant date, for granted patents
 * @param expiryDate        the term's last day, when the source states it (otherwise the pool computes it)
 * @param expiryReason      why the stated expiry differs from filing + 20 years (required with {@code expiryDate})
 * @param legalStatus       status at the office, when the source knows it
 * @param titleEn           title in English
 * @param titleZh           title in Chinese
 * @param abstractEn        abstract in English
 * @param abstractZh        abstract in Chinese
 * @param applicants        applicants, as named on the publication
 * @param owners            current owners (patentees); the applicants when empty
 * @param inventors         inventors
 * @param cpcCodes          CPC symbols such as {@code Y02E 60/10}; the pool derives the climate tags from them
 * @param climateTags       climate tags set by hand ({@code Y02E} ...), kept besides those derived from the CPC codes
 * @param ipcCodes          IPC symbols
 * @param officeLink        an https link to the office's record
 * @param member            the contributing member's tenant id: required in the secretariat's imports (a record
 *                          without one is refused), ignored in a member's import (which contributes for the member)
 */
public record PatentData(String publicationNumber, String familyId, String applicationNumber,
        LocalDate applicationDate, LocalDate priorityDate, LocalDate grantDate, LocalDate expiryDate,
        String expiryReason, LegalStatus legalStatus, String titleEn, String titleZh, String abstractEn,
        String abstractZh, List<String> applicants, List<String> owners, List<String> inventors,
        List<String> cpcCodes, List<String> climateTags, List<String> ipcCodes, String officeLink, String member) {

    /** Lists are copied (null becomes empty), so a record never changes after it is made. */
    public PatentData {
        applicants = copy(applicants);
        owners = copy(owners);
        inventors = copy(inventors);
        cpcCodes = copy(cpcCodes);
        climateTags = copy(climateTags);
        ipcCodes = copy(ipcCodes);
    }

    private static List<String> copy(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
