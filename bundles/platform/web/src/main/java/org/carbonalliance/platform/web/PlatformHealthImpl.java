package org.carbonalliance.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.carbonalliance.platform.api.health.HealthCheck;
import org.carbonalliance.platform.api.health.HealthResult;
import org.carbonalliance.platform.api.plugin.PluginCalls;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.FailedServletContextDTO;
import org.osgi.service.servlet.runtime.dto.FailedServletDTO;
import org.osgi.service.servlet.runtime.dto.RuntimeDTO;

/**
 * Works out the platform's health: STARTING until the framework has started every bundle and the HTTP server runs,
 * DOWN when a check such as the database fails, DEGRADED when a bundle or component that should run does not (or a
 * check says so), else UP. UP therefore means every capability's components are active and serving. The checks run
 * as {@link HealthChecks} runs them: at once, within 2 s, a hung one never started twice; a plugin's check that hangs
 * is also reported through {@link PluginCalls}, so the check {@code plugins} names its bundle.
 */
@Component(service = PlatformHealth.class)
public class PlatformHealthImpl implements PlatformHealth {

    private final BundleContext context;
    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();
    private final HealthChecks runner;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceComponentRuntime scr;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HttpServiceRuntime http;

    @Activate
    public PlatformHealthImpl(BundleContext context, @Reference PluginCalls calls) {
        this.context = context;
        this.runner = new HealthChecks(PluginCallsImpl::pluginName, (check, what, message) -> {
            Bundle bundle = PluginCallsImpl.bundleOf(check);
            if (bundle != null && !isPlatform(bundle)) {
                calls.recordFailure(check, what, message);
            }
        });
    }

    @Deactivate
    void stop() {
        runner.stop();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCheck(HealthCheck check) {
        checks.add(check);
    }

    void removeCheck(HealthCheck check) {
        checks.remove(check);
        runner.forget(check);
    }

    @Override
    public Report report() {
        Map<String, HealthResult> results = new LinkedHashMap<>(runner.run(List.copyOf(checks)));
        results.putIfAbsent(HealthChecks.DATABASE, HealthResult.down("The persistence bundle is not running."));
        List<Problem> failingBundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (BundleStates.isFailing(bundle)) {
                failingBundles.add(new Problem(bundle.getSymbolicName() + " " + bundle.getVersion() + " ("
                        + BundleStates.stateName(bundle) + ")", isPlatform(bundle)));
            }
        }
        List<Problem> failed = new ArrayList<>();
        List<Problem> unsatisfied = new ArrayList<>();
        components(failed, unsatisfied);
        servlets(failed);
        boolean started = context.getBundle(0).getState() == Bundle.ACTIVE && http != null;
        boolean down = results.values().stream().anyMatch(r -> r.status() == HealthResult.Status.DOWN);
        boolean degraded = !failingBundles.isEmpty() || !failed.isEmpty() || !unsatisfied.isEmpty()
                || results.values().stream().anyMatch(r -> r.status() != HealthResult.Status.UP);
        String status = !started ? "STARTING" : down ? "DOWN" : degraded ? "DEGRADED" : "UP";
        return new Report(status, results, failingBundles, failed, unsatisfied);
    }

    private void components(List<Problem> failed, List<Problem> unsatisfied) {
        ServiceComponentRuntime runtime = scr;
        if (runtime == null) {
            return;
        }
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
            Bundle bundle = context.getBundle(description.bundle.id);
            boolean platform = bundle == null || isPlatform(bundle);
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    failed.add(new Problem(rootCause(configuration.failure) + " (component " + description.name
                            + ")", platform));
                } else if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    List<String> missing = new ArrayList<>();
                    for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
                        missing.add(reference.name);
                    }
                    unsatisfied.add(new Problem(description.name + " waits for " + missing, platform));
                }
            }
        }
    }

    /** Servlets, filters and contexts the HTTP whiteboard refused (a path taken twice, say): their URLs answer 404. */
    private void servlets(List<Problem> failed) {
        HttpServiceRuntime runtime = http;
        if (runtime == null) {
            return;
        }
        RuntimeDTO dto = runtime.getRuntimeDTO();
        for (FailedServletDTO servlet : dto.failedServletDTOs) {
            failed.add(new Problem("servlet " + servlet.name + " " + java.util.Arrays.toString(servlet.patterns)
                    + " is not served (whiteboard failure reason " + servlet.failureReason + ")",
                    registeredByPlatform(servlet.serviceId)));
        }
        for (FailedServletContextDTO context : dto.failedServletContextDTOs) {
            failed.add(new Problem("servlet context " + context.name + " is not served (whiteboard failure reason "
                    + context.failureReason + ")", true));
        }
    }

    private boolean registeredByPlatform(long serviceId) {
        try {
            var references = context.getServiceReferences((String) null, "(service.id=" + serviceId + ")");
            return references == null || references[0].getBundle() == null || isPlatform(references[0].getBundle());
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            return true;
        }
    }

    /** Plugins are what FileInstall brought from deploy/; everything else is the platform. */
    static boolean isPlatform(Bundle bundle) {
        String location = bundle.getLocation();
        return location == null || !location.contains("/deploy/");
    }

    /**
     * @return the innermost cause of a DS failure text (a stack trace): its last "Caused by:" line, or the first line,
     *         without the exception's class name
     */
    static String rootCause(String failure) {
        if (failure == null || failure.isBlank()) {
            return "unknown cause";
        }
        String cause = failure.lines().findFirst().orElse("");
        for (String line : (Iterable<String>) failure.lines()::iterator) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length());
            }
        }
        int colon = cause.indexOf(": ");
        if (colon > 0 && cause.substring(0, colon).matches("[\\w.$]+")) {
            cause = cause.substring(colon + 2);
        }
        return cause.strip();
    }
}
