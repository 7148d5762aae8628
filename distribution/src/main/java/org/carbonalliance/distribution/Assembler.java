package org.carbonalliance.distribution;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.carbonalliance.platform.features.FeatureBundles;
import org.ops4j.pax.url.mvn.MavenResolver;
import org.ops4j.pax.url.mvn.MavenResolvers;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureService;
import org.osgi.service.feature.ID;

/**
 * Assembles the server from the feature files: every bundle of every feature goes into system/ (Maven layout), the
 * platform feature's bundles become conf/startup.txt in start order, and the feature files go to features/. Bundles of
 * this reactor come from their modules' target/ folders; the rest from the local Maven repository or Maven Central.
 * <p>
 * Arguments: the (filtered) features folder, the reactor root, the distribution folder to fill.
 */
public final class Assembler {

    private static final String OWN_GROUP = "org.carbonalliance";

    private final Path reactorRoot;
    private final Path out;
    private final MavenResolver maven;

    private Assembler(Path reactorRoot, Path out) {
        this.reactorRoot = reactorRoot;
        this.out = out;
        Hashtable<String, String> config = new Hashtable<>();
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null) {
            config.put("org.ops4j.pax.url.mvn.localRepository", localRepository);
        }
        this.maven = MavenResolvers.createMavenResolver(config, "org.ops4j.pax.url.mvn");
    }

    public static void main(String[] args) throws Exception {
        Path featuresDir = Path.of(args[0]);
        Assembler assembler = new Assembler(Path.of(args[1]), Path.of(args[2]));
        FeatureService features = ServiceLoader.load(FeatureService.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("org.apache.felix.feature is not on the class path"));
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(featuresDir, "*.json")) {
            stream.forEach(files::add);
        }
        files.sort(Comparator.naturalOrder());
        Files.createDirectories(assembler.out.resolve("features"));
        int bundles = 0;
        for (Path file : files) {
            Feature feature;
            try (Reader reader = Files.newBufferedReader(file)) {
                feature = features.readFeature(reader);
            }
            for (FeatureBundle bundle : feature.getBundles()) {
                bundles += assembler.addToSystem(bundle.getID()) ? 1 : 0;
            }
            Files.copy(file, assembler.out.resolve("features").resolve(file.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
            if (file.getFileName().toString().equals("platform.json")) {
                assembler.writeStartup(feature);
            }
        }
        assembler.maven.close();
        int sdk = SdkAssembler.write(assembler.reactorRoot, assembler.out.resolve("sdk"), args[3]);
        SdkAssembler.copyTree(assembler.reactorRoot.resolve("docs"), assembler.out.resolve("docs"));
        System.out.println("Assembled " + files.size() + " features, " + bundles + " bundles copied into " + assembler.out
                + ", " + sdk + " artifacts in sdk/repository");
    }

    /** Copies the bundle into system/ unless it is there already (a reactor bundle is always copied afresh). */
    private boolean addToSystem(ID id) throws IOException {
        Path target = out.resolve("system").resolve(FeatureBundles.repositoryPath(id));
        if (Files.exists(target) && !OWN_GROUP.equals(id.getGroupId())) {
            return false;
        }
        Files.createDirectories(target.getParent());
        Files.copy(resolve(id), target, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    private Path resolve(ID id) throws IOException {
        if (OWN_GROUP.equals(id.getGroupId())) {
            String jar = id.getArtifactId() + "-" + id.getVersion() + ".jar";
            try (Stream<Path> found = Files.find(reactorRoot.resolve("bundles"), 4,
                    (path, attrs) -> path.getFileName().toString().equals(jar)
                            && path.getParent().getFileName().toString().equals("target"))) {
                return found.findFirst().orElseThrow(() -> new IOException(jar + " is not built; build the whole "
                        + "reactor (mvn package from the top folder) before the distribution."));
            }
        }
        File file = maven.resolve(id.getGroupId(), id.getArtifactId(), id.getClassifier().orElse(""),
                id.getType().orElse("jar"), id.getVersion());
        return file.toPath();
    }

    private void writeStartup(Feature platform) throws IOException {
        List<FeatureBundle> ordered = new ArrayList<>(platform.getBundles());
        ordered.sort(Comparator.comparingInt(FeatureBundles::startOrder));
        StringBuilder startup = new StringBuilder("# Generated from features/platform.json at build time: "
                + "start level, bundle location, file. Edit the feature, not this file.\n");
        for (FeatureBundle bundle : ordered) {
            startup.append(FeatureBundles.startOrder(bundle)).append(" ")
                    .append(FeatureBundles.location(bundle.getID())).append(" ")
                    .append("system/").append(FeatureBundles.repositoryPath(bundle.getID())).append('\n');
        }
        Files.createDirectories(out.resolve("conf"));
        Files.writeString(out.resolve("conf/startup.txt"), startup);
    }

}
