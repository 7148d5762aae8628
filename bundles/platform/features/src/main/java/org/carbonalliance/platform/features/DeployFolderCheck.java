package org.carbonalliance.platform.features;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.carbonalliance.platform.api.health.HealthCheck;
import org.carbonalliance.platform.api.health.HealthResult;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Files in deploy/ that cannot be deployed, with the cause, for as long as they lie there unchanged: jars that are not
 * zip files, have no manifest or are not OSGi bundles (checked here, since FileInstall only logs them), and feature
 * files that failed to install (reported by {@link FeatureDeployer}). Shown in /api/health (check "deploy", DEGRADED)
 * and on the console's Alliance page.
 */
@Component(service = {DeployProblems.class, HealthCheck.class})
public class DeployFolderCheck implements DeployProblems, HealthCheck {

    /** A failure (or none: null cause) found for a file, valid while the file keeps the size and time it had then. */
    private record Reported(String cause, long size, long modified) {
    }

    private final Path deployDir;
    private final Map<Path, Reported> reported = new ConcurrentHashMap<>();
    /** A jar read once: why it cannot be a bundle (or null), its symbolic name, for its size and time then. */
    private record CheckedJar(String cause, String name, long size, long modified) {
    }

    private final Map<Path, CheckedJar> checkedJars = new ConcurrentHashMap<>();

    @Activate
    public DeployFolderCheck(BundleContext context) {
        String dir = context.getProperty("felix.fileinstall.dir");
        this.deployDir = dir == null ? null : Path.of(dir);
    }

    @Override
    public String name() {
        return "deploy";
    }

    @Override
    public HealthResult check() {
        Map<String, String> problems = problems();
        if (problems.isEmpty()) {
            return HealthResult.up("Every file in deploy/ is deployed.");
        }
        StringBuilder message = new StringBuilder();
        problems.forEach((file, cause) -> message.append(message.length() == 0 ? "" : "; ").append(file).append(": ")
                .append(cause));
        return HealthResult.degraded(message.toString());
    }

    @Override
    public void featureFailed(Path file, String cause) {
        try {
            reported.put(file, new Reported(cause, Files.size(file), Files.getLastModifiedTime(file).toMillis()));
        } catch (IOException e) {
            reported.remove(file);
        }
    }

    @Override
    public void featureDeployed(Path file) {
        reported.remove(file);
    }

    @Override
    public Map<String, String> problems() {
        Map<String, String> problems = new TreeMap<>();
        reported.forEach((file, failure) -> {
            if (unchanged(file, failure)) {
                problems.put(file.getFileName().toString(), failure.cause());
            } else {
                reported.remove(file, failure);
            }
        });
        if (deployDir == null || !Files.isDirectory(deployDir)) {
            return problems;
        }
        Map<String, Path> bySymbolicName = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(deployDir, "*.jar")) {
            // Oldest first: of two versions, the file dropped later is the one that does not serve.
            java.util.List<Path> jars = new java.util.ArrayList<>();
            stream.forEach(jars::add);
            jars.sort(java.util.Comparator.comparingLong(DeployDir::modified).thenComparing(Path::toString));
            for (Path jar : jars) {
                CheckedJar checked = checked(jar);
                if (checked == null) {
                    continue; // gone meanwhile
                }
                if (checked.cause() != null) {
                    problems.put(jar.getFileName().toString(), checked.cause());
                    continue;
                }
                String name = checked.name();
                Path first = name == null ? null : bySymbolicName.putIfAbsent(name, jar);
                if (first != null) {
                    problems.put(jar.getFileName().toString(), "another version of " + name + " is deployed from "
                            + first.getFileName() + "; only one version serves: a newer version replaces the deployed one (whose file is moved to"
                            + " data/replaced-plugins/), an older or equal one is not started (remove one of the two)");
                }
            }
        } catch (IOException e) {
            problems.put("deploy/", "cannot be read: " + e.getMessage());
        }
        return problems;
    }

    private static boolean unchanged(Path file, Reported failure) {
        try {
            return Files.size(file) == failure.size()
                    && Files.getLastModifiedTime(file).toMillis() == failure.modified();
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads a jar again only when its size or time changed: health requests (anonymous too) cost a stat each. */
    private CheckedJar checked(Path jar) {
        try {
            long size = Files.size(jar);
            long modified = Files.getLastModifiedTime(jar).toMillis();
            CheckedJar known = checkedJars.get(jar);
            if (known == null || known.size() != size || known.modified() != modified) {
                String cause = jarProblem(jar);
                known = new CheckedJar(cause, cause == null ? symbolicName(jar) : null, size, modified);
                checkedJars.put(jar, known);
            }
            return known;
        } catch (IOException e) {
            checkedJars.remove(jar);
            return null;
        }
    }

    /** @return the jar's Bundle-SymbolicName without directives, or null */
    private static String symbolicName(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String name = file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
            return name == null ? null : name.split(";")[0].strip();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** @return why {@code jar} cannot be a bundle, or null when it can */
    static String jarProblem(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return "not an OSGi bundle: the jar has no META-INF/MANIFEST.MF";
            }
            Attributes main = manifest.getMainAttributes();
            if (main.getValue("Bundle-SymbolicName") == null) {
                return "not an OSGi bundle: its manifest has no Bundle-SymbolicName";
            }
            return null;
        } catch (IOException e) {
            return "not a jar (zip) file: " + e.getMessage();
        }
    }
}
