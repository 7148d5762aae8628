package org.carbonalliance.platform.features.plugins;

import static org.carbonalliance.platform.features.plugins.PluginInspector.BUNDLE;
import static org.carbonalliance.platform.features.plugins.PluginInspector.refuse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.carbonalliance.platform.features.plugins.BundleJar.Budget;
import org.carbonalliance.platform.features.plugins.ManifestHeader.Clause;
import org.carbonalliance.platform.features.plugins.PluginInspector.Content;
import org.carbonalliance.platform.features.plugins.PluginInspector.Identity;
import org.carbonalliance.platform.features.plugins.PluginInspector.Installed;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginExport;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginImport;
import org.osgi.framework.Version;

/**
 * Reviews a bundle jar's manifest: refuses a bundle that cannot be deployed or must not be (no manifest, no symbolic
 * name, a manifest version other than 2, a platform bundle's name, a fragment of the framework or of a platform
 * bundle), and lists what the review shows of the rest: imports, exports, requirements and the services it provides.
 */
final class BundleInspection {

    /** These keep the file names made of them ({@code <name>-<version>.jar}) under the usual 255-byte limit. */
    private static final int MAX_SYMBOLIC_NAME = 180;
    private static final int MAX_VERSION = 64;
    /** OSGi's symbolic-name: tokens separated by dots (which also makes it a safe file name). */
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private BundleInspection() {
    }

    static Content inspect(Path file, String sha256, long size, Installed installed) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > BundleJar.MAX_ENTRIES) {
                throw refuse("The jar has more than " + BundleJar.MAX_ENTRIES + " entries; plugins are smaller than "
                        + "that.");
            }
            Budget budget = new Budget();
            Attributes main = BundleJar.manifest(zip, budget).orElseThrow(() ->
                    refuse("Not an OSGi bundle: the jar has no META-INF/MANIFEST.MF."));
            String symbolicName = symbolicName(main);
            if (!"2".equals(strip(main.getValue("Bundle-ManifestVersion")))) {
                throw refuse("Not an OSGi bundle of today: its manifest must say Bundle-ManifestVersion: 2.");
            }
            if (PlatformNames.reservedName(symbolicName) || installed.platformBundle(symbolicName)) {
                throw refuse(symbolicName + " is the symbolic name of a platform bundle (names starting "
                        + PlatformNames.PLATFORM_NAMESPACE + ". are the platform's, but for "
                        + PlatformNames.EXAMPLES_NAMESPACE + "); a plugin cannot take its place. Give the plugin a "
                        + "name of its own.");
            }
            String version = version(main);
            String fragmentHost = fragmentHost(symbolicName, main, installed);

            List<PluginImport> imports = new ArrayList<>();
            for (Clause clause : ManifestHeader.parse(main.getValue("Import-Package"))) {
                String range = clause.attributes().getOrDefault("version",
                        clause.attributes().get("specification-version"));
                boolean optional = "optional".equals(clause.directives().get("resolution"));
                clause.paths().forEach(p -> imports.add(new PluginImport(p, range, optional)));
            }
            List<PluginExport> exports = new ArrayList<>();
            for (Clause clause : ManifestHeader.parse(main.getValue("Export-Package"))) {
                clause.paths().forEach(p -> exports.add(new PluginExport(p, clause.attributes().get("version"))));
            }
            List<String> requirements = new ArrayList<>();
            for (Clause clause : ManifestHeader.parse(main.getValue("Require-Capability"))) {
                String filter = clause.directives().get("filter");
                String optional = "optional".equals(clause.directives().get("resolution")) ? " (optional)" : "";
                clause.paths().forEach(ns -> requirements.add(ns + (filter == null ? "" : " " + filter) + optional));
            }
            List<String> requiredBundles = new ArrayList<>();
            for (Clause clause : ManifestHeader.parse(main.getValue("Require-Bundle"))) {
                String range = clause.attributes().get("bundle-version");
                String optional = "optional".equals(clause.directives().get("resolution")) ? " (optional)" : "";
                clause.paths().forEach(b -> requiredBundles.add(b + (range == null ? "" : " " + range) + optional));
            }
            List<String> dynamicImports = new ArrayList<>();
            for (Clause clause : ManifestHeader.parse(main.getValue("DynamicImport-Package"))) {
                dynamicImports.addAll(clause.paths());
            }
            Set<String> services = new LinkedHashSet<>();
            for (Clause clause : ManifestHeader.parse(main.getValue("Provide-Capability"))) {
                if (clause.paths().contains("osgi.service")) {
                    services.addAll(clause.values("objectClass"));
                }
            }
            ComponentServices.addProvided(zip, main.getValue("Service-Component"), budget, services);
            String activator = strip(main.getValue("Bundle-Activator"));
            return new Content(BUNDLE, symbolicName, null, symbolicName, version, strip(main.getValue("Bundle-Name")),
                    strip(main.getValue("Bundle-Description")), List.copyOf(imports), List.copyOf(exports),
                    List.copyOf(requirements), List.copyOf(services), fragmentHost, List.copyOf(requiredBundles),
                    List.copyOf(dynamicImports), activator == null || activator.isEmpty() ? null : activator,
                    List.of(), List.of(), sha256, size);
        } catch (ZipException e) {
            throw refuse("Not a jar (zip) file: " + e.getMessage() + ".");
        }
    }

    /** @return what a jar in deploy/ is, read leniently: nulls for what cannot be read */
    static Identity identify(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Attributes main = zip.size() > BundleJar.MAX_ENTRIES ? null
                    : BundleJar.manifest(zip, new Budget()).orElse(null);
            String symbolicName = main == null ? null : symbolicName(main);
            return new Identity(BUNDLE, symbolicName, null, symbolicName, main == null ? null : version(main));
        } catch (IOException | RuntimeException e) {
            return new Identity(BUNDLE, null, null, null, null);
        }
    }

    /**
     * A fragment becomes part of its host: of the framework (an extension) it would run with the framework's
     * permissions, of a platform bundle it would change that bundle. Only a plugin deployed from deploy/ may host one.
     *
     * @return the Fragment-Host as shown in the review ({@code host} or {@code host;bundle-version=range}), or null
     */
    private static String fragmentHost(String symbolicName, Attributes main, Installed installed) {
        String header = main.getValue("Fragment-Host");
        if (header == null) {
            return null;
        }
        List<Clause> clauses = ManifestHeader.parse(header);
        if (clauses.size() != 1 || clauses.get(0).paths().size() != 1) {
            throw refuse("The Fragment-Host header must name exactly one host bundle.");
        }
        Clause clause = clauses.get(0);
        String host = clause.paths().get(0);
        if (host.equals("system.bundle") || clause.directives().containsKey("extension")) {
            throw refuse(symbolicName + " is a fragment of the framework (Fragment-Host: " + host + "), an extension "
                    + "bundle; a plugin cannot extend the framework.");
        }
        if (PlatformNames.reservedName(host) || installed.platformBundle(host)) {
            throw refuse(symbolicName + " is a fragment of " + host + ", a platform bundle (Fragment-Host); a plugin "
                    + "can only be a fragment of a plugin deployed from deploy/.");
        }
        if (!installed.deployedBundle(host)) {
            throw refuse(symbolicName + " is a fragment of " + host + " (Fragment-Host), which is no plugin deployed "
                    + "from deploy/; deploy the host first.");
        }
        String range = clause.attributes().get("bundle-version");
        return range == null ? host : host + ";bundle-version=" + range;
    }

    private static String symbolicName(Attributes main) {
        List<Clause> clauses = ManifestHeader.parse(main.getValue("Bundle-SymbolicName"));
        if (clauses.isEmpty() || clauses.get(0).paths().isEmpty()) {
            throw refuse("Not an OSGi bundle: its manifest has no Bundle-SymbolicName.");
        }
        String name = clauses.get(0).paths().get(0);
        if (name.length() > MAX_SYMBOLIC_NAME || !SYMBOLIC_NAME.matcher(name).matches()) {
            throw refuse("The Bundle-SymbolicName is not a valid symbolic name (dot-separated letters, digits, '_' "
                    + "and '-', at most " + MAX_SYMBOLIC_NAME + " characters).");
        }
        return name;
    }

    private static String version(Attributes main) {
        String text = strip(main.getValue("Bundle-Version"));
        try {
            String version = text == null ? Version.emptyVersion.toString() : Version.parseVersion(text).toString();
            if (version.length() > MAX_VERSION) {
                throw refuse("The Bundle-Version is longer than " + MAX_VERSION + " characters.");
            }
            return version;
        } catch (IllegalArgumentException e) {
            throw refuse("The Bundle-Version is not an OSGi version (major.minor.micro.qualifier).");
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
