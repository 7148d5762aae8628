package org.carbonalliance.platform.web;

import java.util.List;
import java.util.Map;

/** The platform's one error shape, as an OpenAPI schema every error response refers to. */
final class ErrorSchema {

    static final String NAME = "Error";
    static final String REF = "#/components/schemas/" + NAME;

    private ErrorSchema() {
    }

    static Map<String, Object> schemas() {
        return Map.of(NAME, Map.of(
                "type", "object",
                "required", List.of("error"),
                "properties", Map.of("error", Map.of(
                        "type", "object",
                        "required", List.of("code", "message", "details"),
                        "properties", Map.of(
                                "code", Map.of("type", "string", "description", "stable, machine-readable"),
                                "message", Map.of("type", "string", "description", "for people, says what to do"),
                                "details", Map.of("type", "array", "items", Map.of("type", "string"),
                                        "description", "one line per problem, 'field: problem'"))))));
    }

    /** @return an OpenAPI response object with the error schema */
    static Map<String, Object> response(String description) {
        return Map.of("description", description, "content", Map.of("application/json",
                Map.of("schema", Map.of("$ref", REF))));
    }
}
