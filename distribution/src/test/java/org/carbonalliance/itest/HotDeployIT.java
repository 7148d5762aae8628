package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

/** Bundles dropped into deploy/ are installed, updated and uninstalled; broken ones are reported, not fatal. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployIT extends PlatformTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Path staging(String name) {
        return deployDir().getParent().resolve(name);
    }

    @Test
    public void installUpdateUninstallWithoutRestartingThePlatform() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, WAIT);
        List<String> stoppedPlatformBundles = new CopyOnWriteArrayList<>();
        BundleListener listener = event -> {
            String name = event.getBundle().getSymbolicName();
            if (event.getType() == BundleEvent.STOPPED && name != null && !name.startsWith("org.carbonalliance.examples")) {
                stoppedPlatformBundles.add(name);
            }
        };
        context.addBundleListener(listener);
        try {
            Files.copy(systemJar("example-hello-servlet"), staging("hello.jar"));
            Jars.deploy(staging("hello.jar"), deployDir(), "hello.jar");
            Http.Response installed = http.poll("/api/hello", null, r -> r.status() == 200, WAIT);
            assertEquals(installed.body(), 200, installed.status());
            assertTrue(installed.body(), installed.body().contains("\"bundleVersion\":\"0.1.0."));

            Jars.deploy(Jars.withVersion(systemJar("example-hello-servlet"), staging("hello-v2.jar"), "0.1.0.v2"),
                    deployDir(), "hello.jar");
            Http.Response updated = http.poll("/api/hello", null, r -> r.body().contains("0.1.0.v2"), WAIT);
            assertTrue(updated.body(), updated.body().contains("0.1.0.v2"));

            Files.delete(deployDir().resolve("hello.jar"));
            Http.Response removed = http.poll("/api/hello", operator(), r -> r.status() == 404, WAIT);
            assertEquals(404, removed.status());
            assertEquals("no platform bundle was restarted by a refresh", List.of(), stoppedPlatformBundles);
        } finally {
            context.removeBundleListener(listener);
        }
    }

    @Test
    public void aNewerVersionDroppedUnderAnotherNameReplacesTheDeployedOne() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, WAIT);
        Files.copy(systemJar("example-hello-servlet"), staging("hello-1.jar"));
        Jars.deploy(staging("hello-1.jar"), deployDir(), "my-plugin-1.0.0.jar");
        assertTrue(http.poll("/api/hello", null, r -> r.status() == 200, WAIT).body().contains("\"bundleVersion\":\"0.1.0."));
        Jars.deploy(Jars.withVersion(systemJar("example-hello-servlet"), staging("hello-2.jar"), "0.1.1.second"),
                deployDir(), "my-plugin-1.0.1.jar");
        try {
            assertTrue(http.poll("/api/hello", null, r -> r.body().contains("0.1.1.second"), WAIT).body()
                    .contains("0.1.1.second"));
            assertEquals("the older version is uninstalled, not kept beside the newer", 1, helloBundles(false));
            assertEquals(1, helloBundles(true));
            assertFalse("the older file left deploy/", Files.exists(deployDir().resolve("my-plugin-1.0.0.jar")));
            Path kept = Path.of(context.getProperty("alliance.data"), "replaced-plugins", "my-plugin-1.0.0.jar");
            assertTrue("the older file is kept for a roll-back", Files.exists(kept));
            Http.Response health = http.get("/api/health", operator());
            assertFalse(health.body(), health.body().contains("another version of"));
        } finally {
            Files.deleteIfExists(deployDir().resolve("my-plugin-1.0.0.jar"));
            Files.deleteIfExists(deployDir().resolve("my-plugin-1.0.1.jar"));
            http.poll("/api/hello", operator(), r -> r.status() == 404, WAIT);
        }
    }

    @Test
    public void aNewerVersionThatCannotStartLeavesTheDeployedOneServing() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, WAIT);
        Files.copy(systemJar("example-hello-servlet"), staging("hello-ok.jar"));
        Jars.deploy(staging("hello-ok.jar"), deployDir(), "my-plugin-1.0.0.jar");
        assertTrue(http.poll("/api/hello", null, r -> r.status() == 200, WAIT).body().contains("\"bundleVersion\":\"0.1.0."));
        String imports;
        try (java.util.jar.JarFile hello = new java.util.jar.JarFile(systemJar("example-hello-servlet").toFile())) {
            imports = hello.getManifest().getMainAttributes().getValue("Import-Package") + ",org.example.nowhere";
        }
        Jars.deploy(Jars.withHeaders(systemJar("example-hello-servlet"), staging("hello-broken.jar"),
                Map.of("Bundle-Version", "0.1.2.broken", "Import-Package", imports)), deployDir(),
                "my-plugin-1.0.2.jar");
        try {
            Path notStarted = Path.of(context.getProperty("alliance.data"), "replaced-plugins",
                    "my-plugin-1.0.2.jar.not-started");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!Files.exists(notStarted) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue("the version that cannot start is set aside", Files.exists(notStarted));
            assertTrue("the deployed file is back", Files.exists(deployDir().resolve("my-plugin-1.0.0.jar")));
            assertTrue(http.poll("/api/hello", null, r -> r.status() == 200, WAIT).body()
                    .contains("\"bundleVersion\":\"0.1.0."));
            assertEquals(1, helloBundles(true));
        } finally {
            Files.deleteIfExists(deployDir().resolve("my-plugin-1.0.0.jar"));
            Files.deleteIfExists(deployDir().resolve("my-plugin-1.0.2.jar"));
            http.poll("/api/hello", operator(), r -> r.status() == 404, WAIT);
        }
    }

    @Test
    public void anOlderVersionDroppedBesideTheDeployedOneDoesNotServeAndIsNamed() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, WAIT);
        Jars.deploy(Jars.withVersion(systemJar("example-hello-servlet"), staging("hello-new.jar"), "0.1.1.second"),
                deployDir(), "my-plugin-1.0.1.jar");
        assertTrue(http.poll("/api/hello", null, r -> r.body().contains("0.1.1.second"), WAIT).body()
                .contains("0.1.1.second"));
        Files.copy(systemJar("example-hello-servlet"), staging("hello-old.jar"));
        Jars.deploy(staging("hello-old.jar"), deployDir(), "my-plugin-1.0.0.jar");
        try {
            Http.Response health = http.poll("/api/health", operator(), r -> r.body().contains("my-plugin-1.0.0.jar"),
                    WAIT);
            assertTrue(health.body(), health.body().contains("another version of org.carbonalliance.examples.hello"));
            Thread.sleep(1500);   // FileInstall has tried to start it by now
            assertEquals("one version serves", 1, helloBundles(true));
            assertTrue(http.get("/api/hello").body().contains("0.1.1.second"));
            assertTrue("an older version does not replace the newer", Files.exists(deployDir()
                    .resolve("my-plugin-1.0.1.jar")));
            // Removing the newer lets the older start: the operator's choice of a roll-back.
            Files.delete(deployDir().resolve("my-plugin-1.0.1.jar"));
            assertTrue(http.poll("/api/hello", null, r -> r.body().contains("\"bundleVersion\":\"0.1.0."), WAIT)
                    .body().contains("\"bundleVersion\":\"0.1.0."));
        } finally {
            Files.deleteIfExists(deployDir().resolve("my-plugin-1.0.0.jar"));
            Files.deleteIfExists(deployDir().resolve("my-plugin-1.0.1.jar"));
            http.poll("/api/hello", operator(), r -> r.status() == 404, WAIT);
        }
    }

    /** @return how many hello bundles are installed, or active */
    private long helloBundles(boolean activeOnly) {
        return java.util.Arrays.stream(context.getBundles())
                .filter(b -> "org.carbonalliance.examples.hello".equals(b.getSymbolicName())
                        && (!activeOnly || b.getState() == org.osgi.framework.Bundle.ACTIVE)).count();
    }

    /** The failing bundles of an operator's health answer, as text. */
    private static String failing(Http.Response health) {
        try {
            return json(health).path("failingBundles").toString();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    public void brokenBundlesAreReportedWhileThePlatformKeepsServing() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, WAIT);
        Jars.deploy(Jars.bundle(staging("unresolvable.jar"), Map.of(
                "Bundle-SymbolicName", "itest.unresolvable", "Bundle-Version", "1.0.0",
                "Import-Package", "org.example.does.not.exist"), null), deployDir(), "unresolvable.jar");
        Jars.deploy(Jars.bundle(staging("throwing.jar"), Map.of(
                "Bundle-SymbolicName", "itest.throwing", "Bundle-Version", "1.0.0",
                "Bundle-Activator", FailingActivator.class.getName(),
                "Import-Package", "org.osgi.framework"), FailingActivator.class), deployDir(), "throwing.jar");

        try {
            Http.Response health = http.poll("/api/health", operator(), r -> failing(r).contains(
                    "itest.unresolvable 1.0.0 (INSTALLED)") && failing(r).contains("itest.throwing 1.0.0"), WAIT);
            assertEquals("the platform still answers", 200, health.status());
            assertEquals("DEGRADED", json(health).get("status").asText());
            String failing = json(health).get("failingBundles").toString();
            assertTrue(failing, failing.contains("itest.unresolvable 1.0.0 (INSTALLED)"));
            assertTrue(failing, failing.contains("itest.throwing 1.0.0"));

            String page = http.get("/system/console/alliance", operator()).body();
            assertTrue(page.contains("itest.unresolvable") && page.contains("itest.throwing"));
            String log = Files.readString(Path.of("target/itest/platform-it.log"));
            assertTrue("the failure is in the log", log.contains("this plugin fails on purpose"));
        } finally {
            Files.deleteIfExists(deployDir().resolve("unresolvable.jar"));
            Files.deleteIfExists(deployDir().resolve("throwing.jar"));
        }
        Http.Response healed = http.poll("/api/health", operator(), r -> r.body().startsWith("{\"status\":\"UP\""),
                WAIT);
        assertEquals(healed.body(), "UP", json(healed).get("status").asText());
    }

    @Test
    public void undeployableFilesAreNamedWithTheirCauseUntilRemoved() throws Exception {
        Http http = http();
        http.poll("/api/health", operator(), r -> r.body().startsWith("{\"status\":\"UP\""), WAIT);
        Path garbage = staging("garbage.jar");
        Files.write(garbage, "this is not a zip file at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Jars.deploy(garbage, deployDir(), "garbage.jar");
        Path noManifest = staging("no-manifest.jar");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(noManifest))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write('x');
            zip.closeEntry();
        }
        Jars.deploy(noManifest, deployDir(), "no-manifest.jar");
        Path truncated = staging("truncated.json");
        String feature = Files.readString(distribution().resolve("features/example-hello.json"));
        Files.writeString(truncated, feature.substring(0, feature.length() / 2));
        Jars.deploy(truncated, deployDir(), "truncated.json");

        Http.Response health = http.poll("/api/health", operator(), r -> r.body().contains("garbage.jar")
                && r.body().contains("no-manifest.jar") && r.body().contains("truncated.json"), WAIT);
        JsonNode deploy = json(health).at("/checks/deploy");
        assertEquals(health.body(), "DEGRADED", json(health).get("status").asText());
        assertEquals("DEGRADED", deploy.get("status").asText());
        String message = deploy.get("message").asText();
        assertTrue(message, message.contains("garbage.jar: not a jar (zip) file"));
        assertTrue(message, message.contains("no-manifest.jar: not an OSGi bundle: the jar has no META-INF/MANIFEST.MF"));
        assertTrue(message, message.contains("truncated.json: "));
        JsonNode anonymous = json(http.get("/api/health"));
        assertEquals("DEGRADED", anonymous.at("/checks/deploy/status").asText());
        assertTrue("anonymous callers get no causes", anonymous.at("/checks/deploy/message").isMissingNode());
        String page = http.get("/system/console/alliance", operator()).body();
        assertTrue(page, page.contains("garbage.jar") && page.contains("no-manifest.jar")
                && page.contains("truncated.json"));

        for (String name : new String[] {"garbage.jar", "no-manifest.jar", "truncated.json"}) {
            Files.delete(deployDir().resolve(name));
        }
        Http.Response healed = http.poll("/api/health", operator(), r -> r.body().startsWith("{\"status\":\"UP\""),
                WAIT);
        assertEquals(healed.body(), "UP", json(healed).get("status").asText());
    }
}
