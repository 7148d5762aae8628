package org.carbonalliance.platform.features.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.JsonText;
import org.carbonalliance.platform.features.Features;
import org.carbonalliance.platform.features.plugins.DeployFolder.Entry;
import org.carbonalliance.platform.features.plugins.PluginInspector.Content;
import org.carbonalliance.platform.features.plugins.PluginRecords.DeployedPlugin;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginActivation;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginUpload;
import org.carbonalliance.platform.features.plugins.PluginStaging.Staged;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.feature.FeatureService;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Installs, updates and removes plugins by writing into and deleting from deploy/, where FileInstall (bundles) and
 * the FeatureDeployer (features) take over. An upload is staged and inspected first; nothing of it runs until an
 * operator activates it after seeing what it is, naming the SHA-256 the review showed and what it said the upload
 * replaces. Every step is audited with the file's SHA-256 (a feature's with its bundles and configuration PIDs), and
 * the entry is written before the step takes effect. Used by {@code /api/platform/plugins} and the console's Alliance
 * page alike.
 *
 * <p>The steps themselves are {@link ActivationSteps} and {@link RemovalSteps}; {@link DeployedVersions} says what an
 * upload replaces and what keeps it from being activated.
 */
@Component(service = PluginInstaller.class, configurationPid = PluginInstaller.PID)
@Designate(ocd = PluginsConfig.class)
public class PluginInstaller {

    static final String PID = "org.carbonalliance.plugins";
    /** What an activation must name: the reviewed SHA-256, as the review writes it. */
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final BundleContext context;
    private final PluginAudit audit;
    private final Features features;
    private final PluginInspector inspector;
    private final PluginStaging staging;
    private final DeployFolder deploy;
    /** Null, as {@link #deploy}, when hot deploy is off. */
    private final DeployedVersions versions;
    private final ActivationSteps activation;
    private final RemovalSteps removal;
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
        this.context = context;
        this.audit = new PluginAudit(audit, json);
        this.features = features;
        this.inspector = new PluginInspector(featureService);
        String data = context.getProperty("alliance.data");
        java.io.File bundleData = context.getDataFile("");
        Path dataDir = data != null ? Path.of(data) : bundleData != null ? bundleData.toPath() : Path.of("data");
        this.staging = new PluginStaging(dataDir.resolve("plugin-uploads"), Duration.ofMinutes(config.reviewMinutes()),
                Clock.systemUTC());
        // Where PluginUpdates keeps replaced bundles, so an operator finds every replaced plugin in one place.
        this.activation = new ActivationSteps(this.audit, dataDir.resolve("replaced-plugins"));
        this.removal = new RemovalSteps(this.audit, inspector);
        String dir = context.getProperty("felix.fileinstall.dir");
        this.deploy = dir == null ? null : new DeployFolder(Path.of(dir), inspector);
        this.versions = deploy == null ? null : new DeployedVersions(deploy, features);
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
        return DeployedListing.list(folder, context, features);
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
            audit.record("platform.plugin-uploaded", staged.id(), null, PluginAudit.facts(null, content));
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
        Optional<String> conflict = versions.conflict(content, entries);
        if (conflict.isPresent()) {
            throw new ApiException(409, "conflict", conflict.get());
        }
        Entry replaced = DeployedVersions.replaced(content, entries).orElse(null);
        String reviewed = replaces == null || replaces.isBlank() ? null : replaces;
        if (!Objects.equals(reviewed, replaced == null ? null : replaced.name())) {
            throw new ApiException(409, "conflict", "What the upload replaces changed since the review: the review "
                    + "said " + (reviewed == null ? "nothing" : reviewed) + ", now it is "
                    + (replaced == null ? "nothing" : replaced.name() + " (version " + replaced.identity().version()
                            + ")") + ". Review the upload again.");
        }
        return activation.activate(folder, staged, content, replaced, fileName(content));
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
            audit.record("platform.plugin-discarded", staged.id(), null, null);
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
        removal.remove(folder, entry);
    }

    /** The name in deploy/: made only of the validated symbolic name and version, or feature coordinates. */
    static String fileName(Content content) {
        return content.kind().equals(PluginInspector.BUNDLE)
                ? content.symbolicName() + "-" + content.version() + ".jar"
                : content.featureId().replace(':', '_') + ".json";
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
        return inspector.inspect(staged.file(), InstalledBundles.read(context, folder(), features));
    }

    private PluginUpload view(Staged staged, Content content) throws IOException {
        List<Entry> entries = folder().entries();
        return new PluginUpload(staged.id(), content.kind(), content.symbolicName(), content.featureId(),
                content.version(), content.name(), content.description(), content.imports(), content.exports(),
                content.requirements(), content.services(), content.fragmentHost(), content.requiredBundles(),
                content.dynamicImports(), content.activator(), content.bundles(), content.configurations(),
                content.sha256(), content.size(),
                DeployedVersions.replaced(content, entries).map(DeployedVersions::replacement).orElse(null),
                versions.conflict(content, entries).orElse(null), staged.expiresAt());
    }
}
