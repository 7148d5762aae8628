package org.carbonalliance.membership.api;

/** The kinds of organisation that may apply. Written as lower case with hyphens, for example {@code company}. */
public enum OrganisationType {
    COMPANY, RESEARCH_INSTITUTE, UNIVERSITY, INTERNATIONAL_ORGANISATION, NGO, PUBLIC_BODY;

    /** @return the JSON form */
    public String wire() {
        return Wire.of(this);
    }

    /** @return the value whose JSON form is {@code text}, or {@code null} */
    public static OrganisationType fromWire(String text) {
        return Wire.parse(OrganisationType.class, text);
    }
}
