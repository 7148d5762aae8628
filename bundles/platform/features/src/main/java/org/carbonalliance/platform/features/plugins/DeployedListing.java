package org.carbonalliance.platform.features.plugins;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carbonalliance.platform.features.FeatureRecord;
import org.carbonalliance.platform.features.Features;
import org.carbonalliance.platform.features.plugins.PluginRecords.DeployedPlugin;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The plugin files in deploy/ as the listing shows them: each with the state of what was installed from it. */
final class DeployedListing {

    private DeployedListing() {
    }

    static List<DeployedPlugin> list(DeployFolder folder, BundleContext context, Features features)
            throws IOException {
        Map<String, String> bundleStates = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            String file = folder.fileOf(bundle.getLocation());
            if (file != null) {
                bundleStates.put(file, state(bundle));
            }
        }
        Set<String> installedFeatures = new HashSet<>();
        for (FeatureRecord record : features.installed()) {
            try {
                Path source = Path.of(record.source());
                if (folder.holds(source)) {
                    installedFeatures.add(source.getFileName().toString());
                }
            } catch (InvalidPathException e) {
                // not a file: the platform feature ("startup")
            }
        }
        return folder.entries().stream().map(e -> new DeployedPlugin(e.name(), e.identity().kind(),
                e.identity().symbolicName(), e.identity().featureId(), e.identity().version(),
                e.identity().kind().equals(PluginInspector.FEATURE)
                        ? (installedFeatures.contains(e.name()) ? "installed" : "not-installed")
                        : bundleStates.getOrDefault(e.name(), "not-installed"),
                e.sha256())).toList();
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "installed";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting";
            case Bundle.ACTIVE -> "active";
            case Bundle.STOPPING -> "stopping";
            default -> "not-installed";
        };
    }
}
