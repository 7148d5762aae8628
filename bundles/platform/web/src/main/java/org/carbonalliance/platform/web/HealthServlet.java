package org.carbonalliance.platform.web;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.carbonalliance.platform.api.health.HealthCheck;
import org.carbonalliance.platform.api.health.HealthResult;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.carbonalliance.platform.api.web.OpenApiContributor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * {@code GET /api/health}: overall status, version, uptime, every health check (the database among them), every bundle's
 * state with the failing ones named, and components that failed to activate. Public, so load balancers can poll it.
 */
@Component(service = {Servlet.class, OpenApiContributor.class}, property = {
        "osgi.http.whiteboard.servlet.pattern=/health",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT,
        ApiContext.PUBLIC + "=true" })
public class HealthServlet extends ApiServlet implements OpenApiContributor {
    private static final long serialVersionUID = 1L;

    private final transient BundleContext context;
    private final transient List<HealthCheck> checks = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile ServiceComponentRuntime scr;

    @Activate
    public HealthServlet(BundleContext context) {
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCheck(HealthCheck check) {
        checks.add(check);
    }

    void removeCheck(HealthCheck check) {
        checks.remove(check);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean down = false;
        Map<String, Object> results = new LinkedHashMap<>();
        for (HealthCheck check : checks) {
            HealthResult result;
            try {
                result = check.check();
            } catch (RuntimeException e) {
                result = HealthResult.down(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            down |= result.status() == HealthResult.Status.DOWN;
            results.put(check.name(), Map.of("status", result.status().name(),
                    "message", result.message() == null ? "" : result.message()));
        }
        if (!results.containsKey("database")) {
            down = true;
            results.put("database", Map.of("status", "DOWN", "message", "The persistence bundle is not running."));
        }
        Bundle[] bundles = context.getBundles();
        List<String> failingBundles = new ArrayList<>();
        for (Bundle bundle : bundles) {
            if (BundleStates.isFailing(bundle)) {
                failingBundles.add(bundle.getSymbolicName() + " " + bundle.getVersion() + " ("
                        + BundleStates.stateName(bundle) + ")");
            }
        }
        List<String> failingComponents = failedComponents();
        String status = down ? "DOWN" : failingBundles.isEmpty() && failingComponents.isEmpty() ? "UP" : "DEGRADED";
        body.put("status", status);
        body.put("version", version());
        body.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        body.put("checks", results);
        body.put("failingBundles", failingBundles);
        body.put("failingComponents", failingComponents);
        body.put("bundles", BundleStates.describe(bundles));
        writeJson(resp, down ? 503 : 200, body);
    }

    private String version() {
        String version = context.getProperty("alliance.version");
        return version != null ? version : context.getBundle().getVersion().toString();
    }

    private List<String> failedComponents() {
        ServiceComponentRuntime runtime = scr;
        List<String> failed = new ArrayList<>();
        if (runtime == null) {
            return failed;
        }
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    failed.add(description.name + ": " + configuration.failure);
                }
            }
        }
        return failed;
    }

    @Override
    public Map<String, Object> openApiPaths() {
        return Map.of("/api/health", Map.of("get", Map.of(
                "summary", "Platform health: status, version, uptime, database, bundle states",
                "tags", List.of("platform"),
                "security", List.of(),
                "responses", Map.of(
                        "200", Map.of("description", "UP, or DEGRADED with failing bundles or components named"),
                        "503", Map.of("description", "DOWN: a health check such as the database failed")))));
    }
}
