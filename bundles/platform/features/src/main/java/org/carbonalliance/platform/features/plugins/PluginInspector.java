package org.carbonalliance.platform.features.plugins;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.features.plugins.ManifestHeader.Clause;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginConfigProperty;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginConfiguration;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginExport;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginImport;
import org.osgi.framework.Version;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureConfiguration;
import org.osgi.service.feature.FeatureService;
import org.osgi.service.feature.ID;

/**
 * Reads what an uploaded file is without running any of it: a bundle jar (its manifest, and the component
 * descriptions its Service-Component header lists) or an OSGi Feature (JSON, read by the Feature service that installs
 * it). Refuses (400, with a message an operator can act on) what cannot be deployed or must not be: no zip, no
 * manifest, no symbolic name, a manifest version other than 2, a symbolic name in the platform's namespace or of a
 * bundle installed other than from deploy/, a fragment of the framework or of such a bundle; a feature that configures
 * a platform PID or lists a platform bundle. Only the few entries it needs are inflated, each with a size cap and all
 * within one budget, so a zip bomb costs nothing.
 */
final class PluginInspector {

    static final String BUNDLE = "bundle";
    static final String FEATURE = "feature";
    /** Symbolic names, PIDs and feature group ids in this namespace are the platform's own ... */
    static final String PLATFORM_NAMESPACE = "org.carbonalliance";
    /** ... except these, the examples', which may be uploaded like any plugin. */
    static final String EXAMPLES_NAMESPACE = "org.carbonalliance.examples.";
    /** Feature bundles in the platform's group whose artifact id starts so are examples, not platform bundles. */
    static final String EXAMPLE_ARTIFACT_PREFIX = "example-";
    /**
     * Configuration PIDs of what the platform runs besides its own bundles (Felix, Pax, OSGi, Aries, Logback); a
     * feature may not configure them. PIDs named after the symbolic name of any other bundle installed outside deploy/
     * are refused too (see {@link Installed#pidOwner}).
     */
    static final List<String> RESERVED_PID_PREFIXES = List.of("org.apache.felix.", "org.ops4j.", "org.osgi.",
            "org.eclipse.", "org.apache.aries.", "ch.qos.logback.");
    /** How many leading bytes tell a jar from JSON. */
    static final int HEAD_BYTES = 1024;
    /** A feature is a short JSON text; larger ones are refused, apart from the jar limit. */
    static final int MAX_FEATURE_BYTES = 1 << 20;

    static final int MAX_ENTRIES = 65_536;
    static final int MAX_MANIFEST_BYTES = 512 * 1024;
    static final int MAX_COMPONENT_BYTES = 1 << 20;
    static final int MAX_COMPONENT_FILES = 500;
    /** Service-Component paths with a wildcard; each one looks at the names of the entries in its folder. */
    static final int MAX_COMPONENT_WILDCARDS = 20;
    static final long MAX_INFLATED_BYTES = 16L << 20;
    /** Entry names longer than this are no component descriptions a wildcard needs to consider. */
    private static final int MAX_COMPONENT_NAME = 512;
    /** A configuration value longer than this is not shown in the review. */
    static final int MAX_SHOWN_VALUE = 64;
    /** These keep the file names made of them ({@code <name>-<version>.jar}) under the usual 255-byte limit. */
    private static final int MAX_SYMBOLIC_NAME = 180;
    private static final int MAX_VERSION = 64;
    private static final int MAX_FEATURE_ID = 240;

    /** OSGi's symbolic-name: tokens separated by dots (which also makes it a safe file name). */
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    /** What Maven coordinates consist of; anything else in a feature's or its bundles' ids is refused. */
    private static final Pattern COORDINATE = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
    /** Property names that suggest a secret: their values are never shown. */
    private static final List<String> SECRET_WORDS = List.of("pass", "pwd", "secret", "token", "key", "credential",
            "private", "auth", "cert", "salt", "signature", "session", "cookie");
    /** Text that looks like a generated secret: a long run of base64 or hex characters with digits among them. */
    private static final Pattern SECRET_SHAPE = Pattern.compile("(?=[A-Za-z0-9+/=_-]*[0-9])[A-Za-z0-9+/=_-]{20,}");

    /**
     * What a file is.
     *
     * @param identity        what versions of one plugin share: the symbolic name, or the feature's coordinates
     *                        without the version
     * @param fragmentHost    a fragment's Fragment-Host, or null
     * @param requiredBundles Require-Bundle, one {@code name [versions] (optional)} per bundle
     * @param dynamicImports  DynamicImport-Package, one package (pattern) per entry
     * @param activator       Bundle-Activator, or null
     * @param bundles         a feature's bundles, as Maven coordinates
     * @param configurations  a feature's configurations: PIDs and property names, values where short and no secret
     */
    record Content(String kind, String symbolicName, String featureId, String identity, String version, String name,
            String description, List<PluginImport> imports, List<PluginExport> exports, List<String> requirements,
            List<String> services, String fragmentHost, List<String> requiredBundles, List<String> dynamicImports,
            String activator, List<String> bundles, List<PluginConfiguration> configurations, String sha256,
            long size) {
    }

    /** What a deployed file is, read leniently for the listing: nulls where it cannot be read. */
    record Identity(String kind, String symbolicName, String featureId, String identity, String version) {
    }

    /** What is installed in the framework, as far as the checks need it. */
    interface Installed {

        /** @return whether a bundle of that symbolic name is installed other than from deploy/ (or is the framework) */
        boolean platformBundle(String symbolicName);

        /** @return whether a plugin of that symbolic name is deployed: installed from deploy/, or a jar there */
        boolean deployedBundle(String symbolicName);

        /**
         * @return the symbolic name of a bundle installed outside deploy/ (and not by a plugin feature) whose name
         *         the PID is or starts with plus a dot, so that the PID is presumably that bundle's; null for none
         */
        String pidOwner(String pid);
    }

    private final FeatureService features;

    PluginInspector(FeatureService features) {
        this.features = features;
    }

    /**
     * @param head the file's first bytes (up to {@link #HEAD_BYTES})
     * @return {@link #BUNDLE} for a zip, {@link #FEATURE} for a JSON object
     * @throws ApiException 400 for anything else
     */
    static String kindOf(byte[] head) {
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
            return BUNDLE;
        }
        int i = 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i < head.length && head[i] == '{') {
            return FEATURE;
        }
        throw refuse("The file is neither a bundle (a jar) nor an OSGi Feature (a JSON object); nothing was kept.");
    }

    /** @return whether a symbolic name (or PID) lies in the platform's namespace, outside the examples' */
    static boolean reservedName(String name) {
        return name.equals(PLATFORM_NAMESPACE)
                || (name.startsWith(PLATFORM_NAMESPACE + ".") && !name.startsWith(EXAMPLES_NAMESPACE));
    }

    /** @return whether a configuration PID (or factory PID) is the platform's or of what it runs */
    static boolean reservedPid(String pid) {
        if (reservedName(pid)) {
            return true;
        }
        for (String prefix : RESERVED_PID_PREFIXES) {
            if (pid.startsWith(prefix) || pid.equals(prefix.substring(0, prefix.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** @return whether Maven coordinates are a platform bundle's: the platform's group, but no example */
    static boolean platformCoordinates(String groupId, String artifactId) {
        boolean platformGroup = groupId.equals(PLATFORM_NAMESPACE) || groupId.startsWith(PLATFORM_NAMESPACE + ".");
        return platformGroup && !artifactId.startsWith(EXAMPLE_ARTIFACT_PREFIX);
    }

    /**
     * Inspects a staged file. A feature is read once: its SHA-256 and its content come from the same bytes. A jar is
     * hashed before and after it is read, so what was read is what the SHA-256 names.
     *
     * @throws ApiException 400 when the file is not a deployable bundle or feature; 409 when it changed while read
     */
    Content inspect(Path file, Installed installed) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        String kind = kindOf(head);
        if (kind.equals(FEATURE)) {
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes(MAX_FEATURE_BYTES + 1);
            }
            if (bytes.length > MAX_FEATURE_BYTES) {
                throw featureTooLarge();
            }
            return feature(bytes, sha256(bytes), installed);
        }
        String before = sha256(file);
        long size = Files.size(file);
        Content content = bundle(file, before, size, installed);
        if (!before.equals(sha256(file))) {
            throw new ApiException(409, "conflict", "The file changed while it was read; upload it again.");
        }
        return content;
    }

    static ApiException featureTooLarge() {
        return new ApiException(413, "payload-too-large", "A feature file may be at most " + MAX_FEATURE_BYTES
                + " bytes; this one is larger.");
    }

    private Content bundle(Path file, String sha256, long size, Installed installed) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw refuse("The jar has more than " + MAX_ENTRIES + " entries; plugins are smaller than that.");
            }
            Budget budget = new Budget();
            Attributes main = manifest(zip, budget).orElseThrow(() ->
                    refuse("Not an OSGi bundle: the jar has no META-INF/MANIFEST.MF."));
            String symbolicName = symbolicName(main);
            if (!"2".equals(strip(main.getValue("Bundle-ManifestVersion")))) {
                throw refuse("Not an OSGi bundle of today: its manifest must say Bundle-ManifestVersion: 2.");
            }
            if (reservedName(symbolicName) || installed.platformBundle(symbolicName)) {
                throw refuse(symbolicName + " is the symbolic name of a platform bundle (names starting "
                        + PLATFORM_NAMESPACE + ". are the platform's, but for " + EXAMPLES_NAMESPACE + "); a plugin "
                        + "cannot take its place. Give the plugin a name of its own.");
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
            for (String path : componentFiles(zip, main.getValue("Service-Component"))) {
                ZipEntry entry = zip.getEntry(path);
                if (entry != null && !entry.isDirectory()) {
                    provided(read(zip, entry, MAX_COMPONENT_BYTES, budget), path, services);
                }
            }
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
        if (reservedName(host) || installed.platformBundle(host)) {
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

    private Content feature(byte[] bytes, String sha256, Installed installed) {
        Feature feature = readFeature(bytes);
        ID id = feature.getID();
        checkCoordinates(id, "The feature's id");
        if (id.toString().length() > MAX_FEATURE_ID) {
            throw refuse("The feature's id is longer than " + MAX_FEATURE_ID + " characters.");
        }
        if (platformCoordinates(id.getGroupId(), id.getArtifactId())) {
            throw refuse("The feature id " + id + " is in the platform's group (" + PLATFORM_NAMESPACE + "); give the "
                    + "feature a group id of its own.");
        }
        List<String> bundles = new ArrayList<>();
        for (FeatureBundle bundle : feature.getBundles()) {
            ID bundleId = bundle.getID();
            checkCoordinates(bundleId, "The id of each bundle of the feature");
            if (platformCoordinates(bundleId.getGroupId(), bundleId.getArtifactId())) {
                throw refuse("The feature lists " + bundleId + ", a platform bundle; a plugin feature cannot install "
                        + "or replace platform bundles.");
            }
            Object order = bundle.getMetadata().get("start-order");
            if (order != null && !(order instanceof Number) && !order.toString().strip().matches("-?\\d{1,9}")) {
                throw refuse("The start-order of " + bundleId + " is not a number.");
            }
            bundles.add(bundleId.toString());
        }
        List<PluginConfiguration> configurations = new ArrayList<>();
        for (FeatureConfiguration configuration : new TreeMap<>(feature.getConfigurations()).values()) {
            String pid = configuration.getPid();
            String factoryPid = configuration.getFactoryPid().orElse(null);
            for (String checked : factoryPid == null ? List.of(pid) : List.of(pid, factoryPid)) {
                String owner = installed.pidOwner(checked);
                if (reservedPid(checked) || owner != null) {
                    throw refuse("The feature configures " + checked + ", a PID of the platform"
                            + (owner == null || reservedName(checked) ? "" : " (of the bundle " + owner + ")")
                            + "; a plugin feature may only configure its own bundles' PIDs.");
                }
            }
            List<PluginConfigProperty> properties = new ArrayList<>();
            new TreeMap<>(configuration.getValues()).forEach((name, value) -> properties.add(property(name, value)));
            configurations.add(new PluginConfiguration(pid, factoryPid, List.copyOf(properties)));
        }
        return new Content(FEATURE, null, id.toString(), identity(id), id.getVersion(),
                feature.getName().orElse(null), feature.getDescription().orElse(null), List.of(), List.of(),
                List.of(), List.of(), null, List.of(), List.of(), null, List.copyOf(bundles),
                List.copyOf(configurations), sha256, bytes.length);
    }

    private static void checkCoordinates(ID id, String what) {
        for (String part : new String[] {id.getGroupId(), id.getArtifactId(), id.getVersion(),
                id.getType().orElse("x"), id.getClassifier().orElse("x")}) {
            if (part == null || !COORDINATE.matcher(part).matches()) {
                throw refuse(what + " must be Maven coordinates (letters, digits, '.', '_' and '-').");
            }
        }
    }

    /**
     * A configuration property as the review shows it: its name always; its value only when it is short, its name
     * does not suggest a secret and it does not look like one (a long run of base64 or hex).
     */
    static PluginConfigProperty property(String name, Object value) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean secretName = SECRET_WORDS.stream().anyMatch(lower::contains);
        String text = secretName ? null : shown(value);
        return new PluginConfigProperty(name, text, text == null);
    }

    /** @return the value as text when it may be shown, else null */
    private static String shown(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number || value instanceof Character) {
            return String.valueOf(value);
        }
        if (value instanceof String s) {
            boolean plain = s.length() <= MAX_SHOWN_VALUE && s.chars().noneMatch(Character::isISOControl)
                    && !SECRET_SHAPE.matcher(s).find() && !(s.contains("://") && s.contains("@"));
            return plain ? s : null;
        }
        List<Object> items = new ArrayList<>();
        if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value) && i <= MAX_SHOWN_VALUE; i++) {
                items.add(Array.get(value, i));
            }
        } else if (value instanceof Collection<?> collection) {
            collection.stream().limit(MAX_SHOWN_VALUE + 1L).forEach(items::add);
        } else {
            return null;
        }
        StringBuilder text = new StringBuilder("[");
        for (Object item : items) {
            String shown = item == null || item.getClass().isArray() || item instanceof Collection ? null : shown(item);
            if (shown == null) {
                return null;
            }
            text.append(text.length() == 1 ? "" : ", ").append(shown);
            if (text.length() > MAX_SHOWN_VALUE) {
                return null;
            }
        }
        return text.append(']').toString();
    }

    /**
     * @return what a file in deploy/ is, by its name's ending as FileInstall decides (.jar a bundle, .json a
     *         feature); fields that cannot be read are null
     */
    Identity identify(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
            try {
                ID id = readFeature(readFeatureBytes(file)).getID();
                return new Identity(FEATURE, null, id.toString(), identity(id), id.getVersion());
            } catch (IOException | RuntimeException e) {
                return new Identity(FEATURE, null, null, null, null);
            }
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Attributes main = zip.size() > MAX_ENTRIES ? null : manifest(zip, new Budget()).orElse(null);
            String symbolicName = main == null ? null : symbolicName(main);
            return new Identity(BUNDLE, symbolicName, null, symbolicName, main == null ? null : version(main));
        } catch (IOException | RuntimeException e) {
            return new Identity(BUNDLE, null, null, null, null);
        }
    }

    /** @return the bundles a feature file in deploy/ lists, as coordinates; empty when it cannot be read */
    List<String> featureBundles(Path file) {
        try {
            return readFeature(readFeatureBytes(file)).getBundles().stream().map(b -> b.getID().toString()).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static byte[] readFeatureBytes(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_FEATURE_BYTES + 1);
            if (bytes.length > MAX_FEATURE_BYTES) {
                throw featureTooLarge();
            }
            return bytes;
        }
    }

    /** @return the file's SHA-256, hex; a symbolic link is not followed */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static Optional<Attributes> manifest(ZipFile zip, Budget budget) throws IOException {
        ZipEntry entry = zip.getEntry("META-INF/MANIFEST.MF");
        if (entry == null || entry.isDirectory()) {
            return Optional.empty();
        }
        byte[] bytes = read(zip, entry, MAX_MANIFEST_BYTES, budget);
        String twice = repeatedHeader(bytes);
        if (twice != null) {
            // Readers differ in which of the two they take; the framework must see what the review shows.
            throw refuse("The jar's manifest has the header " + twice + " more than once.");
        }
        try {
            return Optional.of(new Manifest(new ByteArrayInputStream(bytes)).getMainAttributes());
        } catch (IOException e) {
            throw refuse("The jar's manifest cannot be read: " + e.getMessage() + ".");
        }
    }

    /** @return the name of a header the manifest's main section has more than once (names ignore case), or null */
    static String repeatedHeader(byte[] manifest) {
        String text = new String(manifest, StandardCharsets.UTF_8);
        Set<String> seen = new HashSet<>();
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                return null; // the end of the main section
            }
            int colon = line.indexOf(':');
            if (line.charAt(0) != ' ' && colon > 0 && !seen.add(line.substring(0, colon).toLowerCase(Locale.ROOT))) {
                return line.substring(0, colon);
            }
        }
        return null;
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

    /** Coordinates without the version: what the versions of one feature share. */
    private static String identity(ID id) {
        return id.getGroupId() + ":" + id.getArtifactId() + id.getType().map(t -> ":" + t).orElse("")
                + id.getClassifier().map(c -> ":" + c).orElse("");
    }

    /** @return the feature in {@code bytes} (UTF-8), read by the Feature service that installs it */
    private Feature readFeature(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw refuse("The feature file is not UTF-8 text.");
        }
        try {
            return features.readFeature(new StringReader(text));
        } catch (NullPointerException e) {
            // What the Feature service throws for a missing required member
            throw refuse("Not a valid OSGi Feature: a required member, such as its id, is missing.");
        } catch (RuntimeException e) {
            // The JSON parser's exceptions (malformed JSON, an invalid bundle id ...) are unchecked.
            throw refuse("Not a valid OSGi Feature: " + e.getMessage());
        } catch (IOException e) {
            throw refuse("Not a valid OSGi Feature: " + e.getMessage());
        }
    }

    /**
     * The entries Service-Component names; a wildcard may stand in the last path segment (DS 112.4.1). Matched by
     * plain comparison, not a regular expression, with at most {@link #MAX_COMPONENT_WILDCARDS} wildcard paths, each
     * looking only at the entries of its folder.
     */
    static List<String> componentFiles(ZipFile zip, String header) {
        List<String> paths = new ArrayList<>();
        for (Clause clause : ManifestHeader.parse(header)) {
            paths.addAll(clause.paths());
            if (paths.size() > MAX_COMPONENT_FILES) {
                throw refuse("The bundle lists more than " + MAX_COMPONENT_FILES + " component descriptions.");
            }
        }
        if (paths.stream().filter(p -> p.indexOf('*') >= 0).count() > MAX_COMPONENT_WILDCARDS) {
            throw refuse("The Service-Component header has more than " + MAX_COMPONENT_WILDCARDS + " paths with a "
                    + "wildcard.");
        }
        Map<String, List<String>> byFolder = null;
        List<String> files = new ArrayList<>();
        for (String path : paths) {
            String entry = path.startsWith("/") ? path.substring(1) : path;
            int star = entry.indexOf('*');
            int slash = entry.lastIndexOf('/');
            if (star < 0) {
                files.add(entry);
            } else if (star > slash) {
                if (byFolder == null) {
                    byFolder = entriesByFolder(zip);
                }
                String glob = entry.substring(slash + 1);
                byFolder.getOrDefault(entry.substring(0, slash + 1), List.of()).stream()
                        .filter(name -> globMatches(glob, name)).sorted().forEach(files::add);
            } // a wildcard before the last segment matches nothing, as in DS
            if (files.size() > MAX_COMPONENT_FILES) {
                throw refuse("The bundle lists more than " + MAX_COMPONENT_FILES + " component descriptions.");
            }
        }
        return files;
    }

    /** @return the names of the jar's file entries by folder ({@code ""} or {@code a/b/}), names of usable length */
    private static Map<String, List<String>> entriesByFolder(ZipFile zip) {
        Map<String, List<String>> byFolder = new java.util.HashMap<>();
        zip.stream().map(ZipEntry::getName).filter(n -> n.length() <= MAX_COMPONENT_NAME && !n.endsWith("/"))
                .forEach(n -> byFolder.computeIfAbsent(n.substring(0, n.lastIndexOf('/') + 1),
                        k -> new ArrayList<>()).add(n));
        return byFolder;
    }

    /**
     * @param glob a last path segment in which {@code *} stands for any characters but '/'
     * @param path an entry's full name; only its last segment is compared
     * @return whether the segment matches: the literal parts in order, the first at its start and the last at its end
     */
    static boolean globMatches(String glob, String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String[] parts = glob.split("\\*", -1);
        if (parts.length == 1) {
            return name.equals(glob);
        }
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (name.length() < first.length() + last.length() || !name.startsWith(first) || !name.endsWith(last)) {
            return false;
        }
        int at = first.length();
        int end = name.length() - last.length();
        for (int i = 1; i < parts.length - 1; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            int found = name.indexOf(parts[i], at);
            if (found < 0 || found + parts[i].length() > end) {
                return false;
            }
            at = found + parts[i].length();
        }
        return true;
    }

    /** Adds the interfaces a component description provides; DTDs (and so external entities) are refused. */
    private static void provided(byte[] xml, String file, Set<String> services) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw refuse(file + " has a DOCTYPE; component descriptions must not.");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && "provide".equals(reader.getLocalName())) {
                        String type = strip(reader.getAttributeValue(null, "interface"));
                        if (type != null && !type.isEmpty()) {
                            services.add(type);
                        }
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw refuse(file + " is not a readable component description: " + e.getMessage());
        }
    }

    /** Inflates one entry, refusing it past {@code max} bytes or past what is left of the budget. */
    private static byte[] read(ZipFile zip, ZipEntry entry, int max, Budget budget) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw refuse(entry.getName() + " expands to more than " + max + " bytes; that is not a plugin's.");
            }
            budget.spend(bytes.length);
            return bytes;
        }
    }

    /** The bytes all entries read from one jar may expand to. */
    private static final class Budget {
        private long left = MAX_INFLATED_BYTES;

        void spend(long bytes) {
            left -= bytes;
            if (left < 0) {
                throw refuse("The entries of the jar that describe it expand to more than " + MAX_INFLATED_BYTES
                        + " bytes; that is not a plugin's.");
            }
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    static ApiException refuse(String message) {
        return ApiException.badRequest(message, List.of());
    }
}
