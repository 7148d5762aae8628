package org.carbonalliance.platform.features.plugins;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.carbonalliance.platform.features.Features;
import org.carbonalliance.platform.features.plugins.DeployFolder.Entry;
import org.carbonalliance.platform.features.plugins.PluginInspector.Content;
import org.carbonalliance.platform.features.plugins.PluginRecords.ReplacedPlugin;
import org.osgi.framework.Version;

/**
 * An upload next to the versions of the same plugin deploy/ holds: which one it replaces, and what keeps it from being
 * activated (that version deployed already, a newer bundle deployed, its file name taken, the feature installed).
 */
final class DeployedVersions {

    private final DeployFolder folder;
    private final Features features;

    DeployedVersions(DeployFolder folder, Features features) {
        this.folder = folder;
        this.features = features;
    }

    /** @return why activating {@code content} must be refused, if it must */
    Optional<String> conflict(Content content, List<Entry> entries) {
        String name = PluginInstaller.fileName(content);
        boolean bundle = content.kind().equals(PluginInspector.BUNDLE);
        for (Entry entry : entries) {
            String deployed = entry.identity().version();
            if (samePlugin(content, entry) && content.version().equals(deployed)) {
                return Optional.of(label(content) + " " + content.version() + " is deployed already, from "
                        + entry.name() + ".");
            }
            if (bundle && samePlugin(content, entry) && compare(deployed, content.version()) > 0) {
                // PluginUpdates only ever replaces an older version: this one would lie there unstarted.
                return Optional.of("A newer version of " + label(content) + " (" + deployed + ") is deployed, from "
                        + entry.name() + "; remove it first to go back to " + content.version() + ".");
            }
            if (entry.name().equals(name)) {
                return Optional.of("deploy/ has a file named " + name + " already; remove it first.");
            }
        }
        if (folder.taken(name)) { // not listed: a symbolic link, say, which the rename would replace
            return Optional.of("deploy/ has something named " + name + " already; remove it first.");
        }
        if (!bundle && features.installed().stream().anyMatch(r -> r.id().equals(content.featureId()))) {
            return Optional.of("Feature " + content.featureId() + " is installed already.");
        }
        return Optional.empty();
    }

    /** @return the deployed file of another version of the same plugin (the newest, should there be several) */
    static Optional<Entry> replaced(Content content, List<Entry> entries) {
        return entries.stream()
                .filter(e -> samePlugin(content, e) && !content.version().equals(e.identity().version()))
                .max(Comparator.comparing(e -> e.identity().version(), DeployedVersions::compare));
    }

    static ReplacedPlugin replacement(Entry entry) {
        return new ReplacedPlugin(entry.name(), entry.identity().version());
    }

    private static boolean samePlugin(Content content, Entry entry) {
        return content.kind().equals(entry.identity().kind()) && content.identity().equals(entry.identity().identity());
    }

    /** OSGi version order where both are OSGi versions (bundles), else text order (Maven versions of features). */
    private static int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        try {
            return Version.parseVersion(a).compareTo(Version.parseVersion(b));
        } catch (IllegalArgumentException e) {
            return a.compareTo(b);
        }
    }

    private static String label(Content content) {
        return content.kind().equals(PluginInspector.BUNDLE) ? content.symbolicName() : "Feature " + content.identity();
    }
}
