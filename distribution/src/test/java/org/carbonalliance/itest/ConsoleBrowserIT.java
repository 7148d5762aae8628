package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Assume;
import org.junit.Test;

/**
 * In headless Chromium (Debian's chromium package): the operator opens the console's Members page and approves an
 * application with the page's own Approve button. Skipped where Chromium is missing, except in CI (environment
 * CI=true), whose script installs the package.
 */
public class ConsoleBrowserIT {

    private static final String PASSWORD = "browser-test-operator-1";
    private static final String CHROMIUM = System.getProperty("alliance.chromium", "/usr/bin/chromium");

    private Path home;
    private int port;

    private int alliance(String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/alliance").toString(), command)
                .directory(new File("/")).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("ALLIANCE_HTTP_PORT", Integer.toString(port));
        builder.environment().put("ALLIANCE_ADMIN_PASSWORD", PASSWORD);
        Process process = builder.start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS));
        return process.exitValue();
    }

    @After
    public void stop() throws Exception {
        if (home != null) {
            alliance("stop");
        }
    }

    @Test
    public void operatorApprovesAnApplicationOnTheMembersPage() throws Exception {
        boolean required = "true".equals(System.getenv("CI"));
        Assume.assumeTrue("Chromium is not installed at " + CHROMIUM, required || Files.isExecutable(Path.of(CHROMIUM)));
        Path work = Path.of(System.getProperty("alliance.itest.work")).resolve("browser-" + System.currentTimeMillis());
        Files.createDirectories(work);
        assertEquals(0, new ProcessBuilder("tar", "xzf", System.getProperty("alliance.tarball"), "-C", work.toString())
                .inheritIO().start().waitFor());
        try (var dirs = Files.list(work)) {
            home = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertEquals(0, alliance("start"));
        Http http = new Http(port);
        String operator = Http.basic("admin", PASSWORD);
        http.poll("/api/membership/applications", operator, r -> r.status() == 200, Duration.ofSeconds(90));
        String name = "Browser Test Energy Co";
        String id = JsonHolder.id(http.post("/api/membership/applications", null, "application/json",
                MembershipIT.application(name, "REG-BROWSER", "ops@browser.example")).body());

        try (Cdp browser = Cdp.launch(CHROMIUM, work.resolve("profile"))) {
            browser.call("Network.enable", Map.of());
            browser.call("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))));
            browser.call("Page.enable", Map.of());
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

    private static void waitFor(Cdp browser, String condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if ("true".equals(browser.evaluate("String(" + condition + ")"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("page never reached: " + condition);
    }

    /** Reads the id out of a JSON answer. */
    private static final class JsonHolder {
        static String id(String body) throws Exception {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("id").asText();
        }
    }
}
