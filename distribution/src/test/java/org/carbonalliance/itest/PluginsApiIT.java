package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.inject.Inject;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.audit.AuditRecord;
import org.carbonalliance.platform.api.security.IdentityService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Plugins through {@code /api/platform/plugins} and the console's Alliance page: an upload is described (symbolic
 * name, version, imports, services, SHA-256) before anything of it runs; activating writes it into deploy/, where hot
 * deploy starts it; removing deletes it. Activation names the SHA-256 the review showed. A feature is reviewed with
 * its bundles and configurations; one that configures a platform PID is refused. Each step is in the audit log with
 * the file's SHA-256. Only operators may do any of it, garbage changes nothing, and no name a request sends reaches
 * outside deploy/.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginsApiIT extends PlatformTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PLUGINS = "/api/platform/plugins";
    private static final String JAR = "application/java-archive";
    private static final String HELLO = "org.carbonalliance.examples.hello";
    private static final String VERSION = System.getProperty("alliance.project.version", "0.1.0-SNAPSHOT");
    private static final String HELLO_COORDINATES = "org.carbonalliance:example-hello-servlet:" + VERSION;
    private static final String HELLO_LOCATION = "mvn:org.carbonalliance/example-hello-servlet/" + VERSION;

    @Inject
    private IdentityService identity;

    @Inject
    private AuditLog audit;

    /** A member-admin's login: a logged-in caller without the operator's role. */
    private static String member;

    private String member() throws Exception {
        if (member == null) {
            member = memberAdmin(identity, identity.createTenant("Plugins member"), "admin@plugins-member.example");
        }
        return member;
    }

    /** The client, once the plugins endpoint answers (it needs the audit log, so the database). */
    private Http ready() throws Exception {
        Http http = http();
        Http.Response list = http.poll(PLUGINS, operator(), r -> r.status() == 200, WAIT);
        assertEquals(list.body(), 200, list.status());
        return http;
    }

    private RawHttp raw() {
        return new RawHttp(port());
    }

    private int port() {
        return Integer.parseInt(context.getProperty("org.osgi.service.http.port"));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private List<String> deployFiles() throws IOException {
        try (Stream<Path> files = Files.list(deployDir())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private List<String> stagedFiles() throws IOException {
        Path staging = Path.of(context.getProperty("alliance.data"), "plugin-uploads");
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(staging)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** The newest audit entry of {@code action} about {@code target}, waited for a few seconds. */
    private AuditRecord audited(String action, String target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (AuditRecord entry : audit.recent(500)) {
                if (entry.action().equals(action) && target.equals(entry.target())) {
                    return entry;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no audit entry " + action + " for " + target);
    }

    private static boolean any(JsonNode array, Predicate<JsonNode> test) {
        for (JsonNode item : array) {
            if (test.test(item)) {
                return true;
            }
        }
        return false;
    }

    private static void assertError(Http.Response response, int status, String code) throws IOException {
        assertEquals(response.body(), status, response.status());
        JsonNode error = json(response).get("error");
        assertNotNull(response.body(), error);
        assertEquals(response.body(), code, error.get("code").asText());
    }

    /** Activates an upload, naming the SHA-256 its review showed (and nothing it replaces). */
    private Http.Response activate(Http http, String id, String sha256, String authorization) throws Exception {
        return http.post(PLUGINS + "/staged/" + id + "/activation", authorization, "application/json",
                "{\"sha256\":\"" + sha256 + "\"}");
    }

    @Test
    public void anOperatorUploadsReviewsActivatesAndRemovesABundle() throws Exception {
        Http http = ready();
        byte[] jar = Files.readAllBytes(systemJar("example-hello-servlet"));
        String sha = sha256(jar);
        assertEquals("the example is not running yet", 404, http.get("/api/hello", operator()).status());
        List<String> before = deployFiles();

        // Operators only.
        assertError(http.postBytes(PLUGINS, null, JAR, jar), 401, "unauthorized");
        assertError(http.postBytes(PLUGINS, member(), JAR, jar), 403, "forbidden");
        assertError(http.get(PLUGINS), 401, "unauthorized");
        assertError(http.get(PLUGINS, member()), 403, "forbidden");

        Http.Response uploaded = http.postBytes(PLUGINS, operator(), JAR, jar);
        assertEquals(uploaded.body(), 201, uploaded.status());
        JsonNode upload = json(uploaded);
        String id = upload.get("id").asText();
        String version = upload.get("version").asText();
        String file = HELLO + "-" + version + ".jar";
        try {
            assertEquals("bundle", upload.get("kind").asText());
            assertEquals(HELLO, upload.get("symbolicName").asText());
            assertTrue(version, version.startsWith("0.1.0."));
            assertEquals("Example: hello servlet", upload.get("name").asText());
            assertTrue(upload.toString(), any(upload.get("imports"), i -> i.get("package").asText()
                    .equals("org.carbonalliance.platform.api.rest") && i.get("version").asText().matches("\\[1\\.\\d+,2\\)")
                    && !i.get("optional").asBoolean()));
            assertTrue(upload.toString(), any(upload.get("services"),
                    s -> s.asText().equals("org.carbonalliance.platform.api.rest.RestResource")));
            assertEquals(sha, upload.get("sha256").asText());
            assertEquals(jar.length, upload.get("size").asLong());
            assertTrue(upload.toString(), upload.get("replaces").isNull());
            assertTrue(upload.toString(), upload.get("conflict").isNull());
            assertFalse(upload.get("expiresAt").asText().isEmpty());
            AuditRecord staged = audited("platform.plugin-uploaded", id);
            assertTrue(staged.after(), staged.after().contains(sha));
            assertEquals("admin", staged.actor());

            // Nothing of it runs before activation.
            Thread.sleep(1000); // FileInstall scans every 250 ms
            assertEquals(404, http.get("/api/hello", operator()).status());
            assertEquals(before, deployFiles());
            Http.Response again = http.get(PLUGINS + "/staged/" + id, operator());
            assertEquals(again.body(), 200, again.status());
            assertEquals(sha, json(again).get("sha256").asText());
            assertError(http.get(PLUGINS + "/staged/" + id, member()), 403, "forbidden");
            assertError(activate(http, id, sha, member()), 403, "forbidden");
            assertError(activate(http, id, sha, null), 401, "unauthorized");

            Http.Response activated = activate(http, id, sha, operator());
            assertEquals(activated.body(), 202, activated.status());
            assertEquals(file, json(activated).get("file").asText());
            assertTrue(activated.body(), json(activated).get("replaces").isNull());
            assertTrue(deployFiles().contains(file));
            Http.Response hello = http.poll("/api/hello", null, r -> r.status() == 200, WAIT);
            assertEquals(hello.body(), 200, hello.status());
            AuditRecord installed = audited("platform.plugin-installed", file);
            assertTrue(installed.after(), installed.after().contains(sha));
            assertTrue(installed.after(), installed.after().contains(HELLO) && installed.after().contains(version));
            assertEquals("admin", installed.actor());
            assertError(http.get(PLUGINS + "/staged/" + id, operator()), 404, "not-found");

            Http.Response listed = http.poll(PLUGINS, operator(), r -> r.body().contains("\"state\":\"active\""),
                    WAIT);
            JsonNode item = null;
            for (JsonNode candidate : json(listed).get("items")) {
                if (candidate.get("file").asText().equals(file)) {
                    item = candidate;
                }
            }
            assertNotNull(listed.body(), item);
            assertEquals("bundle", item.get("kind").asText());
            assertEquals(HELLO, item.get("symbolicName").asText());
            assertEquals(version, item.get("version").asText());
            assertEquals("active", item.get("state").asText());
            assertEquals(sha, item.get("sha256").asText());

            // The same version again: the review says why it cannot be activated, activation refuses it.
            JsonNode second = json(http.postBytes(PLUGINS, operator(), "application/octet-stream", jar));
            String secondId = second.get("id").asText();
            assertTrue(second.toString(), second.get("conflict").asText().contains("deployed already"));
            assertError(activate(http, secondId, sha, operator()), 409, "conflict");
            assertEquals(204, http.delete(PLUGINS + "/staged/" + secondId, operator()).status());
            assertError(http.get(PLUGINS + "/staged/" + secondId, operator()), 404, "not-found");
            assertFalse(stagedFiles().toString(), stagedFiles().stream().anyMatch(f -> f.startsWith(secondId)));

            // Removal.
            assertError(http.delete(PLUGINS + "/deployed/" + file, null), 401, "unauthorized");
            assertError(http.delete(PLUGINS + "/deployed/" + file, member()), 403, "forbidden");
            assertTrue(deployFiles().contains(file));
            Http.Response removed = http.delete(PLUGINS + "/deployed/" + file, operator());
            assertEquals(removed.body(), 204, removed.status());
            assertEquals(before, deployFiles());
            assertEquals(404, http.poll("/api/hello", operator(), r -> r.status() == 404, WAIT).status());
            AuditRecord gone = audited("platform.plugin-removed", file);
            assertTrue(gone.before(), gone.before().contains(sha));
            assertError(http.delete(PLUGINS + "/deployed/" + file, operator()), 404, "not-found");
        } finally {
            Files.deleteIfExists(deployDir().resolve(file));
        }
    }

    @Test
    public void garbageIsRefusedAndChangesNothingInDeploy() throws Exception {
        Http http = ready();
        List<String> before = deployFiles();
        List<String> stagedBefore = stagedFiles();

        Http.Response garbage = http.postBytes(PLUGINS, operator(), "application/octet-stream",
                "this is not a plugin".getBytes(StandardCharsets.UTF_8));
        assertError(garbage, 400, "bad-request");
        assertTrue(garbage.body(), garbage.body().contains("neither a bundle"));

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write('x');
            out.closeEntry();
        }
        Http.Response noManifest = http.postBytes(PLUGINS, operator(), JAR, zip.toByteArray());
        assertError(noManifest, 400, "bad-request");
        assertTrue(noManifest.body(), noManifest.body().contains("MANIFEST.MF"));

        Path platformLike = Jars.bundle(Files.createTempFile("itest-platform", ".jar"), Map.of(
                "Bundle-SymbolicName", "org.carbonalliance.platform.web", "Bundle-Version", "9.9.9"), null);
        Http.Response platform = http.postBytes(PLUGINS, operator(), JAR, Files.readAllBytes(platformLike));
        assertError(platform, 400, "bad-request");
        assertTrue(platform.body(), platform.body().contains("platform bundle"));
        Path scrLike = Jars.bundle(Files.createTempFile("itest-scr", ".jar"), Map.of(
                "Bundle-SymbolicName", "org.apache.felix.scr", "Bundle-Version", "99.0.0"), null);
        assertError(http.postBytes(PLUGINS, operator(), JAR, Files.readAllBytes(scrLike)), 400, "bad-request");
        Path reserved = Jars.bundle(Files.createTempFile("itest-reserved", ".jar"), Map.of(
                "Bundle-SymbolicName", "org.carbonalliance.membership.extra", "Bundle-Version", "1.0.0"), null);
        Http.Response reservedName = http.postBytes(PLUGINS, operator(), JAR, Files.readAllBytes(reserved));
        assertError(reservedName, 400, "bad-request");
        assertTrue(reservedName.body(), reservedName.body().contains("platform bundle"));
        Path extension = Jars.bundle(Files.createTempFile("itest-extension", ".jar"), Map.of(
                "Bundle-SymbolicName", "org.example.extension", "Bundle-Version", "1.0.0",
                "Fragment-Host", "system.bundle;extension:=framework"), null);
        Http.Response framework = http.postBytes(PLUGINS, operator(), JAR, Files.readAllBytes(extension));
        assertError(framework, 400, "bad-request");
        assertTrue(framework.body(), framework.body().contains("cannot extend the framework"));
        Path platformFragment = Jars.bundle(Files.createTempFile("itest-fragment", ".jar"), Map.of(
                "Bundle-SymbolicName", "org.example.fragment", "Bundle-Version", "1.0.0",
                "Fragment-Host", "org.apache.felix.scr"), null);
        assertError(http.postBytes(PLUGINS, operator(), JAR, Files.readAllBytes(platformFragment)), 400,
                "bad-request");

        assertError(http.postBytes(PLUGINS, operator(), "application/json",
                "{\"id\":\"itest:truncated:1.0\",\"bundles\":[".getBytes(StandardCharsets.UTF_8)), 400, "bad-request");
        assertError(http.postBytes(PLUGINS, operator(), "text/plain",
                Files.readAllBytes(systemJar("example-hello-servlet"))), 415, "unsupported-media-type");

        Thread.sleep(600);
        assertEquals(before, deployFiles());
        assertEquals("nothing refused is kept", stagedBefore, stagedFiles());
    }

    @Test
    public void namesThatLeaveDeployAreRefusedAndDeleteNothing() throws Exception {
        ready();
        Path outside = Files.writeString(deployDir().getParent().resolve("outside.jar"), "keep me");
        Path dataFile = Files.writeString(Path.of(context.getProperty("alliance.data"), "outside.json"), "{}");
        List<String> before = deployFiles();
        try {
            // Plain dot-segments are resolved by the server before routing ("deployed/.." is the list itself, where
            // DELETE is not allowed); encoded ones are refused or reach the handler as a name that lists no file.
            List<String> encoded = List.of("..%2Foutside.jar", "%2e%2e%2Foutside.jar", "%2E%2E%2Foutside.jar",
                    "%2e%2e", "..%5Coutside.jar", "outside.jar", "%2Fetc%2Fpasswd", "..%2Fdata%2Foutside.json",
                    "%2e%2e%2fdata%2foutside.json", "%00outside.jar", "..%2F..%2F");
            List<String> plain = List.of("..", "../outside.jar", "../../data/outside.json", ".");
            for (String name : Stream.concat(encoded.stream(), plain.stream()).toList()) {
                for (String path : List.of(PLUGINS + "/deployed/" + name, PLUGINS + "/staged/" + name)) {
                    RawHttp.Response answer = raw().send("DELETE", path, null, "Authorization: " + operator());
                    assertTrue(path + ": " + answer.status() + " " + answer.body(),
                            answer.status() >= 400 && answer.status() < 500);
                }
            }
            for (String name : encoded) {
                RawHttp.Response staged = raw().send("GET", PLUGINS + "/staged/" + name, null,
                        "Authorization: " + operator());
                assertTrue(name + ": " + staged.status(), staged.status() >= 400 && staged.status() < 500);
            }
            assertTrue(Files.exists(outside));
            assertTrue(Files.exists(dataFile));
            assertTrue(Files.isDirectory(deployDir()));
            assertEquals(before, deployFiles());
        } finally {
            Files.deleteIfExists(outside);
            Files.deleteIfExists(dataFile);
        }
    }

    @Test
    public void activationNamesTheReviewedSha256() throws Exception {
        Http http = ready();
        byte[] jar = Files.readAllBytes(systemJar("example-hello-servlet"));
        List<String> before = deployFiles();
        JsonNode upload = json(http.postBytes(PLUGINS, operator(), JAR, jar));
        String id = upload.get("id").asText();
        String path = PLUGINS + "/staged/" + id + "/activation";
        try {
            Http.Response other = activate(http, id, "0".repeat(64), operator());
            assertError(other, 409, "conflict");
            assertTrue(other.body(), other.body().contains("not the one reviewed"));
            assertError(activate(http, id, sha256(jar).toUpperCase(), operator()), 400, "bad-request");
            assertError(http.post(path, operator(), "application/json", "{}"), 400, "bad-request");
            assertError(http.post(path, operator(), "application/json", "{\"sha256\":\"" + sha256(jar)
                    + "\",\"force\":true}"), 400, "bad-request");
            assertError(http.post(path, operator(), null, ""), 415, "unsupported-media-type");
            // What it replaces is compared too: the review said nothing.
            Http.Response replaces = http.post(path, operator(), "application/json", "{\"sha256\":\"" + sha256(jar)
                    + "\",\"replaces\":\"org.carbonalliance.examples.hello-0.0.1.jar\"}");
            assertError(replaces, 409, "conflict");
            assertTrue(replaces.body(), replaces.body().contains("changed since the review"));
            Thread.sleep(600);
            assertEquals("nothing was activated", before, deployFiles());
            assertEquals(sha256(jar), json(http.get(PLUGINS + "/staged/" + id, operator())).get("sha256").asText());
        } finally {
            http.delete(PLUGINS + "/staged/" + id, operator());
        }
    }

    private static String feature(String artifactId, String bundle, String configurations) {
        return "{\"feature-resource-version\":\"1.0\",\"id\":\"itest:" + artifactId + ":osgifeature:1.0\","
                + "\"name\":\"Plugins API feature\",\"bundles\":[{\"id\":\"" + bundle + "\",\"start-order\":6}]"
                + (configurations == null ? "" : ",\"configurations\":" + configurations) + "}";
    }

    @Test
    public void anOperatorInstallsAndRemovesAFeature() throws Exception {
        Http http = ready();
        assertEquals("the example is not running yet", 404, http.get("/api/hello", operator()).status());
        byte[] json = feature("plugins-api-hello", HELLO_COORDINATES,
                "{\"org.carbonalliance.examples.hello.itest\":{\"greeting\":\"hi\",\"apiToken\":\"s3cr3t\"}}")
                .getBytes(StandardCharsets.UTF_8);
        String sha = sha256(json);
        String file = "itest_plugins-api-hello_osgifeature_1.0.json";
        List<String> before = deployFiles();

        Http.Response uploaded = http.postBytes(PLUGINS, operator(), "application/json", json);
        assertEquals(uploaded.body(), 201, uploaded.status());
        JsonNode upload = json(uploaded);
        String id = upload.get("id").asText();
        try {
            assertEquals("feature", upload.get("kind").asText());
            assertEquals("itest:plugins-api-hello:osgifeature:1.0", upload.get("featureId").asText());
            assertEquals(sha, upload.get("sha256").asText());
            assertEquals(1, upload.get("bundles").size());
            assertEquals(HELLO_COORDINATES, upload.get("bundles").get(0).asText());
            JsonNode configuration = upload.get("configurations").get(0);
            assertEquals("org.carbonalliance.examples.hello.itest", configuration.get("pid").asText());
            assertTrue(upload.toString(), any(configuration.get("properties"), p -> p.get("name").asText()
                    .equals("greeting") && p.get("value").asText().equals("hi")));
            assertTrue(upload.toString(), any(configuration.get("properties"), p -> p.get("name").asText()
                    .equals("apiToken") && p.get("value").isNull() && p.get("hidden").asBoolean()));
            assertFalse(upload.toString(), upload.toString().contains("s3cr3t"));
            assertTrue(upload.toString(), upload.get("conflict").isNull());
            AuditRecord staged = audited("platform.plugin-uploaded", id);
            assertTrue(staged.after(), staged.after().contains(HELLO_COORDINATES));
            assertFalse(staged.after(), staged.after().contains("s3cr3t"));
            assertEquals(before, deployFiles());

            Http.Response activated = activate(http, id, sha, operator());
            assertEquals(activated.body(), 202, activated.status());
            assertEquals(file, json(activated).get("file").asText());
            assertTrue(deployFiles().contains(file));
            Http.Response hello = http.poll("/api/hello", null, r -> r.status() == 200, WAIT);
            assertEquals(hello.body(), 200, hello.status());
            AuditRecord installed = audited("platform.plugin-installed", file);
            assertTrue(installed.after(), installed.after().contains(sha));
            assertTrue(installed.after(), installed.after().contains(HELLO_COORDINATES));
            assertEquals("admin", installed.actor());
            Http.Response listed = http.poll(PLUGINS, operator(), r -> r.body().contains(file)
                    && r.body().contains("\"state\":\"installed\""), WAIT);
            assertTrue(listed.body(), any(json(listed).get("items"), i -> i.get("file").asText().equals(file)
                    && i.get("kind").asText().equals("feature") && i.get("state").asText().equals("installed")
                    && i.get("sha256").asText().equals(sha)));

            Http.Response removed = http.delete(PLUGINS + "/deployed/" + file, operator());
            assertEquals(removed.body(), 204, removed.status());
            assertEquals(before, deployFiles());
            assertEquals(404, http.poll("/api/hello", operator(), r -> r.status() == 404, WAIT).status());
            AuditRecord gone = audited("platform.plugin-removed", file);
            assertTrue(gone.before(), gone.before().contains(sha) && gone.before().contains(HELLO_COORDINATES));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (context.getBundle(HELLO_LOCATION) != null && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertNull("the feature's bundle is uninstalled", context.getBundle(HELLO_LOCATION));
        } finally {
            http.delete(PLUGINS + "/staged/" + id, operator());
            Files.deleteIfExists(deployDir().resolve(file));
        }
    }

    @Test
    public void aFeatureThatWouldConfigureThePlatformIsRefused() throws Exception {
        Http http = ready();
        List<String> before = deployFiles();
        List<String> stagedBefore = stagedFiles();

        Http.Response platformPid = http.postBytes(PLUGINS, operator(), "application/json", feature(
                "plugins-api-config", HELLO_COORDINATES, "{\"org.carbonalliance.plugins\":{\"maxUploadBytes:Long\":"
                        + "1099511627776}}").getBytes(StandardCharsets.UTF_8));
        assertError(platformPid, 400, "bad-request");
        assertTrue(platformPid.body(), platformPid.body().contains("org.carbonalliance.plugins"));
        Http.Response factory = http.postBytes(PLUGINS, operator(), "application/json", feature(
                "plugins-api-factory", HELLO_COORDINATES, "{\"org.apache.felix.http~second\":{\"org.osgi.service"
                        + ".http.port:Integer\":8081}}").getBytes(StandardCharsets.UTF_8));
        assertError(factory, 400, "bad-request");
        assertTrue(factory.body(), factory.body().contains("org.apache.felix.http~second"));
        Http.Response platformBundle = http.postBytes(PLUGINS, operator(), "application/json", feature(
                "plugins-api-bundle", "org.carbonalliance:platform-web:" + VERSION, null)
                .getBytes(StandardCharsets.UTF_8));
        assertError(platformBundle, 400, "bad-request");
        assertTrue(platformBundle.body(), platformBundle.body().contains("platform bundle"));
        byte[] large = ("{\"id\":\"itest:large:1.0\",\"description\":\"" + "x".repeat(1 << 20) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertError(http.postBytes(PLUGINS, operator(), "application/json", large), 413, "payload-too-large");

        Thread.sleep(600);
        assertEquals("nothing lands in deploy/", before, deployFiles());
        assertEquals("nothing refused is kept", stagedBefore, stagedFiles());
    }

    /** The Alliance page's upload form: multipart, with the page's CSRF token, from the console's own origin. */
    private RawHttp.Response consoleUpload(byte[] file, String csrf) throws IOException {
        String boundary = "itestpluginboundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\nupload-plugin\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"plugin\"; filename=\"hello.jar\"\r\n"
                + "Content-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        return raw().exchange(out -> {
            out.write(("POST /system/console/alliance HTTP/1.1\r\nHost: 127.0.0.1:" + port()
                    + "\r\nConnection: close\r\nAuthorization: " + operator() + "\r\nOrigin: http://127.0.0.1:"
                    + port() + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
                    + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
        });
    }

    @Test
    public void theConsoleShowsAnUploadForReviewBeforeAnythingRuns() throws Exception {
        Http http = ready();
        byte[] jar = Files.readAllBytes(systemJar("example-hello-servlet"));
        List<String> before = deployFiles();
        String page = http.poll("/system/console/alliance", operator(), r -> r.status() == 200, WAIT).body();
        assertTrue(page, page.contains("id='plugin-upload'") && page.contains("id='deployed-plugins'"));
        Matcher token = Pattern.compile("name='csrf' value='([0-9a-f]+)'").matcher(page);
        assertTrue(page, token.find());

        List<String> stagedBefore = stagedFiles();
        assertEquals(403, consoleUpload(jar, "forged").status());
        assertEquals(stagedBefore, stagedFiles());

        RawHttp.Response uploaded = consoleUpload(jar, token.group(1));
        assertEquals(uploaded.body(), 302, uploaded.status());
        Matcher staged = Pattern.compile("staged=([0-9a-f-]{36})").matcher(uploaded.header("Location"));
        assertTrue(uploaded.header("Location"), staged.find());
        String id = staged.group(1);

        String review = http.get("/system/console/alliance?staged=" + id, operator()).body();
        assertTrue(review, review.contains("id='plugin-review'"));
        assertTrue(review, review.contains(HELLO));
        assertTrue(review, review.contains(sha256(jar)));
        assertTrue(review, review.contains("org.carbonalliance.platform.api.rest.RestResource"));
        assertTrue(review, review.contains("nothing: a new plugin"));
        assertTrue(review, review.contains("value='activate-plugin'") && review.contains("value='discard-plugin'"));
        assertEquals("nothing runs before activation", 404, http.get("/api/hello", operator()).status());
        assertTrue(audited("platform.plugin-uploaded", id).after().contains(sha256(jar)));

        Http.Response discarded = http.consolePost("/system/console/alliance", operator(),
                "action=discard-plugin&target=" + id + "&csrf=" + token.group(1));
        assertEquals(302, discarded.status());
        assertError(http.get(PLUGINS + "/staged/" + id, operator()), 404, "not-found");
        assertEquals(before, deployFiles());
    }
}
