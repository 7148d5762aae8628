package org.carbonalliance.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carbonalliance.platform.api.rest.Operation;

/** Writes a declared operation as an OpenAPI 3.0 operation object: the declaration is the only source. */
final class OperationDocs {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private OperationDocs() {
    }

    static Map<String, Object> describe(Operation operation, String tag, String fullPath) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("operationId", operation.id() != null ? operation.id() : operationId(operation.method(), fullPath));
        out.put("summary", operation.summary());
        out.put("tags", List.of(tag));
        if (operation.access().isPublic()) {
            // Optional login: anyone may call, and a logged-in caller (an operator) may get more.
            out.put("security", List.of(Map.of(), Map.of("basic", List.of()), Map.of("apiKey", List.of())));
        } else if (!operation.access().roles().isEmpty()) {
            out.put("description", "Needs the role " + String.join(" or ", operation.access().roles()) + ".");
        } else if (operation.access().needsMember()) {
            out.put("description", "A member's own data: needs a user of a member organisation (operators get 403).");
        }
        List<Object> parameters = new ArrayList<>();
        Matcher m = PARAMETER.matcher(fullPath);
        while (m.find()) {
            parameters.add(Map.of("name", m.group(1), "in", "path", "required", true,
                    "schema", Map.of("type", "string")));
        }
        for (Operation.Param param : operation.params()) {
            parameters.add(Map.of("name", param.name(), "in", param.in(), "required", param.required(),
                    "description", param.description(), "schema", Map.of("type", param.type())));
        }
        if (!parameters.isEmpty()) {
            out.put("parameters", parameters);
        }
        if (operation.body() != null) {
            out.put("requestBody", Map.of("required", true, "content", Map.of("application/json",
                    Map.of("schema", Map.of("$ref", RecordSchemas.ref(operation.body()))))));
        }
        if (operation.uploadLimit() != null) {
            out.put("requestBody", Map.of("required", true, "description", "the file, as the request body ("
                    + operation.uploadTypes() + ")", "content",
                    Map.of("application/octet-stream", Map.of("schema", Map.of("type", "string", "format", "binary")))));
        }
        Map<String, Object> responses = new TreeMap<>();
        responses.put(Integer.toString(operation.status()), success(operation, operation.summary()));
        operation.alternatives().forEach((status, description) -> responses.put(Integer.toString(status),
                success(operation, description)));
        if (operation.body() != null || !operation.params().isEmpty() || fullPath.contains("{")) {
            responses.put("400", ErrorSchema.response("the request is malformed or invalid; details name each "
                    + "problem"));
        }
        if (operation.body() != null || operation.uploadLimit() != null) {
            responses.put("408", ErrorSchema.response("the body did not arrive completely in time"));
            responses.put("413", ErrorSchema.response("the body is larger than the configured limit"));
            if (operation.body() != null) {
                responses.put("415", ErrorSchema.response("the body is not application/json"));
            }
        }
        if (!operation.access().isPublic()) {
            responses.put("401", ErrorSchema.response("not logged in"));
        }
        if (!operation.access().roles().isEmpty()) {
            responses.put("403", ErrorSchema.response("logged in without the role this needs"));
        }
        if (operation.access().needsMember()) {
            responses.put("403", ErrorSchema.response("logged in as an operator, who belongs to no member"));
        }
        operation.errors().forEach((status, description) -> responses.put(Integer.toString(status),
                ErrorSchema.response(description)));
        out.put("responses", responses);
        return out;
    }

    private static Map<String, Object> success(Operation operation, String description) {
        if (operation.response() == null) {
            return Map.of("description", description);
        }
        Map<String, Object> schema = operation.list()
                ? Map.of("type", "object", "required", List.of("items"), "properties", Map.of("items",
                        Map.of("type", "array", "items", Map.of("$ref", RecordSchemas.ref(operation.response())))))
                : Map.of("$ref", RecordSchemas.ref(operation.response()));
        return Map.of("description", description, "content", Map.of("application/json",
                Map.of("schema", schema)));
    }

    /** {@code GET /api/membership/applications/{id}} becomes {@code getMembershipApplicationsById}. */
    static String operationId(String method, String fullPath) {
        StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
        for (String segment : fullPath.split("/")) {
            if (segment.isEmpty() || segment.equals("api")) {
                continue;
            }
            boolean parameter = segment.startsWith("{");
            if (parameter) {
                id.append("By");
                segment = segment.substring(1, segment.length() - 1);
            }
            for (String word : segment.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return id.toString();
    }
}
