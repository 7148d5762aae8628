package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Assume;
import org.junit.Test;

/**
 * In headless Chromium (Debian's chromium package): the operator opens the console's Members page and approves an
 * application with the page's own Approve button, and the Patent pool and Emissions pages draw their charts. Skipped
 * where Chromium is missing, except in CI (environment CI=true), whose script installs the package.
 */
public class ConsoleBrowserIT {

    private static final String PASSWORD = "browser-test-operator-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHROMIUM = System.getProperty("alliance.chromium", "/usr/bin/chromium");

    private PackagedServer server;
    private Path home;
    private int port;

    @After
    public void stop() throws Exception {
        if (server != null) {
            server.alliance("stop");
        }
    }

    /** Unpacks and starts the packaged server; @return the work folder (for the browser profile). */
    private Path startServer() throws Exception {
        boolean required = "true".equals(System.getenv("CI"));
        Assume.assumeTrue("Chromium is not installed at " + CHROMIUM, required || Files.isExecutable(Path.of(CHROMIUM)));
        server = PackagedServer.unpack();
        home = server.home();
        port = server.port();
        assertEquals(0, server.alliance(Map.of("ALLIANCE_ADMIN_PASSWORD", PASSWORD), "start").exitCode());
        return home.getParent();
    }

    private Cdp browserLoggedIn(Path work) throws Exception {
        Cdp browser = Cdp.launch(CHROMIUM, work.resolve("profile"));
        browser.call("Network.enable", Map.of());
        browser.call("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))));
        browser.call("Page.enable", Map.of());
        return browser;
    }

    /**
     * The console's own buttons still work behind the cross-site guard: the browser sends their Origin. Installs a
     * bundle with the Install dialog, stops it with its Stop button, saves a configuration in the configuration dialog.
     */
    @Test
    public void consoleButtonsInstallStopAndSaveConfiguration() throws Exception {
        Path work = startServer();
        Http http = new Http(port);
        String operator = Http.basic("admin", PASSWORD);
        Path jar = Jars.bundle(work.resolve("browser-plugin.jar"), Map.of("Bundle-SymbolicName", "itest.browser",
                "Bundle-Version", "1.0.0"), null);
        String base = "http://127.0.0.1:" + port + "/system/console";
        try (Cdp browser = browserLoggedIn(work)) {
            browser.call("Page.navigate", Map.of("url", base + "/bundles"));
            waitFor(browser, "document.readyState === 'complete' && document.querySelectorAll('tr[id^=entry]').length > 5");
            browser.evaluate("document.querySelector('.installButton').click()");
            JsonNode input = browser.call("Runtime.evaluate", Map.of("expression",
                    "document.querySelector('#uploadDialog input[name=bundlefile]')"));
            browser.call("DOM.setFileInputFiles", Map.of("files", List.of(jar.toString()),
                    "objectId", input.path("result").path("objectId").asText()));
            browser.evaluate("document.querySelector('#uploadDialog input[name=bundlestart]').checked = true");
            browser.evaluate("[...document.querySelectorAll('.ui-dialog-buttonpane button')].find(b => "
                    + "b.textContent.includes('Install')).click()");
            String bundles = http.poll("/system/console/bundles.json", operator,
                    r -> r.body().contains("itest.browser"), Duration.ofSeconds(30)).body();
            assertTrue("installed from the dialog: " + bundles, bundles.contains("itest.browser"));
            String id = JSON.readTree(bundles).findParents("symbolicName").stream()
                    .filter(b -> b.get("symbolicName").asText().equals("itest.browser")).findFirst().orElseThrow()
                    .get("id").asText();

            browser.call("Page.navigate", Map.of("url", base + "/bundles"));
            waitFor(browser, "document.readyState === 'complete' && !!document.getElementById('entry" + id + "')");
            waitFor(browser, "document.getElementById('entry" + id + "').children[4].textContent === 'Active'");
            browser.evaluate("document.getElementById('entry" + id + "').children[5].querySelectorAll('li')[1].click()");
            waitFor(browser, "document.getElementById('entry" + id + "').children[4].textContent === 'Resolved'");

            browser.call("Page.navigate", Map.of("url", base + "/configMgr/org.carbonalliance.web"));
            waitFor(browser, "!!document.querySelector('.ui-dialog [name=maxBodyBytes]')");
            browser.evaluate("document.querySelector('.ui-dialog [name=maxBodyBytes]').value = '500000'");
            browser.evaluate("[...document.querySelectorAll('.ui-dialog-buttonpane button')].find(b => "
                    + "b.textContent.trim() === 'Save').click()");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Http.Response limited = http.postDeclaringLength("/api/membership/applications", null, 600_000);
            while (limited.status() != 413 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                limited = http.postDeclaringLength("/api/membership/applications", null, 600_000);
            }
            assertEquals("the saved limit applies: " + limited.body(), 413, limited.status());
            assertTrue(limited.body(), limited.body().contains("limit of 500000 bytes"));
        }
    }

    @Test
    public void operatorApprovesAnApplicationOnTheMembersPage() throws Exception {
        Path work = startServer();
        Http http = new Http(port);
        String operator = Http.basic("admin", PASSWORD);
        http.poll("/api/membership/applications", operator, r -> r.status() == 200, Duration.ofSeconds(90));
        String name = "Browser Test Energy Co";
        String id = JsonHolder.id(http.post("/api/membership/applications", null, "application/json",
                MembershipIT.application(name, "REG-BROWSER", "ops@browser.example")).body());

        try (Cdp browser = browserLoggedIn(work)) {
            browser.call("Page.navigate", Map.of("url", "http://127.0.0.1:" + port + "/system/console/members"));
            waitFor(browser, "document.readyState === 'complete' && !!document.getElementById('applications')");
            String clicked = browser.evaluate("(() => { const row = [...document.querySelectorAll('#applications tr')]"
                    + ".find(r => r.textContent.includes('" + name + "')); if (!row) return 'no row';"
                    + " row.querySelector(\"button[data-action='approve']\").click(); return 'clicked'; })()");
            assertEquals("clicked", clicked);
            waitFor(browser, "!!document.getElementById('members-message')");
            String message = browser.evaluate("document.getElementById('members-message').textContent");
            assertTrue(message, message.startsWith("Approved."));
            String shot = browser.call("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
            Files.write(work.resolve("members-page.png"), Base64.getDecoder().decode(shot));
        }
        assertTrue(http.get("/api/membership/applications/" + id, operator).body().contains("\"state\":\"approved\""));
    }

    /** A plugin uploaded on the Alliance page is shown for review, runs only once activated, with the page's buttons. */
    @Test
    public void aPluginIsUploadedReviewedAndActivatedOnTheAlliancePage() throws Exception {
        Path work = startServer();
        Http http = new Http(port);
        String operator = Http.basic("admin", PASSWORD);
        String version = System.getProperty("alliance.project.version");
        Path jar = home.resolve("system/org/carbonalliance/example-hello-servlet/" + version
                + "/example-hello-servlet-" + version + ".jar");
        http.poll("/system/console/alliance", operator, r -> r.status() == 200, Duration.ofSeconds(90));
        try (Cdp browser = browserLoggedIn(work)) {
            browser.call("Page.navigate", Map.of("url", "http://127.0.0.1:" + port + "/system/console/alliance"));
            waitFor(browser, "document.readyState === 'complete' && !!document.getElementById('plugin-upload')");
            JsonNode input = browser.call("Runtime.evaluate", Map.of("expression",
                    "document.querySelector('#plugin-upload input[type=file]')"));
            browser.call("DOM.setFileInputFiles", Map.of("files", List.of(jar.toString()),
                    "objectId", input.path("result").path("objectId").asText()));
            browser.evaluate("document.querySelector('#plugin-upload button[type=submit]').click()");
            waitFor(browser, "!!document.getElementById('plugin-review')");
            String review = browser.evaluate("document.getElementById('plugin-review').textContent");
            assertTrue(review, review.contains("org.carbonalliance.examples.hello"));
            assertTrue(browser.evaluate("document.getElementById('plugin-services').textContent")
                    .contains("org.carbonalliance.platform.api.rest.RestResource"));
            assertEquals("nothing runs before activation", 404, http.get("/api/hello", operator).status());
            browser.evaluate("document.querySelector('#plugin-activate button').click()");
            assertEquals(200, http.poll("/api/hello", null, r -> r.status() == 200, Duration.ofSeconds(30)).status());
            String shot = browser.call("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
            Files.write(work.resolve("alliance-plugins.png"), Base64.getDecoder().decode(shot));
        }
    }

    /** The Patent pool page's own script runs under the console's policy: uPlot draws both charts on canvases. */
    @Test
    public void patentPoolPageDrawsItsCharts() throws Exception {
        Path work = startServer();
        new Http(port).poll("/system/console/patentpool", Http.basic("admin", PASSWORD), r -> r.status() == 200,
                Duration.ofSeconds(90));
        try (Cdp browser = browserLoggedIn(work)) {
            browser.call("Page.navigate", Map.of("url", "http://127.0.0.1:" + port + "/system/console/patentpool"));
            waitFor(browser, "document.querySelectorAll('#pp-chart-tags canvas, #pp-chart-members canvas')"
                    + ".length == 2");
            assertEquals("true", browser.evaluate(
                    "String(document.querySelector('#pp-chart-tags canvas').width > 0)"));
        }
    }

    /** The Emissions page's script draws the roll-up chart on a canvas, even on a fresh server with no data. */
    @Test
    public void emissionsPageDrawsItsCharts() throws Exception {
        Path work = startServer();
        new Http(port).poll("/system/console/emissions", Http.basic("admin", PASSWORD), r -> r.status() == 200,
                Duration.ofSeconds(90));
        try (Cdp browser = browserLoggedIn(work)) {
            browser.call("Page.navigate", Map.of("url", "http://127.0.0.1:" + port + "/system/console/emissions"));
            waitFor(browser, "document.querySelectorAll('#em-chart-rollup canvas').length == 1");
            assertEquals("true", browser.evaluate(
                    "String(document.querySelector('#em-chart-rollup canvas').width > 0)"));
            assertEquals("", browser.evaluate("document.getElementById('em-chart-status').textContent"));
        }
    }

    @Test
    public void devicesPageDrawsAMetersChart() throws Exception {
        Path work = startServer();
        Http http = new Http(port);
        String operator = Http.basic("admin", PASSWORD);
        // A member over HTTP (application, approval, activation), its meter, and three readings of the last hours.
        Http.Response applied = http.post("/api/membership/applications", null, "application/json",
                MembershipIT.application("Chart Meter Co", "REG-CHART-1", "admin@chart-meter.example"));
        assertEquals(applied.body(), 201, applied.status());
        JsonNode approved = JSON.readTree(http.post("/api/membership/applications/" + JSON.readTree(applied.body())
                .get("id").asText() + "/approve", operator, "application/json", "").body());
        assertEquals(200, http.post("/api/identity/activate", null, "application/json", "{\"token\":\""
                + approved.get("activationToken").asText() + "\",\"password\":\"Chart-Meter-2030-pw\"}").status());
        String member = Http.basic("admin@chart-meter.example", "Chart-Meter-2030-pw");
        JsonNode device = JSON.readTree(http.post("/api/telemetry/devices", member, "application/json", "{\"name\":"
                + "\"Roof meter\",\"type\":\"electricity-meter\",\"metrics\":{\"energy\":\"kWh\"}}").body());
        String id = device.get("device").get("id").asText();
        long now = java.time.Instant.now().getEpochSecond();
        assertEquals(200, http.post("/api/telemetry/ingest", "Bearer " + device.get("token").asText(),
                "application/senml+json", "[{\"n\":\"energy\",\"u\":\"kWh\",\"bt\":" + (now - 7200) + ",\"v\":10},"
                        + "{\"n\":\"energy\",\"t\":3600,\"v\":12},{\"n\":\"energy\",\"t\":7000,\"v\":15}]").status());
        try (Cdp browser = browserLoggedIn(work)) {
            browser.call("Page.navigate", Map.of("url", "http://127.0.0.1:" + port + "/system/console/devices?device="
                    + id + "&metric=energy"));
            waitFor(browser, "document.querySelectorAll('#tm-chart canvas').length >= 1");
            assertEquals("true", browser.evaluate("String(document.querySelector('#tm-chart canvas').width > 0)"));
            assertEquals("", browser.evaluate("document.getElementById('tm-chart-status').textContent"));
        }
    }

    private static void waitFor(Cdp browser, String condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if ("true".equals(browser.evaluate("String(" + condition + ")"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("page never reached: " + condition + "; the page shows: " + browser.evaluate(
                "[...document.querySelectorAll('.ui-dialog')].map(d => d.innerHTML.slice(0, 1500)).join(' | ') + ' || '"
                        + " + document.body.innerText.slice(0, 600)"));
    }

    /** Reads the id out of a JSON answer. */
    private static final class JsonHolder {
        static String id(String body) throws Exception {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("id").asText();
        }
    }
}
