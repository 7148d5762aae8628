package org.carbonalliance.platform.features.plugins;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * What {@code /api/platform/plugins} and the console's Alliance page show of plugins. OpenAPI names schemas by the
 * simple class name, so each name here is unique in the whole platform.
 */
public final class PluginRecords {

    private PluginRecords() {
    }

    /** A package a bundle imports: its name, the version range it accepts (null: any), whether it may be missing. */
    public record PluginImport(@JsonProperty("package") String packageName, String version, boolean optional) {
    }

    /** A package a bundle exports, with its version (null when the manifest names none). */
    public record PluginExport(@JsonProperty("package") String packageName, String version) {
    }

    /** The deployed file an activation replaces, and the version in it. */
    public record ReplacedPlugin(String file, String version) {
    }

    /**
     * A property of a configuration a feature creates: its name, and its value unless that is withheld.
     *
     * @param name   the property's name
     * @param value  its value as text; null when withheld (long, not a plain value, or it may be a secret)
     * @param hidden whether the value is withheld
     */
    public record PluginConfigProperty(String name, String value, boolean hidden) {
    }

    /**
     * A configuration a feature creates when its PID has none yet.
     *
     * @param pid        the PID as the feature names it ({@code factoryPid~name} for a factory configuration)
     * @param factoryPid the factory PID of a factory configuration, else null
     * @param properties its properties, by name
     */
    public record PluginConfiguration(String pid, String factoryPid, List<PluginConfigProperty> properties) {
    }

    /**
     * An upload awaiting review: what it is, read from the file before anything of it runs.
     *
     * @param id              the staged upload's id, for {@code /staged/{id}}
     * @param kind            {@code bundle} or {@code feature}
     * @param symbolicName    a bundle's Bundle-SymbolicName (null for a feature)
     * @param featureId       a feature's id, Maven coordinates (null for a bundle)
     * @param version         the bundle's or feature's version
     * @param name            Bundle-Name or the feature's name
     * @param description     Bundle-Description or the feature's description
     * @param imports         Import-Package (bundles)
     * @param exports         Export-Package (bundles)
     * @param requirements    Require-Capability, one {@code namespace filter} per entry (bundles)
     * @param services        the service interfaces it registers, from Provide-Capability and its components
     *                        (bundles)
     * @param fragmentHost    Fragment-Host: the plugin this fragment attaches to, or null (bundles)
     * @param requiredBundles Require-Bundle, one {@code name [versions] (optional)} per bundle (bundles)
     * @param dynamicImports  DynamicImport-Package, the packages (patterns) it may import at run time (bundles)
     * @param activator       Bundle-Activator, the class the framework runs when it starts, or null (bundles)
     * @param bundles         the bundles a feature installs, as Maven coordinates (features)
     * @param configurations  the configurations a feature creates where none exists (features)
     * @param sha256          SHA-256 of the file, hex; activation must name it
     * @param size            the file's size in bytes
     * @param replaces        the deployed file an activation would replace, or null; activation names it too
     * @param conflict        why activating would be refused (409), or null when it can be activated
     * @param expiresAt       when the upload is discarded unless activated
     */
    public record PluginUpload(String id, String kind, String symbolicName, String featureId, String version,
            String name, String description, List<PluginImport> imports, List<PluginExport> exports,
            List<String> requirements, List<String> services, String fragmentHost, List<String> requiredBundles,
            List<String> dynamicImports, String activator, List<String> bundles,
            List<PluginConfiguration> configurations, String sha256, long size, ReplacedPlugin replaces,
            String conflict, Instant expiresAt) {
    }

    /**
     * What activating an upload confirms: that it is the file reviewed, replacing what the review said.
     *
     * @param sha256   the SHA-256 the review showed, 64 lower-case hex digits
     * @param replaces the file in deploy/ the review said it replaces ({@code replaces.file}); null or absent when
     *                 the review said it replaces nothing
     */
    public record PluginActivationRequest(
            @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "the SHA-256 of the reviewed file: 64 lowercase"
                    + " hexadecimal digits") String sha256,
            @Size(max = 255) String replaces) {
    }

    /**
     * A plugin file in deploy/.
     *
     * @param file         its name in deploy/
     * @param kind         {@code bundle} or {@code feature}
     * @param symbolicName a bundle's symbolic name (null for a feature, or when the jar is no bundle)
     * @param featureId    a feature's id (null for a bundle, or when the file is no feature)
     * @param version      its version, when readable
     * @param state        the state of what was installed from it: installed, resolved, starting, active, stopping
     *                     (bundles), installed (features), or not-installed
     * @param sha256       SHA-256 of the file, hex
     */
    public record DeployedPlugin(String file, String kind, String symbolicName, String featureId, String version,
            String state, String sha256) {
    }

    /** An activated upload: the file it was written to in deploy/, and what it replaces (or null). */
    public record PluginActivation(String file, ReplacedPlugin replaces) {
    }
}
