package org.carbonalliance.patentpool.impl;

import java.time.LocalDate;
import java.util.List;
import org.carbonalliance.platform.api.web.JsonText;

/** What a search hit shows of a patent, stored in the index beside the searchable text (as JSON). */
record SearchHitData(String publicationNumber, String jurisdiction, String familyId, LocalDate applicationDate,
        String legalStatus, String titleEn, String titleZh, List<String> climateTags, List<String> owners,
        String memberTenantId, boolean demo, LocalDate withdrawalEffective) {

    static SearchHitData of(PooledPatent p) {
        return new SearchHitData(p.publicationNumber(), p.jurisdiction(), p.familyId(), p.applicationDate(),
                p.legalStatus(), p.titleEn(), p.titleZh(), p.climateTags(), p.owners(), p.tenantId(), p.demo(),
                p.withdrawalEffective());
    }

    String toJson() {
        return JsonText.write(this);
    }

    static SearchHitData fromJson(String json) {
        return JsonText.read(json, SearchHitData.class);
    }
}
