package org.carbonalliance.emissions.impl.calc;

import java.util.Arrays;
import java.util.Optional;

/** The 100-year GWP sets a calculation may use; AR5 by default, as in most current schemes. */
public enum GwpSet {
    AR5, AR6;

    public static final GwpSet DEFAULT = AR5;

    public String wire() {
        return name();
    }

    public static Optional<GwpSet> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst();
    }
}
