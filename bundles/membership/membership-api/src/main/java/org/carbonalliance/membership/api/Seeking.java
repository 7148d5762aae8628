package org.carbonalliance.membership.api;

/** What an applicant wants from the pool. Written as lower case with hyphens, for example {@code contribute-patents}. */
public enum Seeking {
    CONTRIBUTE_PATENTS, LICENSE_PATENTS, BOTH;

    /** @return the JSON form */
    public String wire() {
        return Wire.of(this);
    }

    /** @return the value whose JSON form is {@code text}, or {@code null} */
    public static Seeking fromWire(String text) {
        return Wire.parse(Seeking.class, text);
    }
}
