package org.carbonalliance.membership.api;

import java.util.Set;

/**
 * What an organisation submits to join.
 *
 * @param organisationName   the legal name
 * @param localName          the name in the local language, if different (may be null)
 * @param type               the kind of organisation
 * @param country            ISO 3166-1 alpha-2 code
 * @param registrationNumber the national registration number
 * @param website            https URL
 * @param contactName        the contact person
 * @param contactEmail       the contact's e-mail address, who becomes the first member-admin
 * @param areas              areas of work as CPC climate tags: Y02A, Y02B, Y02C, Y02D, Y02E, Y02P, Y02T, Y02W, Y04S
 * @param statement          the organisation's carbon-neutrality work
 * @param seeking            what it wants from the pool
 */
public record ApplicationForm(String organisationName, String localName, OrganisationType type, String country,
        String registrationNumber, String website, String contactName, String contactEmail, Set<String> areas,
        String statement, Seeking seeking) {

    /** The CPC climate-change mitigation and smart-grid tags an applicant may name. */
    public static final Set<String> CLIMATE_TAGS = Set.of("Y02A", "Y02B", "Y02C", "Y02D", "Y02E", "Y02P", "Y02T", "Y02W",
            "Y04S");
}
