package org.carbonalliance.membership.impl;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.carbonalliance.platform.api.web.OpenApiContributor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/membership/members}: the public directory of active members; one member's full record for itself and
 * the secretariat; suspension and reinstatement by the secretariat; withdrawal by the member's admin or the secretariat.
 */
@Component(service = {Servlet.class, OpenApiContributor.class}, property = {
        "osgi.http.whiteboard.servlet.pattern=/membership/members/*",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT,
        ApiContext.PUBLIC + "=true" })
public class MembersServlet extends ApiServlet implements OpenApiContributor {
    private static final long serialVersionUID = 1L;

    /** Body of suspend and withdraw. */
    public record Reason(String reason) {
    }

    private final transient Members members;

    @Activate
    public MembersServlet(@Reference Applications applications) {
        this.members = applications.members();
    }

    private static boolean isAdmin() {
        return CurrentPrincipal.get().map(p -> p.hasRole(Roles.ALLIANCE_ADMIN)).orElse(false);
    }

    private static AlliancePrincipal loggedIn() {
        return CurrentPrincipal.get().orElseThrow(() -> new ApiException(401, "unauthorized", "Log in first."));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> path = pathSegments(req);
        if (path.isEmpty()) {
            boolean all = isAdmin() && "true".equals(req.getParameter("all"));
            writeJson(resp, 200, Map.of("items", members.list(all).stream().map(m -> view(m, all)).toList()));
            return;
        }
        AlliancePrincipal caller = loggedIn();
        String tenantId = path.get(0);
        if (path.size() != 1 || !(isAdmin() || tenantId.equals(caller.tenantId()))) {
            throw ApiException.notFound("There is no member " + tenantId + " you can see.");
        }
        Member member = members.find(tenantId).orElseThrow(() -> ApiException.notFound("There is no member "
                + tenantId + "."));
        writeJson(resp, 200, view(member, true));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> path = pathSegments(req);
        AlliancePrincipal caller = loggedIn();
        if (path.size() != 2) {
            throw ApiException.notFound("There is no endpoint at " + req.getRequestURI() + ".");
        }
        String tenantId = path.get(0);
        boolean ownAdmin = tenantId.equals(caller.tenantId()) && caller.hasRole(Roles.MEMBER_ADMIN);
        try {
            switch (path.get(1)) {
                case "suspend" -> {
                    requireAdmin();
                    members.suspend(tenantId, reason(req));
                }
                case "reinstate" -> {
                    requireAdmin();
                    members.reinstate(tenantId);
                }
                case "withdraw" -> {
                    if (!isAdmin() && !ownAdmin) {
                        throw ApiException.forbidden("Only the member's admin or the secretariat withdraws a member.");
                    }
                    members.withdraw(tenantId, reason(req));
                }
                default -> throw ApiException.notFound("There is no endpoint at " + req.getRequestURI() + ".");
            }
        } catch (Applications.NotFound e) {
            throw ApiException.notFound(e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "conflict", e.getMessage());
        }
        writeJson(resp, 200, view(members.find(tenantId).orElseThrow(), true));
    }

    private static void requireAdmin() {
        if (!isAdmin()) {
            throw ApiException.forbidden("Only the alliance secretariat suspends and reinstates members.");
        }
    }

    private String reason(HttpServletRequest req) throws IOException {
        Reason body = readJson(req, Reason.class);
        if (body.reason() == null || body.reason().isBlank() || body.reason().length() > 2000) {
            throw ApiException.badRequest("Field 'reason' is required: 1 to 2000 characters.",
                    List.of("reason: required, 1-2000 characters"));
        }
        return body.reason().strip();
    }


    private static Map<String, Object> view(Member m, boolean full) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.tenantId());
        out.put("name", m.name());
        out.put("localName", m.localName());
        out.put("type", m.type());
        out.put("country", m.country());
        out.put("areas", m.areas());
        out.put("website", m.website());
        out.put("memberSince", m.memberSince());
        out.put("demo", m.demo());
        if (full) {
            out.put("status", m.status().name().toLowerCase());
            out.put("statusReason", m.statusReason());
            out.put("applicationId", m.applicationId());
        }
        return out;
    }

    @Override
    public Map<String, Object> openApiPaths() {
        List<Object> tags = List.of("membership");
        Map<String, Object> idParam = Map.of("name", "tenantId", "in", "path", "required", true,
                "schema", Map.of("type", "string"));
        Map<String, Object> change = Map.of("tags", tags, "parameters", List.of(idParam),
                "responses", Map.of("200", Map.of("description", "the member"), "403", Map.of("description",
                        "not allowed"), "404", Map.of("description", "no such member"), "409",
                        Map.of("description", "not possible in the member's state")));
        return Map.of(
                "/api/membership/members", Map.of("get", Map.of("summary",
                        "Directory of active members (public); ?all=true for alliance-admins", "tags", tags,
                        "security", List.of(), "responses", Map.of("200", Map.of("description", "members")))),
                "/api/membership/members/{tenantId}", Map.of("get", Map.of("summary",
                        "A member's full record: for itself and the secretariat", "tags", tags,
                        "parameters", List.of(idParam), "responses", Map.of("200", Map.of("description", "member"),
                                "404", Map.of("description", "no such member you can see")))),
                "/api/membership/members/{tenantId}/suspend", Map.of("post", change),
                "/api/membership/members/{tenantId}/reinstate", Map.of("post", change),
                "/api/membership/members/{tenantId}/withdraw", Map.of("post", change));
    }
}
