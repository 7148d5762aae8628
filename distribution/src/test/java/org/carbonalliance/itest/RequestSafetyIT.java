package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Requests that are malformed, oversized, stalled or crafted to forge logs get a clear answer in the error shape and
 * change nothing: 405 with Allow, 429 with Retry-After, duplicate JSON keys, chunked bodies over the limit, a body that
 * stops arriving, control and bidi characters in public names, newlines in a user name.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RequestSafetyIT extends PlatformTestSupport {

    private static final String APPS = "/api/membership/applications";
    private static final Path LOG = Path.of("target/itest/platform-it.log");

    /** A short idle timeout, so the stalled-body test does not wait a minute. */
    @Override
    @Configuration
    public Option[] config() throws java.io.IOException {
        Option[] options = super.config();
        Option[] more = Arrays.copyOf(options, options.length + 1);
        more[options.length] = frameworkProperty("org.apache.felix.http.timeout").value("2000");
        return more;
    }

    private RawHttp raw() {
        return new RawHttp(Integer.parseInt(context.getProperty("org.osgi.service.http.port")));
    }

    private void ready() throws Exception {
        http().poll(APPS, operator(), r -> r.status() == 200, Duration.ofSeconds(30));
    }

    @Test
    public void wrongMethodsGet405WithAllow() throws Exception {
        ready();
        RawHttp.Response delete = raw().send("DELETE", "/api/health", null);
        assertEquals(delete.body(), 405, delete.status());
        assertEquals("GET, HEAD, OPTIONS", delete.header("Allow"));
        assertTrue(delete.body(), delete.body().startsWith("{\"error\":{\"code\":\"method-not-allowed\""));
        RawHttp.Response put = raw().send("PUT", "/api/identity/keys", "{}", "Authorization: " + operator(),
                "Content-Type: application/json");
        assertEquals(405, put.status());
        assertEquals("the methods of this very path", "GET, HEAD, POST, OPTIONS", put.header("Allow"));
    }

    @Test
    public void tooManyApplicationsGet429WithRetryAfter() throws Exception {
        ready();
        RawHttp.Response last = null;
        for (int i = 0; i < 11; i++) {
            last = raw().send("POST", APPS, MembershipIT.application("Rate Test " + i, "RATE-" + i, "r" + i
                    + "@rate.example"), "Content-Type: application/json");
        }
        assertEquals(last.body(), 429, last.status());
        long retryAfter = Long.parseLong(last.header("Retry-After"));
        assertTrue("within the hour: " + retryAfter, retryAfter > 0 && retryAfter <= 3600);
    }

    @Test
    public void duplicateKeysAndOversizedChunkedBodiesAreClientErrors() throws Exception {
        ready();
        String duplicate = MembershipIT.application("Dup Keys Ltd", "DUP-1", "a@dup.example")
                .replace("{\"organisationName\"", "{\"organisationName\":\"Other\",\"organisationName\"");
        RawHttp.Response dup = raw().send("POST", APPS, duplicate, "Content-Type: application/json");
        assertEquals(dup.body(), 400, dup.status());
        assertTrue(dup.body(), dup.body().contains("organisationName") && dup.body().contains("twice"));

        byte[] chunk = ("{\"organisationName\":\"" + "x".repeat(64 * 1024)).getBytes(StandardCharsets.UTF_8);
        RawHttp.Response chunked = raw().exchange(out -> {
            out.write(("POST " + APPS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 40; i++) {
                byte[] data = i == 0 ? chunk : "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
                out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(data);
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        });
        assertEquals(chunked.body(), 413, chunked.status());
        assertTrue(chunked.body(), chunked.body().contains("payload-too-large"));
    }

    @Test
    public void controlAndBidiCharactersAreRefusedInPublicNames() throws Exception {
        ready();
        for (String bad : new String[] {"Evil\\u0000Corp", "Evil\\nCorp", "\\u202Eproc Ltd", "Iso\\u2066late Ltd"}) {
            RawHttp.Response refused = raw().send("POST", APPS, MembershipIT.application(bad, "CTRL-1",
                    "ctrl@ctrl.example"), "Content-Type: application/json");
            assertEquals(bad + ": " + refused.body(), 400, refused.status());
            assertTrue(refused.body(), refused.body().contains("organisationName: contains a"));
        }
        String directory = http().get("/api/membership/members").body();
        assertFalse(directory.contains("Corp"));
    }

    @Test
    public void aStalledBodyGets408AndOneWarning() throws Exception {
        ready();
        long before = Files.size(LOG);
        RawHttp.Response stalled = raw().exchange(out -> {
            out.write(("POST " + APPS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"organisationName\":")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            // ... and nothing more: the idle timeout (2 s here) ends the wait.
        });
        assertEquals(stalled.body(), 408, stalled.status());
        assertTrue(stalled.body(), stalled.body().contains("request-timeout"));
        Thread.sleep(500);
        byte[] log = Files.readAllBytes(LOG); // a byte offset: the log holds multi-byte characters (Chinese titles)
        String added = new String(log, (int) before, log.length - (int) before, StandardCharsets.UTF_8);
        assertTrue(added, added.contains("WARN") && added.contains("did not arrive"));
        assertFalse("no stack trace: " + added, added.contains("\tat "));
        assertFalse(added, added.contains(" ERROR "));
    }

    @Test
    public void aUserNameWithNewlinesCannotForgeLogLines() throws Exception {
        ready();
        // No ':' in it: Basic credentials end the user name at the first colon.
        String forged = "nobody\n2026-11-26 12.00.00,000 INFO  [main] forged - FORGED-LINE\u0000";
        String header = "Basic " + Base64.getEncoder().encodeToString((forged + ":wrong-password")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(401, raw().send("GET", "/api/identity/keys", null, "Authorization: " + header).status());
        Thread.sleep(300);
        String log = Files.readString(LOG);
        assertTrue("the attempt is logged, escaped", log.contains("nobody\\n2026-11-26 12.00.00,000 INFO  [main] "
                + "forged - FORGED-LINE\\u0000"));
        assertFalse("no line starts with the forged text", log.lines().anyMatch(l -> l.startsWith("2026-11-26 12.00")));
        assertFalse("no NUL written raw", log.contains("\u0000"));
    }
}
