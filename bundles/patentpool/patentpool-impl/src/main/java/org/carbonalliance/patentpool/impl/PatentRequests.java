package org.carbonalliance.patentpool.impl;

import java.util.List;
import org.carbonalliance.patentpool.api.PatentData;
import org.carbonalliance.patentpool.impl.PatentRecords.PatentRequest;

/** Imported records as contributions, so that both are checked by the same rules. */
final class PatentRequests {

    private PatentRequests() {
    }

    static PatentRequest of(PatentData d, String tenant) {
        return new PatentRequest(d.publicationNumber(), blankToNull(d.familyId()), blankToNull(d.applicationNumber()),
                d.applicationDate(), d.priorityDate(), d.grantDate(), d.expiryDate(), blankToNull(d.expiryReason()),
                d.legalStatus() == null ? null : d.legalStatus().wire(), blankToNull(d.titleEn()),
                blankToNull(d.titleZh()), blankToNull(d.abstractEn()), blankToNull(d.abstractZh()),
                emptyToNull(d.applicants()), emptyToNull(d.owners()), emptyToNull(d.inventors()),
                emptyToNull(d.cpcCodes()), emptyToNull(d.climateTags()), emptyToNull(d.ipcCodes()),
                blankToNull(d.officeLink()), tenant);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> emptyToNull(List<String> list) {
        return list.isEmpty() ? null : list;
    }
}
