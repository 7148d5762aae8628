package org.carbonalliance.itest;

import java.util.List;
import org.carbonalliance.membership.api.ApplicationForm;
import org.carbonalliance.membership.api.Finding;
import org.carbonalliance.membership.api.OnboardingCheck;
import org.carbonalliance.platform.api.health.HealthCheck;
import org.carbonalliance.platform.api.health.HealthResult;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * A hostile plugin for {@link HungPluginIT}: its activator registers it as an onboarding check and as a health check,
 * and both checks sleep until the bundle stops, ignoring interrupts. One class without nested classes or lambdas,
 * because {@link Jars#bundle} copies one class file into the bundle.
 */
public class HungPlugin implements BundleActivator, OnboardingCheck, HealthCheck {

    static final String NAME = "hung-plugin";

    /** Set when the bundle stops: then the stuck calls end (so the test leaves no thread behind). */
    private static volatile boolean stopped;

    @Override
    public void start(BundleContext context) {
        stopped = false;
        context.registerService(new String[] {OnboardingCheck.class.getName(), HealthCheck.class.getName()}, this,
                null);
    }

    @Override
    public void stop(BundleContext context) {
        stopped = true;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> check(ApplicationForm form) {
        hang();
        return List.of(Finding.pass(NAME, "answered after all"));
    }

    @Override
    public HealthResult check() {
        hang();
        return HealthResult.up("answered after all");
    }

    private static void hang() {
        while (!stopped) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                // hostile: an interrupt does not stop it
            }
        }
    }
}
