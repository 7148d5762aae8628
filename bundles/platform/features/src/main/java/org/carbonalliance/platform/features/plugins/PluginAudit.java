package org.carbonalliance.platform.features.plugins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.features.plugins.DeployFolder.Entry;
import org.carbonalliance.platform.features.plugins.PluginInspector.Content;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginConfigProperty;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins' audit entries: what the audit log keeps of an upload, an activation or a deployed file, written as JSON,
 * and the entry that says a step audited before it was taken failed.
 */
final class PluginAudit {

    // The installer's logger, under which operators know these messages.
    private static final Logger LOG = LoggerFactory.getLogger(PluginInstaller.class);

    private final AuditLog audit;
    private final Function<Object, String> json;

    /** @param json writes an entry's state as JSON text */
    PluginAudit(AuditLog audit, Function<Object, String> json) {
        this.audit = audit;
        this.json = json;
    }

    /** Records an entry with no tenant; {@code before} and {@code after} are written as JSON unless null. */
    void record(String action, String target, Map<String, Object> before, Map<String, Object> after) {
        audit.record(action, null, target, before == null ? null : json.apply(before),
                after == null ? null : json.apply(after));
    }

    /** Records that a step audited before it was taken failed; a failure to record that is logged. */
    void failed(String action, String target, Exception cause) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("error", cause.getClass().getSimpleName() + ": " + cause.getMessage());
        try {
            audit.record(action, null, target, null, json.apply(after));
        } catch (RuntimeException e) {
            LOG.error("Could not record in the audit log that {} failed for {}", action, target, e);
            cause.addSuppressed(e);
        }
    }

    /**
     * What the audit log keeps of an upload or activation: a bundle's name, version and SHA-256 (and host, if a
     * fragment), a feature's id, SHA-256, the coordinates of its bundles and the PIDs and property names (no values)
     * of its configurations.
     */
    static Map<String, Object> facts(String file, Content content) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (file != null) {
            facts.put("file", file);
        }
        boolean bundle = content.kind().equals(PluginInspector.BUNDLE);
        facts.put("kind", content.kind());
        facts.put(bundle ? "symbolicName" : "featureId", bundle ? content.symbolicName() : content.featureId());
        facts.put("version", content.version());
        facts.put("sha256", content.sha256());
        facts.put("size", content.size());
        if (content.fragmentHost() != null) {
            facts.put("fragmentHost", content.fragmentHost());
        }
        if (!bundle) {
            facts.put("bundles", content.bundles());
            List<Map<String, Object>> configurations = new ArrayList<>();
            for (PluginConfiguration configuration : content.configurations()) {
                Map<String, Object> pid = new LinkedHashMap<>();
                pid.put("pid", configuration.pid());
                pid.put("properties", configuration.properties().stream().map(PluginConfigProperty::name).toList());
                configurations.add(pid);
            }
            facts.put("configurations", configurations);
        }
        return facts;
    }

    /** What the audit log keeps of a deployed file; a feature's with the bundles it lists. */
    static Map<String, Object> facts(Entry entry, List<String> bundles) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("file", entry.name());
        facts.put("kind", entry.identity().kind());
        facts.put("symbolicName", entry.identity().symbolicName());
        facts.put("featureId", entry.identity().featureId());
        facts.put("version", entry.identity().version());
        facts.put("sha256", entry.sha256());
        if (!bundles.isEmpty()) {
            facts.put("bundles", bundles);
        }
        return facts;
    }
}
