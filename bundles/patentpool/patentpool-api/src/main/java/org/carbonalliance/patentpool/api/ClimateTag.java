package org.carbonalliance.patentpool.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The CPC's tagging scheme for climate-change mitigation and adaptation technologies (section Y, classes Y02 and
 * Y04S), by subclass.
 */
public enum ClimateTag {
    /** Technologies for adaptation to climate change. */
    Y02A,
    /** Buildings: mitigation in buildings, including housing and appliances. */
    Y02B,
    /** Capture, storage, sequestration or disposal of greenhouse gases. */
    Y02C,
    /** Information and communication technologies aiming at reducing their own energy use. */
    Y02D,
    /** Reduction of greenhouse gas emissions related to energy generation, transmission or distribution. */
    Y02E,
    /** Mitigation in the production or processing of goods. */
    Y02P,
    /** Mitigation related to transportation. */
    Y02T,
    /** Mitigation related to wastewater treatment or waste management. */
    Y02W,
    /** Smart grids: systems integrating power network operation and ICT. */
    Y04S;

    /** @return the tag named by {@code text} in any case, or empty */
    public static Optional<ClimateTag> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @return the tag a CPC code belongs to ({@code Y02E 10/50} to Y02E), or empty for codes outside Y02 and Y04S */
    public static Optional<ClimateTag> of(CpcCode code) {
        return of(code.subclass());
    }
}
