package org.carbonalliance.patentpool.api;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A patent publication number in DOCDB form: the two-letter office code, the number and the kind code, written
 * together as {@code CN112345678A}, {@code US10123456B2}, {@code EP1234567B1} or {@code WO2020123456A1}.
 * {@link #parse} accepts what people and office files write (spaces, commas, dots, dashes, lower case, a missing kind
 * code) and gives the canonical form.
 *
 * @param country the office's WIPO ST.3 code, such as CN, US, EP, WO, JP, KR
 * @param number  the publication number's digits (for WO, the year and the serial: 2020123456)
 * @param kind    the kind code (A, A1, B1, B2, U ...), or empty when not known
 */
public record PublicationNumber(String country, String number, String kind) {

    private static final Pattern FORM = Pattern.compile("([A-Z]{2})(\\d{4,13})([A-Z]\\d?)?");

    public PublicationNumber {
        if (country == null || !country.matches("[A-Z]{2}") || number == null || !number.matches("\\d{4,13}")
                || kind == null || !kind.matches("([A-Z]\\d?)?")) {
            throw new IllegalArgumentException("Not a DOCDB publication number: " + country + number + kind);
        }
    }

    /**
     * @return the number {@code text} names, in canonical form, or empty when it is not one (too short, letters in
     *         the number, an unknown shape)
     */
    public static Optional<PublicationNumber> parse(String text) {
        if (text == null || text.length() > 40) {
            return Optional.empty();
        }
        String compact = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s,.\\-/]", "");
        Matcher m = FORM.matcher(compact);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new PublicationNumber(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3)));
    }

    /** @return whether this is a utility model (CN, DE, JP kind U / Y), which Chinese open licences treat apart */
    public boolean isUtilityModel() {
        return kind.startsWith("U") || kind.startsWith("Y");
    }

    /** @return the canonical text, such as {@code US10123456B2} */
    @Override
    public String toString() {
        return country + number + kind;
    }
}
