package org.carbonalliance.platform.features.plugins;

import static org.carbonalliance.platform.features.plugins.PluginInspector.FEATURE;
import static org.carbonalliance.platform.features.plugins.PluginInspector.MAX_FEATURE_BYTES;
import static org.carbonalliance.platform.features.plugins.PluginInspector.featureTooLarge;
import static org.carbonalliance.platform.features.plugins.PluginInspector.refuse;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.carbonalliance.platform.features.plugins.PluginInspector.Content;
import org.carbonalliance.platform.features.plugins.PluginInspector.Identity;
import org.carbonalliance.platform.features.plugins.PluginInspector.Installed;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginConfigProperty;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginConfiguration;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureConfiguration;
import org.osgi.service.feature.FeatureService;
import org.osgi.service.feature.ID;

/**
 * Reviews an OSGi Feature (JSON), read by the Feature service that installs it: refuses one in the platform's group,
 * one that lists a platform bundle or configures a platform PID, and lists its bundles and configurations, the values
 * shown as {@link ConfigurationReview} allows.
 */
final class FeatureInspection {

    /** This keeps the file name made of it ({@code <feature id>.json}) under the usual 255-byte limit. */
    private static final int MAX_FEATURE_ID = 240;
    /** What Maven coordinates consist of; anything else in a feature's or its bundles' ids is refused. */
    private static final Pattern COORDINATE = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    private final FeatureService features;

    FeatureInspection(FeatureService features) {
        this.features = features;
    }

    Content inspect(byte[] bytes, String sha256, Installed installed) {
        Feature feature = readFeature(bytes);
        ID id = feature.getID();
        checkCoordinates(id, "The feature's id");
        if (id.toString().length() > MAX_FEATURE_ID) {
            throw refuse("The feature's id is longer than " + MAX_FEATURE_ID + " characters.");
        }
        if (PlatformNames.platformCoordinates(id.getGroupId(), id.getArtifactId())) {
            throw refuse("The feature id " + id + " is in the platform's group (" + PlatformNames.PLATFORM_NAMESPACE
                    + "); give the feature a group id of its own.");
        }
        List<String> bundles = new ArrayList<>();
        for (FeatureBundle bundle : feature.getBundles()) {
            ID bundleId = bundle.getID();
            checkCoordinates(bundleId, "The id of each bundle of the feature");
            if (PlatformNames.platformCoordinates(bundleId.getGroupId(), bundleId.getArtifactId())) {
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
                if (PlatformNames.reservedPid(checked) || owner != null) {
                    throw refuse("The feature configures " + checked + ", a PID of the platform"
                            + (owner == null || PlatformNames.reservedName(checked) ? "" : " (of the bundle " + owner
                                    + ")") + "; a plugin feature may only configure its own bundles' PIDs.");
                }
            }
            List<PluginConfigProperty> properties = new ArrayList<>();
            new TreeMap<>(configuration.getValues()).forEach((name, value) ->
                    properties.add(ConfigurationReview.property(name, value)));
            configurations.add(new PluginConfiguration(pid, factoryPid, List.copyOf(properties)));
        }
        return new Content(FEATURE, null, id.toString(), identity(id), id.getVersion(),
                feature.getName().orElse(null), feature.getDescription().orElse(null), List.of(), List.of(),
                List.of(), List.of(), null, List.of(), List.of(), null, List.copyOf(bundles),
                List.copyOf(configurations), sha256, bytes.length);
    }

    /** @return what a feature file in deploy/ is, read leniently: nulls for what cannot be read */
    Identity identify(Path file) {
        try {
            ID id = readFeature(readFeatureBytes(file)).getID();
            return new Identity(FEATURE, null, id.toString(), identity(id), id.getVersion());
        } catch (IOException | RuntimeException e) {
            return new Identity(FEATURE, null, null, null, null);
        }
    }

    /** @return the bundles a feature file in deploy/ lists, as coordinates; empty when it cannot be read */
    List<String> bundles(Path file) {
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

    private static void checkCoordinates(ID id, String what) {
        for (String part : new String[] {id.getGroupId(), id.getArtifactId(), id.getVersion(),
                id.getType().orElse("x"), id.getClassifier().orElse("x")}) {
            if (part == null || !COORDINATE.matcher(part).matches()) {
                throw refuse(what + " must be Maven coordinates (letters, digits, '.', '_' and '-').");
            }
        }
    }

    /** Coordinates without the version: what the versions of one feature share. */
    private static String identity(ID id) {
        return id.getGroupId() + ":" + id.getArtifactId() + id.getType().map(t -> ":" + t).orElse("")
                + id.getClassifier().map(c -> ":" + c).orElse("");
    }
}
