package org.carbonalliance.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes {@code sdk/repository/}, a Maven repository of everything a plugin author needs from the platform: the
 * API bundles of every capability, the test kit (with the persistence it runs), the bill of materials, the plugin
 * archetype and the parent POM those artifacts name. {@code bin/alliance sdk install} copies it into the local Maven
 * repository; third-party libraries and Maven's plugins come from Maven Central as for any project.
 */
public final class SdkAssembler {

    /** The artifacts with code, as module folder (under the reactor root) and artifactId. */
    private static final List<String[]> JARS = List.of(
            new String[] {"bundles/platform/api", "platform-api"},
            new String[] {"bundles/platform/persistence", "platform-persistence"},
            new String[] {"bundles/platform/testkit", "platform-testkit"},
            new String[] {"bundles/membership/membership-api", "membership-api"},
            new String[] {"bundles/patentpool/patentpool-api", "patentpool-api"},
            new String[] {"bundles/licensing/licensing-api", "licensing-api"},
            new String[] {"bundles/emissions/emissions-api", "emissions-api"},
            new String[] {"bundles/telemetry/telemetry-api", "telemetry-api"},
            new String[] {"bundles/sdk/alliance-plugin-archetype", "alliance-plugin-archetype"});

    private SdkAssembler() {
    }

    /** @return how many artifacts were written */
    static int write(Path reactorRoot, Path sdk, String version) throws IOException {
        Path repository = sdk.resolve("repository");
        put(reactorRoot.resolve("pom.xml"), repository, "carbon-alliance", version, "pom");
        put(reactorRoot.resolve("bundles/sdk/alliance-bom/pom.xml"), repository, "alliance-bom", version, "pom");
        for (String[] module : JARS) {
            Path folder = reactorRoot.resolve(module[0]);
            Path jar = folder.resolve("target").resolve(module[1] + "-" + version + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new IOException(jar + " is not built; build the whole reactor before the distribution.");
            }
            put(jar, repository, module[1], version, "jar");
            put(folder.resolve("pom.xml"), repository, module[1], version, "pom");
            Path sources = folder.resolve("src/main/java");
            if (Files.isDirectory(sources)) {
                writeSources(sources, repository.resolve("org/carbonalliance").resolve(module[1]).resolve(version)
                        .resolve(module[1] + "-" + version + "-sources.jar"));
            }
        }
        Files.writeString(sdk.resolve("VERSION"), version + "\n");
        copyTree(reactorRoot.resolve("bundles/examples"), sdk.resolve("examples"));
        return JARS.size() + 2;
    }

    /** Copies a folder of sources (no build output: {@code target/} folders are left out). */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path relative = from.relativize(file);
                if (isBuildOutput(relative)) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static boolean isBuildOutput(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals("target")) {
                return true;
            }
        }
        return false;
    }

    /** The sources jar an IDE shows the API's javadoc from. */
    private static void writeSources(Path sources, Path jar) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(sources.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    private static void put(Path file, Path repository, String artifactId, String version, String extension)
            throws IOException {
        Path folder = repository.resolve("org/carbonalliance").resolve(artifactId).resolve(version);
        Files.createDirectories(folder);
        Files.copy(file, folder.resolve(artifactId + "-" + version + "." + extension),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
