package org.carbonalliance.platform.web;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.carbonalliance.platform.api.web.OpenApiContributor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/health}: overall status (STARTING, UP, DEGRADED, DOWN), version and every check's state, for anyone
 * (load balancers poll it). Operators (alliance-admins) also get uptime, check messages, failing bundles and components
 * with their causes, and every bundle's state; anonymous callers and members learn nothing about internals.
 */
@Component(service = {Servlet.class, OpenApiContributor.class}, property = {
        "osgi.http.whiteboard.servlet.pattern=/health",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT,
        ApiContext.PUBLIC + "=true" })
public class HealthServlet extends ApiServlet implements OpenApiContributor {
    private static final long serialVersionUID = 1L;

    private final transient BundleContext context;
    private final transient PlatformHealth health;

    @Activate
    public HealthServlet(BundleContext context, @Reference PlatformHealth health) {
        this.context = context;
        this.health = health;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PlatformHealth.Report report = health.report();
        boolean operator = CurrentPrincipal.get().filter(p -> p.hasRole(Roles.ALLIANCE_ADMIN)).isPresent();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.status());
        body.put("version", version());
        Map<String, Object> checks = new LinkedHashMap<>();
        report.checks().forEach((name, result) -> checks.put(name, operator
                ? Map.of("status", result.status().name(), "message", Objects.toString(result.message(), ""))
                : Map.of("status", result.status().name())));
        body.put("checks", checks);
        if (operator) {
            body.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
            body.put("failingBundles", texts(report.failingBundles()));
            body.put("failingComponents", texts(report.failedComponents()));
            body.put("unsatisfiedComponents", texts(report.unsatisfiedComponents()));
            body.put("bundles", BundleStates.describe(context.getBundles()));
        }
        boolean unavailable = report.status().equals("DOWN") || report.status().equals("STARTING");
        writeJson(resp, unavailable ? 503 : 200, body);
    }

    private static List<String> texts(List<PlatformHealth.Problem> problems) {
        return problems.stream().map(PlatformHealth.Problem::text).toList();
    }

    private String version() {
        String version = context.getProperty("alliance.version");
        return version != null ? version : context.getBundle().getVersion().toString();
    }

    @Override
    public Map<String, Object> openApiPaths() {
        return Map.of("/api/health", Map.of("get", Map.of(
                "summary", "Platform health: status, version and checks; operators also get causes and bundle states",
                "tags", List.of("platform"),
                "security", List.of(),
                "responses", Map.of(
                        "200", Map.of("description", "UP, or DEGRADED (operators see the failing bundles, components "
                                + "and checks named)"),
                        "503", Map.of("description", "STARTING, or DOWN: a check such as the database failed")))));
    }
}
