package org.carbonalliance.platform.features.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.carbonalliance.platform.features.plugins.DeployFolder.Entry;
import org.carbonalliance.platform.features.plugins.PluginInspector.Content;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginActivation;
import org.carbonalliance.platform.features.plugins.PluginStaging.Staged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a reviewed upload into deploy/, once {@link PluginInstaller#activate} has checked it: the audit entry first,
 * then an older version of the same feature moved to data/replaced-plugins/, then the upload renamed into deploy/. A
 * failed rename puts the older feature back and is recorded as {@code platform.plugin-install-failed}.
 */
final class ActivationSteps {

    // The installer's logger, under which operators know these messages.
    private static final Logger LOG = LoggerFactory.getLogger(PluginInstaller.class);

    private final PluginAudit audit;
    private final Path replacedDir;

    /** @param replacedDir where an older version of a feature is moved out of deploy/ */
    ActivationSteps(PluginAudit audit, Path replacedDir) {
        this.audit = audit;
        this.replacedDir = replacedDir;
    }

    /**
     * @param replaced the deployed file of another version of the same plugin, or null
     * @param name     the upload's file name in deploy/
     */
    PluginActivation activate(DeployFolder folder, Staged staged, Content content, Entry replaced, String name)
            throws IOException {
        Map<String, Object> after = PluginAudit.facts(name, content);
        after.put("replaces", replaced == null ? null : replaced.name());
        // First the entry, then the change: nothing takes effect without one.
        audit.record("platform.plugin-installed", name, replaced == null ? null
                : PluginAudit.facts(replaced, List.of()), after);
        try {
            Path movedOut = null;
            if (replaced != null && content.kind().equals(PluginInspector.FEATURE)) {
                movedOut = folder.moveOut(replaced, replacedDir);
            }
            try {
                folder.moveIn(staged.file(), name);
            } catch (IOException | RuntimeException e) {
                if (movedOut != null) {
                    try {
                        Files.move(movedOut, replaced.file()); // the older feature stays deployed
                    } catch (IOException | RuntimeException undo) {
                        e.addSuppressed(undo);
                    }
                }
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            audit.failed("platform.plugin-install-failed", name, e);
            throw e;
        }
        LOG.info("Plugin {} {} activated: written to deploy/{} (SHA-256 {}){}", content.identity(),
                content.version(), name, content.sha256(), replaced == null ? "" : ", replacing " + replaced.name());
        return new PluginActivation(name, replaced == null ? null : DeployedVersions.replacement(replaced));
    }
}
