package org.carbonalliance.platform.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The bundles FileInstall installed from deploy/ (their location is the file's URI). */
final class DeployedPlugins {

    private final BundleContext context;
    private final DeployDir deployDir;

    DeployedPlugins(BundleContext context) {
        this.context = context;
        String dir = context.getProperty("felix.fileinstall.dir");
        this.deployDir = dir == null ? null : new DeployDir(Path.of(dir));
    }

    /** @return whether the bundle was installed from a file directly in deploy/ */
    boolean fromDeploy(Bundle bundle) {
        return file(bundle) != null;
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

    /** @return the file in deploy/ the bundle was installed from, or null when it was not installed from there */
    Path file(Bundle bundle) {
        return deployDir == null ? null : deployDir.fileOf(bundle.getLocation());
    }
}
