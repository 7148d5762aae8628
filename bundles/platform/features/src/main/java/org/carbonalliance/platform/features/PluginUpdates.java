package org.carbonalliance.platform.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A newer version of a plugin dropped into deploy/ under another file name replaces the deployed one in place: the
 * older file is moved to {@code data/replaced-plugins/} (kept for a roll-back), FileInstall uninstalls its bundle, and
 * the newer bundle starts. Until then {@link OnePluginVersion} keeps the newer one from resolving, so two versions
 * never serve side by side. A version that is not newer than the deployed one is left unstarted and named in the
 * {@code deploy} health check.
 */
@Component
public class PluginUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(PluginUpdates.class);
    private static final long UNINSTALL_WAIT_MS = 30_000;

    private final BundleContext context;
    private final DeployedPlugins deployed;
    private final Path replacedDir;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "alliance-plugin-updates");
        thread.setDaemon(true);
        return thread;
    });
    private final SynchronousBundleListener listener = event -> {
        if (event.getType() == BundleEvent.INSTALLED || event.getType() == BundleEvent.UPDATED) {
            Bundle bundle = event.getBundle();
            worker.execute(() -> replaceOlder(bundle));
        }
    };

    @Activate
    public PluginUpdates(BundleContext context) {
        this.context = context;
        this.deployed = new DeployedPlugins(context);
        String data = context.getProperty("alliance.data");
        this.replacedDir = data == null ? null : Path.of(data, "replaced-plugins");
        context.addBundleListener(listener);
        // Both files may have been dropped while the server was down.
        for (Bundle bundle : context.getBundles()) {
            worker.execute(() -> replaceOlder(bundle));
        }
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(listener);
        worker.shutdownNow();
    }

    /** If {@code newer} is from deploy/ and newer than another deployed version of it, moves that one's file away. */
    private void replaceOlder(Bundle newer) {
        if (replacedDir == null || newer.getState() == Bundle.UNINSTALLED || !deployed.fromDeploy(newer)) {
            return;
        }
        for (Bundle older : deployed.otherVersions(newer)) {
            if (older.getVersion().compareTo(newer.getVersion()) >= 0) {
                continue; // not an update: DeployFolderCheck reports it
            }
            Path file = DeployedPlugins.file(older);
            try {
                Files.createDirectories(replacedDir);
                Path kept = replacedDir.resolve(file.getFileName());
                Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
                LOG.info("Updating {} from {} to {}: {} is replaced by {} and kept as {}", newer.getSymbolicName(),
                        older.getVersion(), newer.getVersion(), file.getFileName(), DeployedPlugins.file(newer).getFileName(),
                        kept);
                awaitUninstalled(older);
                if (newer.getState() != Bundle.UNINSTALLED && newer.getState() != Bundle.ACTIVE) {
                    newer.start();
                }
            } catch (IOException | BundleException | IllegalStateException e) {
                LOG.error("Could not update {} to {} from {}: {}", newer.getSymbolicName(), newer.getVersion(),
                        DeployedPlugins.file(newer).getFileName(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** FileInstall notices the moved file on its next scan (a quarter second by default). */
    private static void awaitUninstalled(Bundle older) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(UNINSTALL_WAIT_MS);
        while (older.getState() != Bundle.UNINSTALLED && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (older.getState() != Bundle.UNINSTALLED) {
            LOG.warn("{} {} was not uninstalled within {} s after its file was moved", older.getSymbolicName(),
                    older.getVersion(), UNINSTALL_WAIT_MS / 1000);
        }
    }
}
