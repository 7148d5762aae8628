package org.carbonalliance.platform.security;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.Invitation;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.carbonalliance.platform.api.web.OpenApiContributor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/identity/users}: a member-admin manages the users of its own tenant: list, invite (POST, the one-time
 * activation token in the answer), change roles or disable ({@code PATCH /{email}}). Other tenants' users do not exist
 * here (404).
 */
@Component(service = {Servlet.class, OpenApiContributor.class}, property = {
        "osgi.http.whiteboard.servlet.pattern=/identity/users/*",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT })
public class UsersServlet extends ApiServlet implements OpenApiContributor {
    private static final long serialVersionUID = 1L;

    /** Body of POST. */
    public record Invite(String email, Set<String> roles) {
    }

    /** Body of PATCH; absent fields stay as they are. */
    public record Change(Set<String> roles, Boolean enabled) {
    }

    private final transient Identities identities;

    @Activate
    public UsersServlet(@Reference AccountServiceImpl accounts) {
        this.identities = accounts.identities();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if ("PATCH".equals(req.getMethod())) {
            try {
                doPatch(req, resp);
            } catch (ApiException e) {
                writeError(resp, e.status(), e.code(), e.getMessage(), e.details());
            } finally {
                discardUnreadBody(req);
            }
            return;
        }
        super.service(req, resp);
    }

    /** @return the caller's tenant, when the caller is a member-admin of one */
    private static String adminTenant() {
        AlliancePrincipal caller = CurrentPrincipal.get()
                .orElseThrow(() -> new ApiException(401, "unauthorized", "Log in first."));
        if (caller.tenantId() == null || !caller.hasRole(Roles.MEMBER_ADMIN)) {
            throw ApiException.forbidden("Only a member-admin manages the users of its organisation.");
        }
        return caller.tenantId();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String tenant = adminTenant();
        if (email(req) != null) {
            throw ApiException.notFound("There is no endpoint at " + req.getRequestURI() + ".");
        }
        writeJson(resp, 200, Map.of("items", identities.users(tenant).stream().map(UsersServlet::view).toList()));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String tenant = adminTenant();
        Invite body = readJson(req, Invite.class);
        if (body.email() == null || body.roles() == null) {
            throw ApiException.badRequest("Send the user's e-mail and roles.",
                    List.of(body.email() == null ? "email: required" : "roles: required"));
        }
        Invitation invitation;
        try {
            invitation = identities.invite(tenant, body.email(), body.roles());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), List.of());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "conflict", e.getMessage());
        }
        writeJson(resp, 201, Map.of("email", invitation.email(), "activationToken", invitation.activationToken(),
                "expiresAt", invitation.expiresAt()));
    }

    private void doPatch(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String tenant = adminTenant();
        String email = email(req);
        if (email == null) {
            throw new ApiException(405, "method-not-allowed", "PATCH /api/identity/users/{email} changes one user.");
        }
        Change body = readJson(req, Change.class);
        Account account;
        try {
            account = identities.update(tenant, email, body.roles(), body.enabled())
                    .orElseThrow(() -> ApiException.notFound("Your organisation has no user " + email + "."));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), List.of());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "conflict", e.getMessage());
        }
        writeJson(resp, 200, view(account));
    }

    private static String email(HttpServletRequest req) {
        String path = req.getPathInfo();
        return path == null || path.equals("/") ? null : path.substring(1);
    }

    private static Map<String, Object> view(Account account) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("email", account.username());
        out.put("roles", account.roles());
        out.put("enabled", account.enabled());
        out.put("activated", account.activated());
        out.put("createdAt", account.createdAt());
        return out;
    }

    @Override
    public Map<String, Object> openApiPaths() {
        List<Object> tags = List.of("identity");
        return Map.of(
                "/api/identity/users", Map.of(
                        "get", Map.of("summary", "Users of your organisation (member-admin)", "tags", tags,
                                "responses", Map.of("200", Map.of("description", "users"),
                                        "403", Map.of("description", "not a member-admin"))),
                        "post", Map.of("summary", "Invite a user; the answer carries the one-time activation token",
                                "tags", tags,
                                "requestBody", Map.of("required", true, "content", Map.of("application/json",
                                        Map.of("schema", Map.of("type", "object", "required", List.of("email", "roles"),
                                                "additionalProperties", false, "properties", Map.of(
                                                        "email", Map.of("type", "string", "format", "email"),
                                                        "roles", Map.of("type", "array", "items", Map.of("type", "string",
                                                                "enum", List.copyOf(Identities.TENANT_ROLES)))))))),
                                "responses", Map.of("201", Map.of("description", "invited"),
                                        "400", Map.of("description", "invalid e-mail, unknown role"),
                                        "409", Map.of("description", "the address cannot be invited")))),
                "/api/identity/users/{email}", Map.of(
                        "patch", Map.of("summary", "Change a user's roles or disable/enable it", "tags", tags,
                                "parameters", List.of(Map.of("name", "email", "in", "path", "required", true,
                                        "schema", Map.of("type", "string"))),
                                "requestBody", Map.of("required", true, "content", Map.of("application/json",
                                        Map.of("schema", Map.of("type", "object", "additionalProperties", false,
                                                "properties", Map.of("roles", Map.of("type", "array"),
                                                        "enabled", Map.of("type", "boolean")))))),
                                "responses", Map.of("200", Map.of("description", "changed"),
                                        "404", Map.of("description", "no such user in your organisation"),
                                        "409", Map.of("description", "would leave the organisation without an "
                                                + "active member-admin")))));
    }
}
