package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Features: hot deploy of feature files, shared bundles, configurations, Gogo commands and the console page. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FeatureIT extends PlatformTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String VERSION = System.getProperty("alliance.project.version");
    private static final String HELLO = "mvn:org.carbonalliance/example-hello-servlet/" + VERSION;
    private static final String NOTES = "mvn:org.carbonalliance/example-field-notes/" + VERSION;

    @Inject
    private CommandProcessor gogo;

    @Inject
    private ConfigurationAdmin configAdmin;

    private static String feature(String artifactId, String config, String... bundles) {
        StringBuilder json = new StringBuilder("{\"feature-resource-version\":\"1.0\",\"id\":\"itest:" + artifactId
                + ":osgifeature:1.0\",\"bundles\":[");
        for (int i = 0; i < bundles.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"org.carbonalliance:").append(bundles[i]).append(':')
                    .append(VERSION).append("\",\"start-order\":6}");
        }
        return json.append("]").append(config == null ? "" : ",\"configurations\":" + config).append("}").toString();
    }

    private void deployFeature(String name, String json) throws Exception {
        Path staged = deployDir().getParent().resolve(name);
        Files.writeString(staged, json);
        Jars.deploy(staged, deployDir(), name);
    }

    private String gogo(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (CommandSession session = gogo.createSession(System.in, print, print)) {
            Object result = session.execute(command);
            return out.toString(StandardCharsets.UTF_8) + (result == null ? "" : result.toString());
        }
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.call() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue("condition met within " + WAIT, condition.call());
    }

    @Test
    public void sharedBundleStaysUntilTheLastFeatureNeedingItGoes() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, WAIT);
        deployFeature("hello-only.json", feature("hello-only", "{\"itest.sample\":{\"greeting\":\"hi\"}}",
                "example-hello-servlet"));
        assertEquals(200, http.poll("/api/hello", null, r -> r.status() == 200, WAIT).status());
        Configuration sample = configAdmin.getConfiguration("itest.sample", "?");
        assertEquals("the feature's configuration is applied", "hi", sample.getProperties().get("greeting"));

        deployFeature("hello-and-notes.json", feature("hello-and-notes", null, "example-hello-servlet",
                "example-field-notes"));
        assertEquals("served (a member's own data: operators are refused)", 403,
                http.poll("/api/field-notes", operator(), r -> r.status() == 403, WAIT).status());

        Files.delete(deployDir().resolve("hello-only.json"));
        waitUntil(() -> !gogo("feature:list").contains("itest:hello-only"));
        assertEquals("still needed by hello-and-notes", 200, http.get("/api/hello").status());
        assertNotNull(context.getBundle(HELLO));
        assertNull("its configuration went with it", configAdmin.listConfigurations("(service.pid=itest.sample)"));

        Files.delete(deployDir().resolve("hello-and-notes.json"));
        waitUntil(() -> context.getBundle(HELLO) == null && context.getBundle(NOTES) == null);
        assertEquals(404, http.get("/api/hello", operator()).status());
        assertNotNull("platform bundles stay", context.getBundle("mvn:org.carbonalliance/platform-api/" + VERSION));
    }

    @Test
    public void gogoCommandsListInstallAndUninstall() throws Exception {
        String list = gogo("feature:list");
        assertTrue(list, list.contains("org.carbonalliance:platform:osgifeature"));
        assertTrue(list, list.contains("example-hello.json"));

        assertTrue(gogo("feature:install example-hello").contains("Installed org.carbonalliance:example-hello"));
        assertEquals(200, http().poll("/api/hello", null, r -> r.status() == 200, WAIT).status());
        gogo("feature:uninstall org.carbonalliance:example-hello:osgifeature:" + VERSION);
        assertNull(context.getBundle(HELLO));

        Exception e = assertThrows(Exception.class,
                () -> gogo("feature:uninstall org.carbonalliance:platform:osgifeature:" + VERSION));
        assertTrue(e.getMessage(), e.getMessage().contains("cannot be uninstalled"));
    }

    @Test
    public void featureWithAMissingBundleInstallsNothing() throws Exception {
        Path broken = deployDir().getParent().resolve("broken-feature.json");
        Files.writeString(broken, "{\"feature-resource-version\":\"1.0\",\"id\":\"itest:broken:osgifeature:1.0\","
                + "\"bundles\":[{\"id\":\"org.carbonalliance:example-field-notes:" + VERSION + "\"},"
                + "{\"id\":\"org.carbonalliance:no-such-bundle:9.9.9\"}]}");
        Exception e = assertThrows(Exception.class, () -> gogo("feature:install " + broken));
        assertTrue(e.getMessage(), e.getMessage().contains("itest:broken"));
        assertNull("rolled back", context.getBundle(NOTES));
        assertTrue(!gogo("feature:list").contains("itest:broken"));
    }

    @Test
    public void consolePageInstallsAndUninstallsWithCsrfProtection() throws Exception {
        Http http = http();
        String page = http.poll("/system/console/alliance", operator(), r -> r.status() == 200, WAIT).body();
        Matcher token = Pattern.compile("name='csrf' value='([0-9a-f]+)'").matcher(page);
        assertTrue(page, token.find());

        Http.Response forged = http.consolePost("/system/console/alliance", operator(), "action=install&target=example-hello.json&csrf=forged");
        assertEquals(403, forged.status());
        assertNull(context.getBundle(HELLO));

        Http.Response installed = http.consolePost("/system/console/alliance", operator(), "action=install&target=example-hello.json&csrf=" + token.group(1));
        assertEquals(302, installed.status());
        assertNotNull(context.getBundle(HELLO));
        assertTrue(http.get("/system/console/alliance", operator()).body().contains("Example: hello servlet"));

        http.consolePost("/system/console/alliance", operator(), "action=uninstall&target=org.carbonalliance:example-hello:osgifeature:" + VERSION + "&csrf="
                        + token.group(1));
        assertNull(context.getBundle(HELLO));
    }
}
