package org.carbonalliance.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Call;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.security.Roles;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/health}: overall status (STARTING, UP, DEGRADED, DOWN), version and every check's state, for anyone
 * (load balancers poll it; STARTING and DOWN answer 503). Operators (alliance-admins) also get uptime, check messages,
 * failing bundles and components with their causes, and every bundle's state; others learn nothing about internals.
 */
@Component(service = RestResource.class)
public class HealthResource implements RestResource {

    /** One check: its state, and for operators its message. */
    public record CheckView(String status, @JsonInclude(JsonInclude.Include.NON_NULL) String message) {
    }

    /** One bundle, for operators. */
    public record BundleView(long id, String symbolicName, String version, String state, boolean failing) {
    }

    /** The health report; the fields after {@code checks} are for operators only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HealthView(String status, String version, Map<String, CheckView> checks, Long uptimeSeconds,
            List<String> failingBundles, List<String> failingComponents, List<String> unsatisfiedComponents,
            List<BundleView> bundles) {
    }

    private final BundleContext context;
    private final PlatformHealth health;

    @Activate
    public HealthResource(BundleContext context, @Reference PlatformHealth health) {
        this.context = context;
        this.health = health;
    }

    @Override
    public String base() {
        return "/health";
    }

    @Override
    public String tag() {
        return "platform";
    }

    @Override
    public List<Operation> operations() {
        return List.of(Operation.get("").id("health")
                .summary("Platform health: status, version and checks; operators also get causes and bundle states")
                .access(Access.PUBLIC).returns(200, HealthView.class)
                .alsoAnswers(503, "STARTING, or DOWN: a check such as the database failed")
                .handle(this::report));
    }

    private HealthView report(Call call) {
        PlatformHealth.Report report = health.report();
        boolean operator = call.principal().filter(p -> p.hasRole(Roles.ALLIANCE_ADMIN)).isPresent();
        Map<String, CheckView> checks = new LinkedHashMap<>();
        report.checks().forEach((name, result) -> checks.put(name, new CheckView(result.status().name(),
                operator ? Objects.toString(result.message(), "") : null)));
        if (report.status().equals("DOWN") || report.status().equals("STARTING")) {
            call.status(503);
        }
        if (!operator) {
            return new HealthView(report.status(), version(), checks, null, null, null, null, null);
        }
        List<BundleView> bundles = BundleStates.describe(context.getBundles());
        return new HealthView(report.status(), version(), checks,
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000, texts(report.failingBundles()),
                texts(report.failedComponents()), texts(report.unsatisfiedComponents()), bundles);
    }

    private static List<String> texts(List<PlatformHealth.Problem> problems) {
        return problems.stream().map(PlatformHealth.Problem::text).toList();
    }

    private String version() {
        String version = context.getProperty("alliance.version");
        return version != null ? version : context.getBundle().getVersion().toString();
    }
}
