package org.carbonalliance.platform.features;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The bundles FileInstall installed from deploy/ (their location is the file's URI). */
final class DeployedPlugins {

    private final BundleContext context;
    private final Path deployDir;

    DeployedPlugins(BundleContext context) {
        this.context = context;
        String dir = context.getProperty("felix.fileinstall.dir");
        this.deployDir = dir == null ? null : real(Path.of(dir));
    }

    /** @return whether the bundle was installed from a file directly in deploy/ */
    boolean fromDeploy(Bundle bundle) {
        Path file = file(bundle);
        return deployDir != null && file != null && file.getParent() != null
                && deployDir.equals(real(file.getParent()));
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

    /** @return the file a bundle was installed from (its location is a file URI, spaces encoded), or null */
    static Path file(Bundle bundle) {
        String location = bundle.getLocation();
        int at = location == null ? -1 : location.indexOf("file:");
        if (at < 0) {
            return null;
        }
        try {
            return Path.of(URI.create(location.substring(at)));
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
    }

    /** @return the folder with symbolic links resolved (deploy/ may be a link), or as given when it is gone */
    private static Path real(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }
}
