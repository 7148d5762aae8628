package org.carbonalliance.membership.api;

import java.util.Locale;

/** How the API's enums are written in JSON and events: lower case with hyphens. */
final class Wire {

    private Wire() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        for (E value : type.getEnumConstants()) {
            if (of(value).equals(text)) {
                return value;
            }
        }
        return null;
    }
}
