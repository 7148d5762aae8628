package org.carbonalliance.platform.features.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.JsonText;
import org.carbonalliance.platform.features.FeatureRecord;
import org.carbonalliance.platform.features.Features;
import org.carbonalliance.platform.features.plugins.DeployFolder.Entry;
import org.carbonalliance.platform.features.plugins.PluginInspector.Content;
import org.carbonalliance.platform.features.plugins.PluginInspector.Installed;
import org.carbonalliance.platform.features.plugins.PluginRecords.DeployedPlugin;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginActivation;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginConfigProperty;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginConfiguration;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginUpload;
import org.carbonalliance.platform.features.plugins.PluginRecords.ReplacedPlugin;
import org.carbonalliance.platform.features.plugins.PluginStaging.Staged;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
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
 * operator activates it after seeing what it is, naming the SHA-256 the review showed and what it said the upload
 * replaces. Every step is audited with the file's SHA-256 (a feature's with its bundles and configuration PIDs), and
 * the entry is written before the step takes effect. Used by {@code /api/platform/plugins} and the console's Alliance
 * page alike.
 */
@Component(service = PluginInstaller.class, configurationPid = PluginInstaller.PID)
@Designate(ocd = PluginsConfig.class)
public class PluginInstaller {

    static final String PID = "org.carbonalliance.plugins";
    /** What an activation must name: the reviewed SHA-256, as the review writes it. */
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** The source FeatureManager records for the platform feature, which the launcher installed. */
    private static final String STARTUP = "startup";
    private static final Logger LOG = LoggerFactory.getLogger(PluginInstaller.class);

    private final BundleContext context;
    private final AuditLog audit;
    private final Function<Object, String> json;
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
        this(context, audit, featureService, features, config, JsonText::write);
    }

    /** @param json writes an audit entry's state as JSON text (the platform's {@link JsonText}, but in tests) */
    PluginInstaller(BundleContext context, AuditLog audit, FeatureService featureService, Features features,
            PluginsConfig config, Function<Object, String> json) {
        this.json = json;
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
            audit.record("platform.plugin-uploaded", null, staged.id(), null, json.apply(facts(null, content)));
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
     * before new ones, also within one scan). The audit entry is written first: should writing it fail, nothing is
     * changed; should the rename fail after it, a {@code platform.plugin-install-failed} entry follows.
     *
     * @param sha256   the SHA-256 the review showed; the staged file must still have it
     * @param replaces the file the review said the upload replaces, or null for none; it must still be so
     * @throws ApiException 400 for a malformed {@code sha256}, 404 for no such upload, 400 when it is no longer
     *                      deployable, 409 when it is not the file reviewed, when what it replaces changed since the
     *                      review, when that version (or a newer one of a bundle) is deployed already, or its file name
     *                      is taken
     */
    public synchronized PluginActivation activate(String id, String sha256, String replaces) throws IOException {
        requireSha256(sha256);
        DeployFolder folder = folder();
        Staged staged = find(id);
        Content content = inspect(staged);
        if (!content.sha256().equals(sha256)) {
            throw new ApiException(409, "conflict", "The file is not the one reviewed: its SHA-256 is "
                    + content.sha256() + ", the activation names " + sha256 + ". Review the upload again.");
        }
        List<Entry> entries = folder.entries();
        Optional<String> conflict = conflict(content, entries);
        if (conflict.isPresent()) {
            throw new ApiException(409, "conflict", conflict.get());
        }
        Entry replaced = replaced(content, entries).orElse(null);
        String reviewed = replaces == null || replaces.isBlank() ? null : replaces;
        if (!Objects.equals(reviewed, replaced == null ? null : replaced.name())) {
            throw new ApiException(409, "conflict", "What the upload replaces changed since the review: the review "
                    + "said " + (reviewed == null ? "nothing" : reviewed) + ", now it is "
                    + (replaced == null ? "nothing" : replaced.name() + " (version " + replaced.identity().version()
                            + ")") + ". Review the upload again.");
        }
        String name = fileName(content);
        Map<String, Object> after = facts(name, content);
        after.put("replaces", replaced == null ? null : replaced.name());
        // First the entry, then the change: nothing takes effect without one.
        audit.record("platform.plugin-installed", null, name, replaced == null ? null
                : json.apply(facts(replaced, List.of())), json.apply(after));
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
            failed("platform.plugin-install-failed", name, e);
            throw e;
        }
        LOG.info("Plugin {} {} activated: written to deploy/{} (SHA-256 {}){}", content.identity(),
                content.version(), name, content.sha256(), replaced == null ? "" : ", replacing " + replaced.name());
        return new PluginActivation(name, replaced == null ? null : replacement(replaced));
    }

    /**
     * @throws ApiException 400, in the form the platform answers an invalid field, unless {@code sha256} is 64
     *                      lower-case hex digits
     */
    static void requireSha256(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            String problem = "sha256: " + (sha256 == null ? "must not be null" : "must match \"[0-9a-f]{64}\"")
                    + " (the SHA-256 the review shows)";
            throw ApiException.badRequest("A field is invalid: " + problem + ".", List.of(problem));
        }
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
     * The audit entry is written first; should the deletion fail after it, a {@code platform.plugin-remove-failed}
     * entry follows.
     *
     * @throws ApiException 404 unless {@code file} is one of the names {@link #deployed()} lists
     */
    public synchronized void remove(String file) throws IOException {
        DeployFolder folder = folder();
        Entry entry = folder.find(file).orElseThrow(() -> ApiException.notFound("deploy/ has no plugin file of that "
                + "name; GET /api/platform/plugins lists them."));
        List<String> bundles = entry.identity().kind().equals(PluginInspector.FEATURE)
                ? inspector.featureBundles(entry.file()) : List.of();
        audit.record("platform.plugin-removed", null, entry.name(), json.apply(facts(entry, bundles)), null);
        try {
            folder.delete(entry); // false when it was gone meanwhile: removed all the same
        } catch (IOException | RuntimeException e) {
            failed("platform.plugin-remove-failed", entry.name(), e);
            throw e;
        }
        LOG.info("Plugin file deploy/{} removed (SHA-256 {})", entry.name(), entry.sha256());
    }

    /** Records that a step audited before it was taken failed; a failure to record that is logged. */
    private void failed(String action, String target, Exception cause) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("error", cause.getClass().getSimpleName() + ": " + cause.getMessage());
        try {
            audit.record(action, null, target, null, json.apply(after));
        } catch (RuntimeException e) {
            LOG.error("Could not record in the audit log that {} failed for {}", action, target, e);
            cause.addSuppressed(e);
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
        return inspector.inspect(staged.file(), installed());
    }

    /**
     * What the checks need to know of the framework, read now. A platform bundle, for symbolic names and fragment
     * hosts, is any not installed from a file in deploy/, so that a plugin can neither shadow nor replace nor attach
     * to it. A PID is the platform's when it is named after a bundle the platform installed (the platform feature's,
     * the framework, or any installed by hand), not one a plugin or example feature brought.
     */
    private Installed installed() throws IOException {
        DeployFolder folder = folder();
        Bundle[] bundles = context.getBundles();
        List<Entry> entries = folder.entries();
        Set<String> startup = new HashSet<>();
        Set<String> fromFeatures = new HashSet<>();
        for (FeatureRecord record : features.installed()) {
            (STARTUP.equals(record.source()) ? startup : fromFeatures).addAll(record.bundles());
        }
        return new Installed() {
            @Override
            public boolean platformBundle(String symbolicName) {
                if (symbolicName.equals(Constants.SYSTEM_BUNDLE_SYMBOLICNAME)) {
                    return true;
                }
                for (Bundle bundle : bundles) {
                    if (symbolicName.equals(bundle.getSymbolicName()) && folder.fileOf(bundle.getLocation()) == null) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public boolean deployedBundle(String symbolicName) {
                for (Bundle bundle : bundles) {
                    if (symbolicName.equals(bundle.getSymbolicName()) && folder.fileOf(bundle.getLocation()) != null) {
                        return true;
                    }
                }
                return entries.stream().anyMatch(e -> e.identity().kind().equals(PluginInspector.BUNDLE)
                        && symbolicName.equals(e.identity().symbolicName()));
            }

            @Override
            public String pidOwner(String pid) {
                for (Bundle bundle : bundles) {
                    String name = bundle.getSymbolicName();
                    String location = bundle.getLocation();
                    boolean platform = bundle.getBundleId() == 0 || (folder.fileOf(location) == null
                            && (startup.contains(location) || !fromFeatures.contains(location)));
                    if (platform && name != null && (pid.equals(name) || pid.startsWith(name + "."))) {
                        return name;
                    }
                }
                return null;
            }
        };
    }

    private PluginUpload view(Staged staged, Content content) throws IOException {
        List<Entry> entries = folder().entries();
        return new PluginUpload(staged.id(), content.kind(), content.symbolicName(), content.featureId(),
                content.version(), content.name(), content.description(), content.imports(), content.exports(),
                content.requirements(), content.services(), content.fragmentHost(), content.requiredBundles(),
                content.dynamicImports(), content.activator(), content.bundles(), content.configurations(),
                content.sha256(), content.size(),
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
        if (folder().taken(name)) { // not listed: a symbolic link, say, which the rename would replace
            return Optional.of("deploy/ has something named " + name + " already; remove it first.");
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
    private static Map<String, Object> facts(Entry entry, List<String> bundles) {
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
