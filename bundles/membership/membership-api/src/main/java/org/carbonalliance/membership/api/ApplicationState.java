package org.carbonalliance.membership.api;

/** The states of an application; approved, rejected and withdrawn are final. Written as lower case with hyphens, for example {@code submitted}. */
public enum ApplicationState {
    SUBMITTED, UNDER_REVIEW, INFORMATION_REQUESTED, APPROVED, REJECTED, WITHDRAWN;

    /** @return the JSON form */
    public String wire() {
        return Wire.of(this);
    }

    /** @return the value whose JSON form is {@code text}, or {@code null} */
    public static ApplicationState fromWire(String text) {
        return Wire.parse(ApplicationState.class, text);
    }
}
