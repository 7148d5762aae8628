package org.carbonalliance.platform.features;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureConfiguration;
import org.osgi.service.feature.FeatureService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs and uninstalls OSGi Features (Compendium ch. 159) at run time. Bundles are installed from their {@code mvn:}
 * locations (system/ first, then the configured Maven repositories), all before any starts, then started in start
 * order. Uninstalling removes only bundles a feature brought that no other installed feature needs, and refreshes only
 * those.
 */
@Component(service = Features.class, immediate = true)
public class FeatureManager implements Features {

    static final String PLATFORM_FEATURE_FILE = "platform.json";
    private static final Logger LOG = LoggerFactory.getLogger(FeatureManager.class);

    private final BundleContext context;
    private final FeatureService features;
    private final ConfigurationAdmin configAdmin;
    private final FeatureState state;
    private final Path featuresDir;

    @Activate
    public FeatureManager(BundleContext context, @Reference FeatureService features,
            @Reference ConfigurationAdmin configAdmin) throws IOException {
        this.context = context;
        this.features = features;
        this.configAdmin = configAdmin;
        this.state = new FeatureState(context.getDataFile("features.json").toPath());
        String home = context.getProperty("alliance.home");
        this.featuresDir = Path.of(home == null ? "." : home, "features");
        recordPlatform();
    }

    /** The platform feature's bundles were installed by the launcher; record it so it is listed and never removed. */
    private void recordPlatform() {
        Path file = featuresDir.resolve(PLATFORM_FEATURE_FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            Feature platform = read(file);
            if (state.get(platform.getID().toString()) == null) {
                List<String> created = applyConfigurations(platform);
                state.put(new FeatureRecord(platform.getID().toString(), displayName(platform), "startup",
                        locations(platform), created), List.of());
            }
        } catch (IOException | FeatureException e) {
            LOG.error("Could not record the platform feature from {}: {}", file, e.getMessage(), e);
        }
    }

    public Feature read(Path file) throws IOException, FeatureException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return features.readFeature(reader);
        } catch (RuntimeException e) {
            throw new FeatureException(file.getFileName() + " is not a valid OSGi Feature: " + e.getMessage(), e);
        }
    }

    /** Installs the feature in {@code file}; installing the same feature again is a no-op. */
    @Override
    public synchronized FeatureRecord install(Path file) throws IOException, FeatureException {
        Feature feature = read(file);
        String id = feature.getID().toString();
        FeatureRecord existing = state.get(id);
        if (existing != null) {
            return existing;
        }
        List<FeatureBundle> ordered = new ArrayList<>(feature.getBundles());
        ordered.sort(Comparator.comparingInt(FeatureBundles::startOrder));
        List<Bundle> broughtBundles = new ArrayList<>();
        List<Bundle> toStart = new ArrayList<>();
        List<String> created = new ArrayList<>();
        try {
            for (FeatureBundle featureBundle : ordered) {
                String location = FeatureBundles.location(featureBundle.getID());
                Bundle bundle = context.getBundle(location);
                if (bundle == null) {
                    bundle = context.installBundle(location);
                    bundle.adapt(BundleStartLevel.class)
                            .setStartLevel(Math.max(1, FeatureBundles.startOrder(featureBundle)));
                    broughtBundles.add(bundle);
                }
                if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                    toStart.add(bundle);
                }
            }
            // Configurations before the bundles start, so their components activate configured.
            created.addAll(applyConfigurations(feature));
            for (Bundle bundle : toStart) {
                bundle.start();
            }
        } catch (BundleException | RuntimeException e) {
            rollBack(broughtBundles);
            for (String pid : created) {
                configAdmin.getConfiguration(pid, "?").delete();
            }
            throw new FeatureException("Feature " + id + " was not installed: " + e.getMessage(), e);
        }
        FeatureRecord record = new FeatureRecord(id, displayName(feature), file.toString(), locations(feature), created);
        state.put(record, broughtBundles.stream().map(Bundle::getLocation).toList());
        LOG.info("Installed feature {} ({} bundles, {} new)", id, ordered.size(), broughtBundles.size());
        return record;
    }

    /** Uninstalls the feature with {@code id}, with what it brought that nothing else needs. */
    @Override
    public synchronized void uninstall(String id) throws IOException, FeatureException {
        FeatureRecord record = state.get(id);
        if (record == null) {
            throw new FeatureException("No feature " + id + " is installed.");
        }
        if ("startup".equals(record.source())) {
            throw new FeatureException("The platform feature cannot be uninstalled while the platform runs.");
        }
        List<String> unused = state.remove(id);
        List<Bundle> removed = new ArrayList<>();
        for (int i = unused.size() - 1; i >= 0; i--) {
            Bundle bundle = context.getBundle(unused.get(i));
            if (bundle != null) {
                try {
                    bundle.uninstall();
                    removed.add(bundle);
                } catch (BundleException e) {
                    LOG.warn("Could not uninstall {}: {}", bundle.getSymbolicName(), e.getMessage());
                }
            }
        }
        for (String pid : record.configurations()) {
            if (!state.configurationUsedByOthers(id, pid)) {
                Configuration configuration = configAdmin.getConfiguration(pid, "?");
                configuration.delete();
            }
        }
        if (!removed.isEmpty()) {
            context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).refreshBundles(removed);
        }
        LOG.info("Uninstalled feature {} ({} bundles removed)", id, removed.size());
    }

    @Override
    public Collection<FeatureRecord> installed() {
        return state.features();
    }

    /** @return the feature files in the distribution's features/ folder */
    @Override
    public List<Path> available() throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(featuresDir)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(featuresDir, "*.json")) {
                stream.forEach(files::add);
            }
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    /** @return the feature file named {@code name} (with or without .json) in features/, if there is one */
    @Override
    public Path availableFile(String name) {
        String fileName = name.endsWith(".json") ? name : name + ".json";
        Path file = featuresDir.resolve(fileName).normalize();
        return file.startsWith(featuresDir.normalize()) && Files.isRegularFile(file) ? file : null;
    }

    private void rollBack(List<Bundle> brought) {
        for (Bundle bundle : brought) {
            try {
                bundle.uninstall();
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("Rolling back: could not uninstall {}", bundle.getLocation(), e);
            }
        }
        if (!brought.isEmpty()) {
            context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).refreshBundles(brought);
        }
    }

    /** Creates each configuration the feature declares that does not exist yet; existing ones keep operator edits. */
    private List<String> applyConfigurations(Feature feature) throws IOException {
        List<String> created = new ArrayList<>();
        for (FeatureConfiguration fc : feature.getConfigurations().values()) {
            Configuration configuration = fc.getFactoryPid().isPresent()
                    ? configAdmin.getFactoryConfiguration(fc.getFactoryPid().get(), factoryName(fc), "?")
                    : configAdmin.getConfiguration(fc.getPid(), "?");
            if (configuration.getProperties() == null) {
                Dictionary<String, Object> values = new Hashtable<>();
                for (Map.Entry<String, Object> entry : fc.getValues().entrySet()) {
                    values.put(entry.getKey(), entry.getValue());
                }
                configuration.update(values);
                created.add(configuration.getPid());
            }
        }
        return created;
    }

    private static String factoryName(FeatureConfiguration fc) {
        int tilde = fc.getPid().indexOf('~');
        return tilde < 0 ? fc.getPid() : fc.getPid().substring(tilde + 1);
    }

    private static List<String> locations(Feature feature) {
        List<FeatureBundle> ordered = new ArrayList<>(feature.getBundles());
        ordered.sort(Comparator.comparingInt(FeatureBundles::startOrder));
        return ordered.stream().map(b -> FeatureBundles.location(b.getID())).toList();
    }


    static String displayName(Feature feature) {
        return feature.getName().orElse(feature.getID().getArtifactId());
    }
}
