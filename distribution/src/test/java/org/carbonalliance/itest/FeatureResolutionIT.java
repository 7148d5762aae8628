package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Every feature in features/ resolves against the built distribution: the platform's bundles (conf/startup.txt) and
 * each further feature's bundles are installed, without being started, into a fresh framework and resolved. A feature
 * naming a bundle that is missing from system/ or whose imports nothing exports fails the build here, not at an
 * operator's install.
 */
public class FeatureResolutionIT {

    private static final Pattern BUNDLE_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\":]+):([^\":]+):([^\":]+)\"");

    @Test
    public void everyFeatureResolvesAgainstTheDistribution() throws Exception {
        Path dist = Path.of(System.getProperty("alliance.distribution"));
        List<Path> features;
        try (Stream<Path> files = Files.list(dist.resolve("features"))) {
            features = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue("features found: " + features, features.size() >= 4);
        Path storage = Path.of(System.getProperty("alliance.itest.work")).resolve("resolve-" + System.nanoTime());
        Framework framework = new FrameworkFactory().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                "org.osgi.framework.bsnversion", "multiple"));
        framework.init();
        try {
            BundleContext context = framework.getBundleContext();
            Map<Bundle, String> origin = new HashMap<>();
            for (String line : Files.readAllLines(dist.resolve("conf/startup.txt"))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    Path jar = dist.resolve(line.trim().split("\\s+")[2]);
                    origin.put(context.installBundle(jar.toUri().toString()), "platform.json");
                }
            }
            for (Path feature : features) {
                if (feature.getFileName().toString().equals("platform.json")) {
                    continue;
                }
                Matcher m = BUNDLE_ID.matcher(Files.readString(feature));
                while (m.find()) {
                    Path jar = systemJar(dist, m.group(1), m.group(2), m.group(3));
                    assertTrue(feature.getFileName() + " names " + jar + ", which is not in system/", Files.exists(jar));
                    String location = jar.toUri().toString();
                    if (context.getBundle(location) == null) {
                        origin.put(context.installBundle(location), feature.getFileName().toString());
                    }
                }
            }
            framework.start();
            framework.adapt(FrameworkWiring.class).resolveBundles(null);
            List<String> unresolved = new ArrayList<>();
            for (Map.Entry<Bundle, String> entry : origin.entrySet()) {
                Bundle bundle = entry.getKey();
                boolean extension = String.valueOf(bundle.getHeaders("").get(Constants.FRAGMENT_HOST))
                        .startsWith("system.bundle");
                if (!extension && bundle.getState() == Bundle.INSTALLED) {
                    unresolved.add(bundle.getSymbolicName() + " (" + entry.getValue() + ")");
                }
            }
            assertEquals("bundles that do not resolve", List.of(), unresolved);
        } finally {
            framework.stop();
            framework.waitForStop(30_000);
        }
    }

    private static Path systemJar(Path dist, String group, String artifact, String version) throws IOException {
        return dist.resolve("system").resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + ".jar");
    }
}
