package org.carbonalliance.patentpool.api;

import java.util.Locale;
import java.util.Optional;

/** Where a pooled patent stands at its office; its wire form is the lower-case name. */
public enum LegalStatus {
    /** Filed and published, not (yet) granted. */
    PENDING,
    /** Granted and in force. */
    GRANTED,
    /** Granted, then lapsed (fees not paid); may be restored at some offices. */
    LAPSED,
    /** Past its term. */
    EXPIRED,
    /** Revoked or invalidated. */
    REVOKED;

    /** @return the lower-case name used in JSON and files, such as {@code granted} */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the status whose {@link #wire()} form is exactly {@code text} (case-sensitive), or empty */
    public static Optional<LegalStatus> fromWire(String text) {
        for (LegalStatus status : values()) {
            if (status.wire().equals(text)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
