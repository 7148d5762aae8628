package org.carbonalliance.platform.web;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/** Describes bundle states for the health report; a bundle that should run but does not is failing. */
final class BundleStates {

    private BundleStates() {
    }

    static boolean isFailing(Bundle bundle) {
        if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
            return bundle.getState() == Bundle.INSTALLED;
        }
        return bundle.getState() != Bundle.ACTIVE && bundle.getState() != Bundle.STARTING
                && bundle.getState() != Bundle.UNINSTALLED;
    }

    static String stateName(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    static List<HealthResource.BundleView> describe(Bundle[] bundles) {
        List<HealthResource.BundleView> out = new ArrayList<>();
        for (Bundle bundle : bundles) {
            out.add(new HealthResource.BundleView(bundle.getBundleId(), bundle.getSymbolicName(),
                    bundle.getVersion().toString(), stateName(bundle), isFailing(bundle)));
        }
        return out;
    }
}
