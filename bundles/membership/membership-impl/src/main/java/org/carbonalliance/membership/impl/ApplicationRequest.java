package org.carbonalliance.membership.impl;

import java.util.List;

/** The JSON body of a (re)submission, as sent: enums and lists as text, checked by {@link ApplicationValidator}. */
public record ApplicationRequest(String organisationName, String localName, String type, String country,
        String registrationNumber, String website, String contactName, String contactEmail, List<String> areas,
        String statement, String seeking) {
}
