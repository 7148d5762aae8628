package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks {@code /api/openapi.json} as a client generator reads it: swagger-parser finds no error, every operation has
 * a unique operationId, every request body and every 2xx answer with a body has a schema, every other answer refers
 * to a declared schema (the one error shape, or the operation's own for health's 503), and every reference resolves.
 */
final class OpenApiContract {

    private OpenApiContract() {
    }

    /** @return how many operations were checked */
    static int check(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        assertEquals("swagger-parser's findings", List.of(), messages);
        OpenAPI api = result.getOpenAPI();
        assertNotNull(api);
        assertTrue("the error schema is declared", api.getComponents().getSchemas().containsKey("Error"));
        Set<String> ids = new HashSet<>();
        int operations = 0;
        int errors = 0;
        for (Map.Entry<String, io.swagger.v3.oas.models.PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<io.swagger.v3.oas.models.PathItem.HttpMethod, Operation> entry
                    : path.getValue().readOperationsMap().entrySet()) {
                String where = entry.getKey() + " " + path.getKey();
                Operation operation = entry.getValue();
                assertNotNull(where + " has an operationId", operation.getOperationId());
                assertTrue(where + ": operationId " + operation.getOperationId() + " is unique",
                        ids.add(operation.getOperationId()));
                if (operation.getRequestBody() != null) {
                    MediaType file = operation.getRequestBody().getContent().get("application/octet-stream");
                    if (file != null) {
                        assertEquals(where + " uploads a file", "binary", file.getSchema().getFormat());
                    } else {
                        assertNotNull(where + " request schema", json(operation.getRequestBody().getContent())
                                .getSchema());
                    }
                }
                for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
                    String status = response.getKey();
                    if (status.startsWith("2") && !status.equals("204")) {
                        assertNotNull(where + " " + status + " schema", json(response.getValue().getContent())
                                .getSchema());
                    } else if (!status.startsWith("2")) {
                        String ref = json(response.getValue().getContent()).getSchema().get$ref();
                        assertNotNull(where + " " + status + " has a schema", ref);
                        assertTrue(where + " " + status + " refers to a declared schema: " + ref,
                                api.getComponents().getSchemas().containsKey(ref.substring(ref.lastIndexOf('/') + 1)));
                        errors += ref.endsWith("/Error") ? 1 : 0;
                    }
                }
                operations++;
            }
        }
        assertTrue("error answers use the one error shape: " + errors, errors > operations);
        return operations;
    }

    private static MediaType json(io.swagger.v3.oas.models.media.Content content) {
        assertNotNull("content", content);
        MediaType type = content.get("application/json");
        assertNotNull("application/json content", type);
        return type;
    }
}
