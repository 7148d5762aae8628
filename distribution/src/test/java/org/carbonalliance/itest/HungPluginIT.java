package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.carbonalliance.membership.api.OnboardingCheck;
import org.carbonalliance.platform.api.health.HealthCheck;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * A plugin whose extension-point methods never return (and ignore interrupts) cannot stall the platform: an
 * application is accepted within the onboarding check's 5 s with a warning naming the check, {@code /api/health}
 * answers within its 2 s per check, DEGRADED, naming the plugin's bundle under {@code plugins} and at its own hung
 * check, other endpoints keep answering, and after four hung calls the plugin is not called again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HungPluginIT extends PlatformTestSupport {

    private static final String APPS = "/api/membership/applications";
    private static final String BUNDLE = "itest.hung";
    private static final String PLUGIN = BUNDLE + " 1.0.0";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Runs the test's HTTP calls, so that a hang fails the test instead of holding it. */
    private final ExecutorService client = Executors.newCachedThreadPool();

    @After
    public void stopClient() {
        client.shutdownNow();
    }

    /** @return the answer of {@code request}, failing when it takes longer than {@code limit} */
    private Http.Response within(Duration limit, Callable<Http.Response> request) throws Exception {
        Future<Http.Response> answer = client.submit(request);
        try {
            return answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new AssertionError("no answer within " + limit.toSeconds() + " s", e);
        }
    }

    private static long secondsSince(long start) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    }

    private boolean registeredByPlugin(Class<?> type) throws Exception {
        ServiceReference<?>[] references = context.getServiceReferences(type.getName(), null);
        return references != null && Arrays.stream(references)
                .anyMatch(r -> r.getBundle() != null && BUNDLE.equals(r.getBundle().getSymbolicName()));
    }

    private boolean pluginInstalled() {
        return Arrays.stream(context.getBundles()).anyMatch(b -> BUNDLE.equals(b.getSymbolicName())
                && b.getState() != Bundle.UNINSTALLED);
    }

    private JsonNode submit(Http http, String organisation, String registration) throws Exception {
        Http.Response submitted = within(Duration.ofSeconds(20), () -> http.post(APPS, null, "application/json",
                MembershipIT.application(organisation, registration, registration.toLowerCase() + "@example.org")));
        assertEquals(submitted.body(), 201, submitted.status());
        return json(http.get(APPS + "/" + json(submitted).get("id").asText(), operator()));
    }

    /** @return the finding of the hung check in an application as the secretariat reads it */
    private static JsonNode hungFinding(JsonNode application) {
        for (JsonNode finding : application.get("findings")) {
            if (HungPlugin.NAME.equals(finding.get("check").asText())) {
                return finding;
            }
        }
        throw new AssertionError("no finding of " + HungPlugin.NAME + ": " + application);
    }

    @Test
    public void aPluginThatHangsIsCutOffNamedInHealthAndNotCalledAgainOnceItHangsFourTimes() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(60));
        Path staged = deployDir().getParent().resolve("hung-plugin.jar");
        Jars.bundle(staged, Map.of("Bundle-SymbolicName", BUNDLE, "Bundle-Version", "1.0.0",
                "Bundle-Activator", HungPlugin.class.getName(),
                "Import-Package", "org.osgi.framework,org.carbonalliance.membership.api,"
                        + "org.carbonalliance.platform.api.health"), HungPlugin.class);
        Jars.deploy(staged, deployDir(), "hung-plugin.jar");
        try {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!(registeredByPlugin(OnboardingCheck.class) && registeredByPlugin(HealthCheck.class))
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue("the plugin registered its checks", registeredByPlugin(OnboardingCheck.class));

            // An application is accepted when the check's 5 s are up, with a warning naming the check.
            long start = System.nanoTime();
            JsonNode first = submit(http, "Hung Plugin Test One", "HUNG-0001");
            assertTrue("accepted in " + secondsSince(start) + " s", secondsSince(start) < 10);
            JsonNode warning = hungFinding(first);
            assertEquals("warning", warning.get("level").asText());
            assertTrue(warning.toString(), warning.get("message").asText().contains("did not finish within 5 s"));

            // Health answers within its limit, DEGRADED, naming the plugin and its hung check.
            start = System.nanoTime();
            Http.Response health = within(Duration.ofSeconds(15), () -> http.get("/api/health", operator()));
            assertTrue("health answered in " + secondsSince(start) + " s", secondsSince(start) < 6);
            assertEquals(health.body(), 200, health.status());
            JsonNode report = json(health);
            assertEquals(health.body(), "DEGRADED", report.get("status").asText());
            JsonNode plugins = report.at("/checks/plugins");
            assertEquals(health.body(), "DEGRADED", plugins.get("status").asText());
            String named = plugins.get("message").asText();
            assertTrue(named, named.contains(PLUGIN + ": ") && named.contains("OnboardingCheck 'hung-plugin'.check"));
            JsonNode hungCheck = report.at("/checks/" + HungPlugin.NAME);
            assertEquals(health.body(), "DEGRADED", hungCheck.get("status").asText());
            assertTrue(hungCheck.toString(), hungCheck.get("message").asText().contains(PLUGIN)
                    && hungCheck.get("message").asText().contains("did not answer within 2 s"));
            assertEquals("UP", report.at("/checks/database/status").asText());

            start = System.nanoTime();
            Http.Response anonymous = within(Duration.ofSeconds(15), () -> http.get("/api/health"));
            assertTrue("health answered in " + secondsSince(start) + " s", secondsSince(start) < 6);
            assertEquals(200, anonymous.status());
            assertFalse("anonymous callers learn no bundle names", anonymous.body().contains(BUNDLE));

            // Other endpoints keep answering meanwhile.
            Http.Response directory = within(Duration.ofSeconds(10), () -> http.get("/api/membership/members"));
            assertEquals(directory.body(), 200, directory.status());

            // Three more submissions leave four calls hanging: the fifth does not call the plugin at all.
            for (int i = 2; i <= 4; i++) {
                start = System.nanoTime();
                submit(http, "Hung Plugin Test " + i, "HUNG-000" + i);
                assertTrue("accepted in " + secondsSince(start) + " s", secondsSince(start) < 10);
            }
            start = System.nanoTime();
            JsonNode fifth = submit(http, "Hung Plugin Test Five", "HUNG-0005");
            assertTrue("accepted at once, in " + secondsSince(start) + " s", secondsSince(start) < 3);
            assertTrue(fifth.toString(), hungFinding(fifth).get("message").asText().contains("was not run"));
            String message = json(within(Duration.ofSeconds(15), () -> http.get("/api/health", operator())))
                    .at("/checks/plugins/message").asText();
            assertTrue(message, message.contains("4 calls still running past their limit"));
            assertTrue(message, message.contains("refused as hung"));
        } finally {
            Files.deleteIfExists(deployDir().resolve("hung-plugin.jar"));
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (pluginInstalled() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertFalse("the plugin was removed", pluginInstalled());
        // Once its bundle is gone and its stuck calls have ended, the platform forgets it.
        Http.Response healed = http.poll("/api/health", operator(), HungPluginIT::forgotten, WAIT);
        assertTrue(healed.body(), forgotten(healed));
    }

    /** @return whether a health answer is over the plugin: {@code plugins} UP, its hung check gone */
    private static boolean forgotten(Http.Response health) {
        try {
            JsonNode checks = json(health).get("checks");
            return checks != null && "UP".equals(checks.at("/plugins/status").asText())
                    && !checks.has(HungPlugin.NAME);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
