package org.carbonalliance.platform.features.plugins;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.carbonalliance.platform.features.FeatureRecord;
import org.carbonalliance.platform.features.Features;
import org.carbonalliance.platform.features.plugins.DeployFolder.Entry;
import org.carbonalliance.platform.features.plugins.PluginInspector.Installed;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * What the checks need to know of the framework, read now. A platform bundle, for symbolic names and fragment
 * hosts, is any not installed from a file in deploy/, so that a plugin can neither shadow nor replace nor attach
 * to it. A PID is the platform's when it is named after a bundle the platform installed (the platform feature's,
 * the framework, or any installed by hand), not one a plugin or example feature brought.
 */
final class InstalledBundles implements Installed {

    /** The source FeatureManager records for the platform feature, which the launcher installed. */
    private static final String STARTUP = "startup";

    private final DeployFolder folder;
    private final Bundle[] bundles;
    private final List<Entry> entries;
    /** Locations of the bundles the platform feature installed, and of those any other feature did. */
    private final Set<String> startup = new HashSet<>();
    private final Set<String> fromFeatures = new HashSet<>();

    private InstalledBundles(DeployFolder folder, Bundle[] bundles, List<Entry> entries) {
        this.folder = folder;
        this.bundles = bundles;
        this.entries = entries;
    }

    static InstalledBundles read(BundleContext context, DeployFolder folder, Features features) throws IOException {
        InstalledBundles installed = new InstalledBundles(folder, context.getBundles(), folder.entries());
        for (FeatureRecord record : features.installed()) {
            (STARTUP.equals(record.source()) ? installed.startup : installed.fromFeatures).addAll(record.bundles());
        }
        return installed;
    }

    @Override
    public boolean platformBundle(String symbolicName) {
        if (symbolicName.equals(Constants.SYSTEM_BUNDLE_SYMBOLICNAME)) {
            return true;
        }
        for (Bundle bundle : bundles) {
            if (symbolicName.equals(bundle.getSymbolicName()) && folder.fileOf(bundle.getLocation()) == null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean deployedBundle(String symbolicName) {
        for (Bundle bundle : bundles) {
            if (symbolicName.equals(bundle.getSymbolicName()) && folder.fileOf(bundle.getLocation()) != null) {
                return true;
            }
        }
        return entries.stream().anyMatch(e -> e.identity().kind().equals(PluginInspector.BUNDLE)
                && symbolicName.equals(e.identity().symbolicName()));
    }

    @Override
    public String pidOwner(String pid) {
        for (Bundle bundle : bundles) {
            String name = bundle.getSymbolicName();
            String location = bundle.getLocation();
            boolean platform = bundle.getBundleId() == 0 || (folder.fileOf(location) == null
                    && (startup.contains(location) || !fromFeatures.contains(location)));
            if (platform && name != null && (pid.equals(name) || pid.startsWith(name + "."))) {
                return name;
            }
        }
        return null;
    }
}
