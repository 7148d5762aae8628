package org.carbonalliance.platform.api.web;

import java.util.Optional;

/**
 * Rules for text that people will read elsewhere (directory entries, console pages, logs): no control characters
 * (tab and line breaks are allowed only in long texts) and no bidirectional override or isolate characters, which
 * can make a name display as something else.
 *
 * @since 1.1
 */
public final class PlainText {

    private PlainText() {
    }

    /**
     * @param multiline whether tab and line breaks are allowed (long texts such as a statement)
     * @return what is wrong with {@code value}, to put after the field's name in an error's details; empty when fine
     */
    public static Optional<String> problem(String value, boolean multiline) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isBidiControl(c)) {
                return Optional.of(String.format("contains a bidirectional control character (U+%04X) at position %d;"
                        + " remove it", (int) c, i + 1));
            }
            boolean allowedBreak = multiline && (c == '\t' || c == '\n' || c == '\r');
            if ((Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029') && !allowedBreak) {
                return Optional.of(String.format("contains a control character (U+%04X) at position %d; %s", (int) c,
                        i + 1, multiline ? "only tabs and line breaks are allowed" : "use a single line of text"));
            }
        }
        return Optional.empty();
    }

    /** Embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069). */
    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
