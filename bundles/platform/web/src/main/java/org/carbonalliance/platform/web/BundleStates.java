package org.carbonalliance.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    static List<Map<String, Object>> describe(Bundle[] bundles) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Bundle bundle : bundles) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", bundle.getBundleId());
            entry.put("symbolicName", bundle.getSymbolicName());
            entry.put("version", bundle.getVersion().toString());
            entry.put("state", stateName(bundle));
            entry.put("failing", isFailing(bundle));
            out.add(entry);
        }
        return out;
    }
}
