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
        if (event.getType() == BundleEvent.INSTALLED) {
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

    /**
     * If {@code newer} is from deploy/, newer than another deployed version of it, and was dropped after it (a file
     * dropped later with a lower version is a roll-back attempt, left to the operator), moves that one's file away
     * and starts {@code newer} once the older is uninstalled; if {@code newer} then cannot start, its file goes to
     * replaced-plugins/ as {@code <file>.not-started} and the older file is put back, so the plugin keeps serving.
     */
    private void replaceOlder(Bundle newer) {
        if (replacedDir == null || newer.getState() == Bundle.UNINSTALLED || !deployed.fromDeploy(newer)) {
            return;
        }
        Path newerFile = deployed.file(newer);
        for (Bundle older : deployed.otherVersions(newer)) {
            Path file = deployed.file(older);
            if (older.getVersion().compareTo(newer.getVersion()) >= 0
                    || DeployDir.modified(newerFile) < DeployDir.modified(file)) {
                continue; // not an update: DeployFolderCheck reports it
            }
            Path kept = DeployDir.keptName(replacedDir, file.getFileName().toString());
            try {
                Files.createDirectories(replacedDir);
                Files.move(file, kept);
                LOG.info("Updating {} from {} to {}: {} is replaced by {} and kept as {}", newer.getSymbolicName(),
                        older.getVersion(), newer.getVersion(), file.getFileName(), newerFile.getFileName(), kept);
                awaitUninstalled(older);
                if (newer.getState() != Bundle.UNINSTALLED && newer.getState() != Bundle.ACTIVE) {
                    newer.start();
                }
            } catch (BundleException | IllegalStateException e) {
                LOG.error("Could not start {} {} from {}, so {} {} is put back and the new file is kept as {}: {}",
                        newer.getSymbolicName(), newer.getVersion(), newerFile.getFileName(), older.getSymbolicName(),
                        older.getVersion(), replacedDir.resolve(newerFile.getFileName() + ".not-started"),
                        e.getMessage());
                move(newerFile, replacedDir.resolve(newerFile.getFileName() + ".not-started"));
                move(kept, file);
            } catch (IOException e) {
                LOG.error("Could not update {} to {}: {}", newer.getSymbolicName(), newer.getVersion(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.error("Could not move {} to {}: {}", from, to, e.toString());
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
