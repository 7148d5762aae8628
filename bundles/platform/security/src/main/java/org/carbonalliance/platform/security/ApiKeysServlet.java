package org.carbonalliance.platform.security;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.carbonalliance.platform.api.web.OpenApiContributor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/identity/keys}: the caller's own API keys. POST creates one and shows its secret once (field {@code key});
 * GET lists them without secrets; DELETE {@code /{id}} revokes one.
 */
@Component(service = {Servlet.class, OpenApiContributor.class}, property = {
        "osgi.http.whiteboard.servlet.pattern=/identity/keys/*",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT })
public class ApiKeysServlet extends ApiServlet implements OpenApiContributor {
    private static final long serialVersionUID = 1L;

    /** Body of POST. */
    public record NewKey(String name) {
    }

    private final transient ApiKeys keys;

    @Activate
    public ApiKeysServlet(@Reference AccountServiceImpl accounts) {
        this.keys = accounts.apiKeys();
    }

    private static AlliancePrincipal caller() {
        return CurrentPrincipal.get().orElseThrow(() -> new ApiException(401, "unauthorized", "Log in first."));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        requireCollection(req);
        writeJson(resp, 200, Map.of("items", keys.list(caller().username()).stream().map(ApiKeysServlet::view).toList()));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        requireCollection(req);
        NewKey body = readJson(req, NewKey.class);
        String name = body.name() == null ? "" : body.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw ApiException.badRequest("Field 'name' is required: 1 to 100 characters that say what the key is for.",
                    List.of("name: required, 1-100 characters"));
        }
        ApiKeys.Created created = keys.create(caller().username(), name);
        Map<String, Object> out = view(created.key());
        out.put("key", created.text());
        writeJson(resp, 201, out);
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw new ApiException(405, "method-not-allowed", "DELETE /api/identity/keys/{id} revokes one key.");
        }
        String id = path.substring(1);
        if (!keys.revoke(caller().username(), id)) {
            throw ApiException.notFound("You have no active API key " + id + ".");
        }
        resp.setStatus(204);
    }

    private static void requireCollection(HttpServletRequest req) {
        String path = req.getPathInfo();
        if (path != null && !path.equals("/")) {
            throw ApiException.notFound("There is no endpoint at " + req.getRequestURI() + "; see /api/openapi.json.");
        }
    }

    private static Map<String, Object> view(ApiKey key) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", key.getId());
        out.put("name", key.getName());
        out.put("createdAt", key.getCreatedAt());
        Instant revoked = key.getRevokedAt();
        out.put("revokedAt", revoked);
        return out;
    }

    @Override
    public Map<String, Object> openApiPaths() {
        Map<String, Object> keySchema = Map.of("type", "object", "properties", Map.of(
                "id", Map.of("type", "string"), "name", Map.of("type", "string"),
                "createdAt", Map.of("type", "string", "format", "date-time"),
                "revokedAt", Map.of("type", "string", "format", "date-time", "nullable", true)));
        return Map.of(
                "/api/identity/keys", Map.of(
                        "get", Map.of("summary", "Your API keys, without their secrets", "tags", List.of("identity"),
                                "responses", Map.of("200", Map.of("description", "the keys"))),
                        "post", Map.of("summary", "Create an API key; its secret is in the field 'key', shown once",
                                "tags", List.of("identity"),
                                "requestBody", Map.of("required", true, "content", Map.of("application/json", Map.of(
                                        "schema", Map.of("type", "object", "required", List.of("name"),
                                                "additionalProperties", false, "properties", Map.of("name",
                                                        Map.of("type", "string", "minLength", 1, "maxLength", 100)))))),
                                "responses", Map.of("201", Map.of("description", "the key with its secret",
                                        "content", Map.of("application/json", Map.of("schema", keySchema))),
                                        "400", Map.of("description", "invalid name")))),
                "/api/identity/keys/{id}", Map.of(
                        "delete", Map.of("summary", "Revoke one of your API keys", "tags", List.of("identity"),
                                "parameters", List.of(Map.of("name", "id", "in", "path", "required", true,
                                        "schema", Map.of("type", "string"))),
                                "responses", Map.of("204", Map.of("description", "revoked"),
                                        "404", Map.of("description", "no such active key of yours")))));
    }
}
