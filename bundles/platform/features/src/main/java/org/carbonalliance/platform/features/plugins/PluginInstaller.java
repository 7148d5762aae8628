package org.carbonalliance.platform.features.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.JsonText;
import org.carbonalliance.platform.features.FeatureRecord;
import org.carbonalliance.platform.features.Features;
import org.carbonalliance.platform.features.plugins.DeployFolder.Entry;
import org.carbonalliance.platform.features.plugins.PluginInspector.Content;
import org.carbonalliance.platform.features.plugins.PluginRecords.DeployedPlugin;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginActivation;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginUpload;
import org.carbonalliance.platform.features.plugins.PluginRecords.ReplacedPlugin;
import org.carbonalliance.platform.features.plugins.PluginStaging.Staged;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.feature.FeatureService;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, updates and removes plugins by writing into and deleting from deploy/, where FileInstall (bundles) and
 * the FeatureDeployer (features) take over. An upload is staged and inspected first; nothing of it runs until an
 * operator activates it after seeing what it is. Every step is audited with the file's SHA-256. Used by
 * {@code /api/platform/plugins} and the console's Alliance page alike.
 */
@Component(service = PluginInstaller.class, configurationPid = PluginInstaller.PID)
@Designate(ocd = PluginsConfig.class)
public class PluginInstaller {

    static final String PID = "org.carbonalliance.plugins";
    private static final Logger LOG = LoggerFactory.getLogger(PluginInstaller.class);

    private final BundleContext context;
    private final AuditLog audit;
    private final Features features;
    private final PluginInspector inspector;
    private final PluginStaging staging;
    private final DeployFolder deploy;
    private final Path replacedDir;
    private volatile long maxUploadBytes;
    private volatile int reviewMinutes;

    @Activate
    public PluginInstaller(BundleContext context, @Reference AuditLog audit, @Reference FeatureService featureService,
            @Reference Features features, PluginsConfig config) {
        this.context = context;
        this.audit = audit;
        this.features = features;
        this.inspector = new PluginInspector(featureService);
        String data = context.getProperty("alliance.data");
        java.io.File bundleData = context.getDataFile("");
        Path dataDir = data != null ? Path.of(data) : bundleData != null ? bundleData.toPath() : Path.of("data");
        this.staging = new PluginStaging(dataDir.resolve("plugin-uploads"), Duration.ofMinutes(config.reviewMinutes()),
                Clock.systemUTC());
        // Where PluginUpdates keeps replaced bundles, so an operator finds every replaced plugin in one place.
        this.replacedDir = dataDir.resolve("replaced-plugins");
        String dir = context.getProperty("felix.fileinstall.dir");
        this.deploy = dir == null ? null : new DeployFolder(Path.of(dir), inspector);
        configure(config);
    }

    @Modified
    void configure(PluginsConfig config) {
        this.maxUploadBytes = config.maxUploadBytes();
        this.reviewMinutes = config.reviewMinutes();
        staging.ttl(Duration.ofMinutes(config.reviewMinutes()));
    }

    /** @return the size limit of an upload, in bytes */
    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /** @return the plugin files in deploy/ with the state of what was installed from each */
    public List<DeployedPlugin> deployed() throws IOException {
        DeployFolder folder = folder();
        staging.clean();
        Map<String, String> bundleStates = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            String file = folder.fileOf(bundle.getLocation());
            if (file != null) {
                bundleStates.put(file, state(bundle));
            }
        }
        Set<String> installedFeatures = new HashSet<>();
        for (FeatureRecord record : features.installed()) {
            try {
                Path source = Path.of(record.source());
                if (folder.holds(source)) {
                    installedFeatures.add(source.getFileName().toString());
                }
            } catch (InvalidPathException e) {
                // not a file: the platform feature ("startup")
            }
        }
        return folder.entries().stream().map(e -> new DeployedPlugin(e.name(), e.identity().kind(),
                e.identity().symbolicName(), e.identity().featureId(), e.identity().version(),
                e.identity().kind().equals(PluginInspector.FEATURE)
                        ? (installedFeatures.contains(e.name()) ? "installed" : "not-installed")
                        : bundleStates.getOrDefault(e.name(), "not-installed"),
                e.sha256())).toList();
    }

    /**
     * Stages an upload for review and says what it is; nothing of it runs.
     *
     * @throws ApiException 400 when it is no deployable bundle or feature, 413 when too large, 409 when too many
     *                      uploads await review
     */
    public PluginUpload stage(InputStream upload) throws IOException {
        folder();
        Staged staged = staging.store(upload, maxUploadBytes);
        try {
            Content content = inspect(staged);
            PluginUpload view = view(staged, content);
            audit.record("platform.plugin-uploaded", null, staged.id(), null, JsonText.write(facts(null, content)));
            return view;
        } catch (IOException | RuntimeException e) {
            staging.discard(staged); // nothing is kept that was refused or not audited
            throw e;
        }
    }

    /** @return what a staged upload is, read again from its file; 404 when there is none with that id */
    public PluginUpload staged(String id) throws IOException {
        folder();
        Staged staged = find(id);
        return view(staged, inspect(staged));
    }

    /**
     * Writes a staged upload into deploy/ as {@code <symbolicName>-<version>.jar} or {@code <feature id>.json}, in
     * one rename; FileInstall installs it on its next scan. An older version of the same bundle is moved out by
     * PluginUpdates once the new one is installed; an older version of the same feature is moved to
     * data/replaced-plugins/ here first, so the two are never installed together (FileInstall handles removed files
     * before new ones, also within one scan).
     *
     * @throws ApiException 404 for no such upload, 400 when it is no longer deployable, 409 when that version (or a
     *                      newer one of a bundle) is deployed already, or its file name is taken
     */
    public synchronized PluginActivation activate(String id) throws IOException {
        DeployFolder folder = folder();
        Staged staged = find(id);
        Content content = inspect(staged);
        List<Entry> entries = folder.entries();
        Optional<String> conflict = conflict(content, entries);
        if (conflict.isPresent()) {
            throw new ApiException(409, "conflict", conflict.get());
        }
        Entry replaced = replaced(content, entries).orElse(null);
        String name = fileName(content);
        Path movedOut = null;
        if (replaced != null && content.kind().equals(PluginInspector.FEATURE)) {
            movedOut = folder.moveOut(replaced, replacedDir);
        }
        try {
            folder.moveIn(staged.file(), name);
        } catch (IOException | RuntimeException e) {
            if (movedOut != null) {
                Files.move(movedOut, replaced.file()); // the older feature stays deployed
            }
            throw e;
        }
        Map<String, Object> after = facts(name, content);
        after.put("replaces", replaced == null ? null : replaced.name());
        audit.record("platform.plugin-installed", null, name, replaced == null ? null
                : JsonText.write(facts(replaced)), JsonText.write(after));
        LOG.info("Plugin {} {} activated: written to deploy/{} (SHA-256 {}){}", content.identity(),
                content.version(), name, content.sha256(), replaced == null ? "" : ", replacing " + replaced.name());
        return new PluginActivation(name, replaced == null ? null : replacement(replaced));
    }

    /** Deletes a staged upload; 404 when there is none with that id. */
    public synchronized void discard(String id) throws IOException {
        Staged staged = find(id);
        if (staging.discard(staged)) {
            audit.record("platform.plugin-discarded", null, staged.id(), null, null);
        }
    }

    /**
     * Deletes the plugin file named exactly {@code file} from deploy/; FileInstall then uninstalls what it installed.
     *
     * @throws ApiException 404 unless {@code file} is one of the names {@link #deployed()} lists
     */
    public synchronized void remove(String file) throws IOException {
        DeployFolder folder = folder();
        Entry entry = folder.find(file).orElseThrow(() -> ApiException.notFound("deploy/ has no plugin file of that "
                + "name; GET /api/platform/plugins lists them."));
        if (folder.delete(entry)) {
            audit.record("platform.plugin-removed", null, entry.name(), JsonText.write(facts(entry)), null);
            LOG.info("Plugin file deploy/{} removed (SHA-256 {})", entry.name(), entry.sha256());
        }
    }

    private DeployFolder folder() {
        if (deploy == null) {
            throw new ApiException(503, "unavailable", "Hot deploy is off: the framework property "
                    + "felix.fileinstall.dir names no folder.");
        }
        return deploy;
    }

    private Staged find(String id) throws IOException {
        return staging.find(id).orElseThrow(() -> ApiException.notFound("No upload with that id awaits review; "
                + "uploads are discarded " + reviewMinutes + " minutes after they arrive."));
    }

    private Content inspect(Staged staged) throws IOException {
        return inspector.inspect(staged.file(), this::platformBundle);
    }

    /** A platform bundle: any not installed from deploy/ (so a plugin cannot shadow or replace it). */
    private boolean platformBundle(String symbolicName) {
        if (symbolicName.equals("system.bundle")) {
            return true;
        }
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && deploy.fileOf(bundle.getLocation()) == null) {
                return true;
            }
        }
        return false;
    }

    private PluginUpload view(Staged staged, Content content) throws IOException {
        List<Entry> entries = folder().entries();
        return new PluginUpload(staged.id(), content.kind(), content.symbolicName(), content.featureId(),
                content.version(), content.name(), content.description(), content.imports(), content.exports(),
                content.requirements(), content.services(), content.bundles(), content.sha256(), content.size(),
                replaced(content, entries).map(PluginInstaller::replacement).orElse(null),
                conflict(content, entries).orElse(null), staged.expiresAt());
    }

    /** @return why activating {@code content} must be refused, if it must */
    private Optional<String> conflict(Content content, List<Entry> entries) {
        String name = fileName(content);
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
        if (!bundle && features.installed().stream().anyMatch(r -> r.id().equals(content.featureId()))) {
            return Optional.of("Feature " + content.featureId() + " is installed already.");
        }
        return Optional.empty();
    }

    /** @return the deployed file of another version of the same plugin (the newest, should there be several) */
    private static Optional<Entry> replaced(Content content, List<Entry> entries) {
        return entries.stream()
                .filter(e -> samePlugin(content, e) && !content.version().equals(e.identity().version()))
                .max(Comparator.comparing(e -> e.identity().version(), PluginInstaller::compare));
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

    /** The name in deploy/: made only of the validated symbolic name and version, or feature coordinates. */
    static String fileName(Content content) {
        return content.kind().equals(PluginInspector.BUNDLE)
                ? content.symbolicName() + "-" + content.version() + ".jar"
                : content.featureId().replace(':', '_') + ".json";
    }

    private static String label(Content content) {
        return content.kind().equals(PluginInspector.BUNDLE) ? content.symbolicName() : "Feature " + content.identity();
    }

    private static ReplacedPlugin replacement(Entry entry) {
        return new ReplacedPlugin(entry.name(), entry.identity().version());
    }

    /** What the audit log keeps of an upload or activation. */
    private static Map<String, Object> facts(String file, Content content) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (file != null) {
            facts.put("file", file);
        }
        facts.put("kind", content.kind());
        facts.put(content.kind().equals(PluginInspector.BUNDLE) ? "symbolicName" : "featureId",
                content.kind().equals(PluginInspector.BUNDLE) ? content.symbolicName() : content.featureId());
        facts.put("version", content.version());
        facts.put("sha256", content.sha256());
        facts.put("size", content.size());
        return facts;
    }

    /** What the audit log keeps of a deployed file. */
    private static Map<String, Object> facts(Entry entry) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("file", entry.name());
        facts.put("kind", entry.identity().kind());
        facts.put("symbolicName", entry.identity().symbolicName());
        facts.put("featureId", entry.identity().featureId());
        facts.put("version", entry.identity().version());
        facts.put("sha256", entry.sha256());
        return facts;
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "installed";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting";
            case Bundle.ACTIVE -> "active";
            case Bundle.STOPPING -> "stopping";
            default -> "not-installed";
        };
    }
}
