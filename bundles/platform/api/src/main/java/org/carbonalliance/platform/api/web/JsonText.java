package org.carbonalliance.platform.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * JSON as text, with the platform's own rules (strict reading, ISO-8601 dates), for values stored as JSON columns or
 * written into audit entries. Jackson stays an implementation detail: no mapper is part of the API.
 *
 * @since 1.1
 */
public final class JsonText {

    private JsonText() {
    }

    /** @return {@code value} as JSON text */
    public static String write(Object value) {
        try {
            return ApiServlet.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not writable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @return {@code json} read as {@code type} (a record, an array of records ...), strictly
     * @throws IllegalArgumentException when the text is not such a value
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return ApiServlet.JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a " + type.getSimpleName() + " in JSON: " + e.getOriginalMessage(),
                    e);
        }
    }
}
