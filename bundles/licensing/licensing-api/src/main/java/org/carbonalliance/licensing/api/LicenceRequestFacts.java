package org.carbonalliance.licensing.api;

import java.util.List;

/**
 * What a {@link LicencePolicy} judges: the request and what licensing knows of the requester.
 *
 * @param requestId            the request's id
 * @param licenseeName         the requesting organisation
 * @param licenseeTenantId     its tenant id when it is a member, else null
 * @param licenseeCountry      its ISO 3166-1 alpha-2 country
 * @param memberInGoodStanding a member whose membership is active and whose licences have no overdue report
 * @param offerId              the offer requested
 * @param offerVersion         the offer's version at the time of the request
 * @param standardOffer        whether it is the pool's standard offer
 * @param patents              the requested publication numbers (canonical DOCDB), those under requested tags included
 * @param climateTags          the requested climate tags (Y02E ...)
 * @param intendedUse          the requester's description of the use
 * @param countries            countries where the patents will be used (ISO 3166-1 alpha-2)
 * @param terminatedLicences   how many of the requester's licences were terminated before
 */
public record LicenceRequestFacts(String requestId, String licenseeName, String licenseeTenantId,
        String licenseeCountry, boolean memberInGoodStanding, String offerId, int offerVersion, boolean standardOffer,
        List<String> patents, List<String> climateTags, String intendedUse, List<String> countries,
        int terminatedLicences) {

    public LicenceRequestFacts {
        patents = List.copyOf(patents);
        climateTags = List.copyOf(climateTags);
        countries = List.copyOf(countries);
    }
}
