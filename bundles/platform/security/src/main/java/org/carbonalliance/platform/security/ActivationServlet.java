package org.carbonalliance.platform.security;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.carbonalliance.platform.api.web.OpenApiContributor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code POST /api/identity/activate}: an invited user sets a password with the one-time token. Public. */
@Component(service = {Servlet.class, OpenApiContributor.class}, property = {
        "osgi.http.whiteboard.servlet.pattern=/identity/activate",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT,
        ApiContext.PUBLIC + "=true" })
public class ActivationServlet extends ApiServlet implements OpenApiContributor {
    private static final long serialVersionUID = 1L;

    /** Body of POST. */
    public record Activation(String token, String password) {
    }

    private final transient Identities identities;

    @Activate
    public ActivationServlet(@Reference AccountServiceImpl accounts) {
        this.identities = accounts.identities();
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Activation body = readJson(req, Activation.class);
        if (body.token() == null || body.password() == null) {
            throw ApiException.badRequest("Send the activation token and the new password.",
                    List.of(body.token() == null ? "token: required" : "password: required"));
        }
        try {
            identities.activate(body.token(), body.password());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), List.of());
        }
        writeJson(resp, 200, Map.of("activated", true));
    }

    @Override
    public Map<String, Object> openApiPaths() {
        return Map.of("/api/identity/activate", Map.of("post", Map.of(
                "summary", "Activate an invited account: set its password with the one-time token",
                "tags", List.of("identity"), "security", List.of(),
                "requestBody", Map.of("required", true, "content", Map.of("application/json", Map.of("schema", Map.of(
                        "type", "object", "required", List.of("token", "password"), "additionalProperties", false,
                        "properties", Map.of("token", Map.of("type", "string"),
                                "password", Map.of("type", "string", "minLength", PasswordPolicy.MIN_LENGTH)))))),
                "responses", Map.of("200", Map.of("description", "activated"),
                        "400", Map.of("description", "unknown, used or expired token, or a weak password")))));
    }
}
