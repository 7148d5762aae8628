package org.carbonalliance.platform.features.plugins;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Call;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.features.plugins.PluginRecords.DeployedPlugin;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginActivation;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginActivationRequest;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginUpload;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/platform/plugins}: the operator installs, updates and removes plugin bundles and features. An upload is
 * staged and shown (name, version, imports, services, SHA-256, what it replaces) before anything of it runs;
 * activating it writes it into deploy/, where hot deploy takes over.
 */
@Component(service = RestResource.class)
public class PluginsResource implements RestResource {

    private static final Access OPERATOR = Access.anyRole(Roles.ALLIANCE_ADMIN);
    static final Set<String> UPLOAD_TYPES = Set.of("application/java-archive", "application/octet-stream",
            "application/json");

    private final PluginInstaller installer;

    @Activate
    public PluginsResource(@Reference PluginInstaller installer) {
        this.installer = installer;
    }

    @Override
    public String base() {
        return "/platform/plugins";
    }

    @Override
    public String tag() {
        return "platform";
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.get("").id("listPlugins")
                        .summary("The plugin files in deploy/ (bundles and features), with the state of what was "
                                + "installed from each and their SHA-256")
                        .access(OPERATOR).returnsList(200, DeployedPlugin.class)
                        .handle(call -> installer.deployed()),
                Operation.post("").id("uploadPlugin")
                        .summary("Upload a plugin bundle (jar) or feature (JSON) for review: it is staged for an hour "
                                + "and described (name, version, imports, services, fragment host, required bundles, "
                                + "dynamic imports, activator; a feature's bundles and configurations; SHA-256, what "
                                + "it replaces); nothing of it runs until it is activated")
                        .access(OPERATOR)
                        .upload("application/java-archive (a bundle), application/json (an OSGi Feature), or "
                                + "application/octet-stream", installer::maxUploadBytes)
                        .returns(201, PluginUpload.class)
                        .error(400, "the file is no deployable bundle or feature; a platform bundle's name; a "
                                + "fragment of the framework or of a bundle not deployed from deploy/; a feature that "
                                + "configures a platform PID or lists a platform bundle")
                        .error(409, "too many uploads await review")
                        .error(413, "the file is larger than the upload limit, or a feature larger than 1 MB")
                        .error(415, "the body is not one of the accepted types")
                        .handle(call -> {
                            checkType(call);
                            return installer.stage(call.upload());
                        }),
                Operation.get("/staged/{id}").id("getStagedPlugin")
                        .summary("An upload awaiting review, described again")
                        .access(OPERATOR).returns(200, PluginUpload.class)
                        .error(404, "no such upload, or it expired")
                        .handle(call -> installer.staged(call.path("id"))),
                Operation.post("/staged/{id}/activation").id("activatePlugin")
                        .summary("Activate an upload: it is written into deploy/ as <symbolicName>-<version>.jar (or "
                                + "the feature id .json), where hot deploy installs and starts it; an older version is "
                                + "replaced. The body names the SHA-256 the review showed and the file it said the "
                                + "upload replaces (replaces.file; omit or null when it replaces nothing)")
                        .access(OPERATOR).body(PluginActivationRequest.class).returns(202, PluginActivation.class)
                        .error(404, "no such upload, or it expired")
                        .error(409, "the file is not the one reviewed (another SHA-256), what it replaces changed "
                                + "since the review, that version (or a newer one of the bundle) is deployed already, "
                                + "or the file name is taken")
                        .handle(call -> {
                            PluginActivationRequest body = call.body(PluginActivationRequest.class);
                            return installer.activate(call.path("id"), body.sha256(), body.replaces());
                        }),
                Operation.delete("/staged/{id}").id("discardPlugin").summary("Discard an upload awaiting review")
                        .access(OPERATOR).returnsNothing(204).error(404, "no such upload, or it expired")
                        .handle(call -> {
                            installer.discard(call.path("id"));
                            return null;
                        }),
                Operation.delete("/deployed/{file}").id("removePlugin")
                        .summary("Remove a plugin file from deploy/: hot deploy uninstalls what it installed")
                        .access(OPERATOR).returnsNothing(204)
                        .error(404, "deploy/ has no plugin file of exactly that name")
                        .handle(call -> {
                            installer.remove(call.path("file"));
                            return null;
                        }));
    }

    /** The body's declared type, when it declares one, must be one the operation documents. */
    private static void checkType(Call call) {
        String type = call.header("Content-Type").map(t -> t.split(";")[0].strip().toLowerCase(Locale.ROOT))
                .orElse("application/octet-stream");
        if (!UPLOAD_TYPES.contains(type)) {
            throw new ApiException(415, "unsupported-media-type", "Send the plugin file as application/java-archive, "
                    + "application/json or application/octet-stream.");
        }
    }
}
