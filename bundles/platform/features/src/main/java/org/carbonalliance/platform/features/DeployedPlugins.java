package org.carbonalliance.platform.features;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The bundles FileInstall installed from deploy/ (their location is the file's URI). */
final class DeployedPlugins {

    private final BundleContext context;
    private final String deployDir;

    DeployedPlugins(BundleContext context) {
        this.context = context;
        String dir = context.getProperty("felix.fileinstall.dir");
        this.deployDir = dir == null ? null : Path.of(dir).toAbsolutePath().normalize().toString();
    }

    boolean fromDeploy(Bundle bundle) {
        return deployDir != null && bundle.getLocation().contains(deployDir);
    }

    /** @return the other installed bundles from deploy/ with the symbolic name of {@code bundle} */
    List<Bundle> otherVersions(Bundle bundle) {
        List<Bundle> others = new ArrayList<>();
        String name = bundle.getSymbolicName();
        if (name == null) {
            return others;
        }
        for (Bundle other : context.getBundles()) {
            if (other.getBundleId() != bundle.getBundleId() && name.equals(other.getSymbolicName())
                    && other.getState() != Bundle.UNINSTALLED && fromDeploy(other)) {
                others.add(other);
            }
        }
        return others;
    }

    /** @return the file in deploy/ that {@code bundle} was installed from */
    static Path file(Bundle bundle) {
        String location = bundle.getLocation();
        return Path.of(URI.create(location.substring(location.indexOf("file:"))));
    }
}
