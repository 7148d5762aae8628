package org.carbonalliance.platform.features.plugins;

import java.io.IOException;
import java.util.List;
import org.carbonalliance.platform.features.plugins.DeployFolder.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a plugin file from deploy/, whereupon FileInstall uninstalls what it installed: the audit entry first (a
 * feature's with the bundles it lists), then the deletion; a failed deletion is recorded as
 * {@code platform.plugin-remove-failed}.
 */
final class RemovalSteps {

    // The installer's logger, under which operators know these messages.
    private static final Logger LOG = LoggerFactory.getLogger(PluginInstaller.class);

    private final PluginAudit audit;
    private final PluginInspector inspector;

    RemovalSteps(PluginAudit audit, PluginInspector inspector) {
        this.audit = audit;
        this.inspector = inspector;
    }

    void remove(DeployFolder folder, Entry entry) throws IOException {
        List<String> bundles = entry.identity().kind().equals(PluginInspector.FEATURE)
                ? inspector.featureBundles(entry.file()) : List.of();
        audit.record("platform.plugin-removed", entry.name(), PluginAudit.facts(entry, bundles), null);
        try {
            folder.delete(entry); // false when it was gone meanwhile: removed all the same
        } catch (IOException | RuntimeException e) {
            audit.failed("platform.plugin-remove-failed", entry.name(), e);
            throw e;
        }
        LOG.info("Plugin file deploy/{} removed (SHA-256 {})", entry.name(), entry.sha256());
    }
}
