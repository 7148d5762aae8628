package org.carbonalliance.platform.features.plugins;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
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
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginExport;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginImport;
import org.osgi.framework.Version;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureService;
import org.osgi.service.feature.ID;

/**
 * Reads what an uploaded file is without running any of it: a bundle jar (its manifest, and the component
 * descriptions its Service-Component header lists) or an OSGi Feature (JSON, read by the Feature service that installs
 * it). Refuses (400, with a message an operator can act on) what cannot be deployed or must not be: no zip, no
 * manifest, no symbolic name, a manifest version other than 2, the symbolic name of a platform bundle. Only the few
 * entries it needs are inflated, each with a size cap and all within one budget, so a zip bomb costs nothing.
 */
final class PluginInspector {

    static final String BUNDLE = "bundle";
    static final String FEATURE = "feature";
    /** Bundles whose symbolic name starts so are the platform's own; a plugin may not take their place. */
    static final String PLATFORM_PREFIX = "org.carbonalliance.platform";
    /** How many leading bytes tell a jar from JSON. */
    static final int HEAD_BYTES = 1024;

    static final int MAX_ENTRIES = 65_536;
    static final int MAX_MANIFEST_BYTES = 512 * 1024;
    static final int MAX_COMPONENT_BYTES = 1 << 20;
    static final int MAX_COMPONENT_FILES = 500;
    static final long MAX_INFLATED_BYTES = 16L << 20;
    /** These keep the file names made of them ({@code <name>-<version>.jar}) under the usual 255-byte limit. */
    private static final int MAX_SYMBOLIC_NAME = 180;
    private static final int MAX_VERSION = 64;
    private static final int MAX_FEATURE_ID = 240;

    /** OSGi's symbolic-name: tokens separated by dots (which also makes it a safe file name). */
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    /** What Maven coordinates consist of; anything else in a feature id is refused. */
    private static final Pattern COORDINATE = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    /**
     * What a file is.
     *
     * @param identity what versions of one plugin share: the symbolic name, or the feature's coordinates without
     *                 the version
     */
    record Content(String kind, String symbolicName, String featureId, String identity, String version, String name,
            String description, List<PluginImport> imports, List<PluginExport> exports, List<String> requirements,
            List<String> services, List<String> bundles, String sha256, long size) {
    }

    /** What a deployed file is, read leniently for the listing: nulls where it cannot be read. */
    record Identity(String kind, String symbolicName, String featureId, String identity, String version) {
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

    /**
     * @param platformBundle whether a symbolic name is that of a bundle not installed from deploy/
     * @throws ApiException 400 when the file is not a deployable bundle or feature
     */
    Content inspect(Path file, Predicate<String> platformBundle) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        String kind = kindOf(head);
        String sha256 = sha256(file);
        long size = Files.size(file);
        return kind.equals(BUNDLE) ? bundle(file, sha256, size, platformBundle) : feature(file, sha256, size);
    }

    private Content bundle(Path file, String sha256, long size, Predicate<String> platformBundle) throws IOException {
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
            if (symbolicName.startsWith(PLATFORM_PREFIX) || platformBundle.test(symbolicName)) {
                throw refuse(symbolicName + " is the symbolic name of a platform bundle; a plugin cannot take its "
                        + "place. Give the plugin a name of its own.");
            }
            String version = version(main);

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
            Set<String> services = new LinkedHashSet<>();
            for (Clause clause : ManifestHeader.parse(main.getValue("Provide-Capability"))) {
                if (clause.paths().contains("osgi.service")) {
                    services.addAll(clause.values("objectClass"));
                }
            }
            List<String> components = componentFiles(zip, main.getValue("Service-Component"));
            if (components.size() > MAX_COMPONENT_FILES) {
                throw refuse("The bundle lists more than " + MAX_COMPONENT_FILES + " component descriptions.");
            }
            for (String path : components) {
                ZipEntry entry = zip.getEntry(path);
                if (entry != null && !entry.isDirectory()) {
                    provided(read(zip, entry, MAX_COMPONENT_BYTES, budget), path, services);
                }
            }
            return new Content(BUNDLE, symbolicName, null, symbolicName, version, strip(main.getValue("Bundle-Name")),
                    strip(main.getValue("Bundle-Description")), List.copyOf(imports), List.copyOf(exports),
                    List.copyOf(requirements), List.copyOf(services), List.of(), sha256, size);
        } catch (ZipException e) {
            throw refuse("Not a jar (zip) file: " + e.getMessage() + ".");
        }
    }

    private Content feature(Path file, String sha256, long size) throws IOException {
        Feature feature = readFeature(file);
        ID id = feature.getID();
        for (String part : new String[] {id.getGroupId(), id.getArtifactId(), id.getVersion(),
                id.getType().orElse("x"), id.getClassifier().orElse("x")}) {
            if (part == null || !COORDINATE.matcher(part).matches()) {
                throw refuse("The feature's id must be Maven coordinates (letters, digits, '.', '_' and '-').");
            }
        }
        if (id.toString().length() > MAX_FEATURE_ID) {
            throw refuse("The feature's id is longer than " + MAX_FEATURE_ID + " characters.");
        }
        List<String> bundles = feature.getBundles().stream().map(b -> b.getID().toString()).toList();
        return new Content(FEATURE, null, id.toString(), identity(id), id.getVersion(),
                feature.getName().orElse(null), feature.getDescription().orElse(null), List.of(), List.of(),
                List.of(), List.of(), bundles, sha256, size);
    }

    /**
     * @return what a file in deploy/ is, by its name's ending as FileInstall decides (.jar a bundle, .json a
     *         feature); fields that cannot be read are null
     */
    Identity identify(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
            try {
                ID id = readFeature(file).getID();
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

    /** @return the file's SHA-256, hex */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Optional<Attributes> manifest(ZipFile zip, Budget budget) throws IOException {
        ZipEntry entry = zip.getEntry("META-INF/MANIFEST.MF");
        if (entry == null || entry.isDirectory()) {
            return Optional.empty();
        }
        byte[] bytes = read(zip, entry, MAX_MANIFEST_BYTES, budget);
        try {
            return Optional.of(new Manifest(new ByteArrayInputStream(bytes)).getMainAttributes());
        } catch (IOException e) {
            throw refuse("The jar's manifest cannot be read: " + e.getMessage() + ".");
        }
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

    /** @return the feature in {@code file}, read by the Feature service that installs it */
    private Feature readFeature(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return features.readFeature(reader);
        } catch (CharacterCodingException e) {
            throw refuse("The feature file is not UTF-8 text.");
        } catch (NullPointerException e) {
            // What the Feature service throws for a missing required member
            throw refuse("Not a valid OSGi Feature: a required member, such as its id, is missing.");
        } catch (RuntimeException e) {
            // The JSON parser's exceptions (malformed JSON, an invalid bundle id ...) are unchecked.
            throw refuse("Not a valid OSGi Feature: " + e.getMessage());
        }
    }

    /** The entries Service-Component names; a wildcard may stand in the last path segment (DS 112.4.1). */
    private static List<String> componentFiles(ZipFile zip, String header) {
        List<String> files = new ArrayList<>();
        for (Clause clause : ManifestHeader.parse(header)) {
            for (String path : clause.paths()) {
                String entry = path.startsWith("/") ? path.substring(1) : path;
                int star = entry.indexOf('*');
                int slash = entry.lastIndexOf('/');
                if (star < 0) {
                    files.add(entry);
                } else if (star > slash) {
                    String dir = entry.substring(0, slash + 1);
                    Pattern glob = Pattern.compile(Pattern.quote(entry.substring(slash + 1)).replace("*", "\\E.*\\Q"));
                    zip.stream().map(ZipEntry::getName)
                            .filter(n -> n.startsWith(dir) && n.indexOf('/', dir.length()) < 0
                                    && glob.matcher(n.substring(dir.length())).matches())
                            .sorted().forEach(files::add);
                }
            }
        }
        return files;
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
