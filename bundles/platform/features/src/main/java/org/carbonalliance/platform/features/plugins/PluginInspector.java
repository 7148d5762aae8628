package org.carbonalliance.platform.features.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginConfiguration;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginExport;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginImport;
import org.osgi.service.feature.FeatureService;

/**
 * Reads what an uploaded file is without running any of it: a bundle jar (its manifest, and the component
 * descriptions its Service-Component header lists) or an OSGi Feature (JSON, read by the Feature service that installs
 * it). Refuses (400, with a message an operator can act on) what cannot be deployed or must not be: no zip, no
 * manifest, no symbolic name, a manifest version other than 2, a symbolic name in the platform's namespace or of a
 * bundle installed other than from deploy/, a fragment of the framework or of such a bundle; a feature that configures
 * a platform PID or lists a platform bundle. Only the few entries it needs are inflated, each with a size cap and all
 * within one budget, so a zip bomb costs nothing.
 *
 * <p>This class tells the kind of a file and hashes it; {@link BundleInspection} and {@link FeatureInspection} read
 * each kind, with the rules of {@link PlatformNames}.
 */
final class PluginInspector {

    static final String BUNDLE = "bundle";
    static final String FEATURE = "feature";
    /** How many leading bytes tell a jar from JSON. */
    static final int HEAD_BYTES = 1024;
    /** A feature is a short JSON text; larger ones are refused, apart from the jar limit. */
    static final int MAX_FEATURE_BYTES = 1 << 20;

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

    private final FeatureInspection features;

    PluginInspector(FeatureService features) {
        this.features = new FeatureInspection(features);
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
            return features.inspect(bytes, sha256(bytes), installed);
        }
        String before = sha256(file);
        long size = Files.size(file);
        Content content = BundleInspection.inspect(file, before, size, installed);
        if (!before.equals(sha256(file))) {
            throw new ApiException(409, "conflict", "The file changed while it was read; upload it again.");
        }
        return content;
    }

    static ApiException featureTooLarge() {
        return new ApiException(413, "payload-too-large", "A feature file may be at most " + MAX_FEATURE_BYTES
                + " bytes; this one is larger.");
    }

    /**
     * @return what a file in deploy/ is, by its name's ending as FileInstall decides (.jar a bundle, .json a
     *         feature); fields that cannot be read are null
     */
    Identity identify(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
            return features.identify(file);
        }
        return BundleInspection.identify(file);
    }

    /** @return the bundles a feature file in deploy/ lists, as coordinates; empty when it cannot be read */
    List<String> featureBundles(Path file) {
        return features.bundles(file);
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

    static ApiException refuse(String message) {
        return ApiException.badRequest(message, List.of());
    }
}
