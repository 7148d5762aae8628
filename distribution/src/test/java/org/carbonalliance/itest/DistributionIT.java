package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The packaged server: unpacks the tar.gz, starts it with bin/alliance from another working directory, talks HTTP to
 * it, survives kill -9 without losing an acknowledged write, refuses a second start and stops gracefully.
 */
public class DistributionIT {

    private static final Duration START = Duration.ofSeconds(90);

    private PackagedServer server;
    private Path home;
    private int port;

    @Before
    public void unpack() throws Exception {
        server = PackagedServer.unpack();
        home = server.home();
        port = server.port();
    }

    @After
    public void stopIfRunning() throws Exception {
        if (server != null) {
            server.alliance("stop");
        }
    }

    private PackagedServer.Result alliance(String command) throws Exception {
        return server.alliance(command);
    }

    private PackagedServer.Result alliance(Map<String, String> environment, String... arguments) throws Exception {
        return server.alliance(environment, arguments);
    }

    private String operator() throws IOException {
        return server.operator();
    }

    private long pid() throws IOException {
        return server.pid();
    }

    @Test
    public void startServeSurviveKillAndStop() throws Exception {
        PackagedServer.Result started = alliance("start");
        assertEquals(started.output(), 0, started.exitCode());
        assertTrue(started.output(), started.output().contains("is ready at http://localhost:" + port + "/"));
        Http http = new Http(port);
        // "start" returns only when the platform is ready: no polling needed, public endpoints answer at once.
        Http.Response health = http.get("/api/health");
        assertEquals(health.body(), 200, health.status());
        assertTrue(health.body(), health.body().startsWith("{\"status\":\"UP\""));
        assertEquals(200, http.get("/api/membership/members").status());
        assertEquals(200, http.get("/api/openapi.json").status());
        assertEquals(0, alliance("status").exitCode());
        String firstStartLog = Files.readString(home.resolve("data/log/alliance.log"));
        assertFalse("a clean first start logs no error:\n" + firstStartLog, firstStartLog.contains(" ERROR "));
        String password = Files.readString(home.resolve("data/operator-password.txt")).trim().split(" ")[1];
        assertFalse("the generated password is not logged", firstStartLog.contains(password));
        assertTrue(firstStartLog, firstStartLog.contains("operator-password.txt"));
        assertTrue("the first-start log is a short story:\n" + firstStartLog, firstStartLog.lines().count() < 25);
        String consoleOut = Files.readString(home.resolve("data/log/console.out"));
        assertFalse("no SPI Fly chatter:\n" + consoleOut, consoleOut.contains("Registered provider"));

        Path passwordFile = home.resolve("data/operator-password.txt");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        assertEquals(200, http.poll("/system/console/alliance", operator(), r -> r.status() == 200, START).status());
        assertEquals(401, http.get("/system/console/alliance", Http.basic("admin", "admin")).status());

        PackagedServer.Result second = alliance("start");
        assertEquals(1, second.exitCode());
        assertTrue(second.output(), second.output().contains("already running"));

        Files.copy(home.resolve("features/example-field-notes.json"), home.resolve("deploy/field-notes.json"),
                StandardCopyOption.REPLACE_EXISTING);
        assertEquals(403, http.poll("/api/field-notes", operator(), r -> r.status() == 403, START).status());
        Http.Response document = http.get("/api/openapi.json");
        int operations = OpenApiContract.check(document.body());
        assertTrue("the platform's, membership's and the example's operations: " + operations, operations >= 25);
        String calls = GeneratedClient.callEveryTag(document.body(), port, operator());
        for (String tag : List.of("platform: health UP", "identity: keys 0", "membership: members 0",
                "patentpool: patents 0", "licensing: offers 1", "emissions: rollup years 0", "telemetry: devices refused 403",
                "examples: notes refused 403")) {
            assertTrue("the generated client called " + tag + ":\n" + calls, calls.contains(tag));
        }
        String member = member(http, "Field Notes Member");
        Http.Response created = http.post("/api/field-notes", member, "application/json",
                "{\"text\":\"acknowledged before kill -9\"}");
        assertEquals(created.body(), 201, created.status());

        ProcessHandle server = ProcessHandle.of(pid()).orElseThrow();
        assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(server.pid())).start().waitFor());
        server.onExit().get(30, TimeUnit.SECONDS);

        assertEquals(0, alliance("start").exitCode());
        Http.Response notes = http.poll("/api/field-notes", member,
                r -> r.status() == 200 && r.body().contains("acknowledged before kill -9"), START);
        assertTrue(notes.body(), notes.body().contains("acknowledged before kill -9"));

        long pid = pid();
        PackagedServer.Result stopped = alliance("stop");
        assertEquals(stopped.output(), 0, stopped.exitCode());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertEquals(3, alliance("status").exitCode());
        assertFalse("pid file removed on a graceful stop", Files.exists(home.resolve("data/alliance.pid")));
        String log = Files.readString(home.resolve("data/log/alliance.log"));
        assertTrue("bundles were stopped", log.contains("Stopped Jetty"));
    }

    @Test
    public void startFailsWithTheOneLineCause() throws Exception {
        try (ServerSocket taken = new ServerSocket(port)) {
            PackagedServer.Result refused = alliance("start");
            assertEquals(refused.output(), 1, refused.exitCode());
            assertTrue(refused.output(), refused.output().contains("HTTP port " + port + " on 0.0.0.0 is not "
                    + "available"));
            assertFalse(refused.output(), refused.output().contains("started"));
        }
        assertEquals("nothing left running", 3, alliance("status").exitCode());

        PackagedServer.Result weak = alliance(Map.of("ALLIANCE_ADMIN_PASSWORD", "short"), "start");
        assertEquals(weak.output(), 1, weak.exitCode());
        assertTrue(weak.output(), weak.output().contains("could not start: ALLIANCE_ADMIN_PASSWORD must have at "
                + "least 12 characters"));
        assertEquals("the failed server stopped itself", 3, alliance("status").exitCode());

        alliance(Map.of("ALLIANCE_HTTP_PORT", "not-a-port"), "start");
        PackagedServer.Result again = alliance(Map.of("ALLIANCE_HTTP_PORT", "not-a-port"), "start");
        assertEquals(again.output(), 1, again.exitCode());
        assertEquals("only this run's lines are shown: " + again.output(), 1,
                again.output().split("ALLIANCE_HTTP_PORT must be a port number", -1).length - 1);
    }

    @Test
    public void startDemoLoadsTheFoundingMembers() throws Exception {
        PackagedServer.Result started = alliance(Map.of(), "start", "--demo");
        assertEquals(started.output(), 0, started.exitCode());
        Http http = new Http(port);
        Http.Response members = http.poll("/api/membership/members", null, r -> r.body().contains("Tencent"), START);
        assertTrue(members.body(), members.body().contains("Tencent") && members.body().contains("Vanke"));
    }

    @Test
    public void aBulkImportKilledMidwayFinishesAfterRestartAndTheDeletedIndexIsRebuilt() throws Exception {
        PackagedServer.Result started = alliance(Map.of(), "start", "--demo");
        assertEquals(started.output(), 0, started.exitCode());
        Http http = new Http(port);
        String operator = operator();
        // The demo pool marks its patents; they show in the public catalogue once loaded.
        Http.Response demo = http.poll("/api/patentpool/search?q=" + java.net.URLEncoder.encode("储能",
                StandardCharsets.UTF_8), null, r -> r.body().contains("\"demo\":true"), START);
        assertTrue(demo.body(), demo.body().contains("9999"));
        String tencent = Http.JSON.readTree(demo.body()).get("items").get(0).get("memberTenantId").asText();
        int rows = 20_000;
        StringBuilder csv = new StringBuilder("\"Jurisdiction\",\"Kind\",\"Display Key\",\"Application Date\","
                + "\"Title\",\"Applicants\",\"CPC Classifications\",\"Member\"\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("KR,B1,KR").append(10_000_000 + i).append("B1,2018-01-01,Heat recovery unit ").append(i)
                    .append(",Crash Test Co,Y02B 30/00,").append(tencent).append('\n');
        }
        Http.Response accepted = http.postBytes("/api/patentpool/imports?format=lens-csv", operator, "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(accepted.body(), 202, accepted.status());
        String job = "/api/patentpool/imports/" + Http.JSON.readTree(accepted.body()).get("id").asText();
        Http.Response midway = http.poll(job, operator, r -> r.body().contains("\"itemsRead\"")
                && itemsRead(r) >= 1000, START);
        assertTrue(midway.body(), itemsRead(midway) < rows);
        ProcessHandle server = ProcessHandle.of(pid()).orElseThrow();
        assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(server.pid())).start().waitFor());
        server.onExit().get(30, TimeUnit.SECONDS);
        try (var files = Files.walk(home.resolve("data/patentpool/index"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }

        PackagedServer.Result restarted = alliance("start");
        assertEquals(restarted.output(), 0, restarted.exitCode());
        Http.Response done = http.poll(job, operator, r -> r.body().contains("\"state\":\"done\""), START);
        com.fasterxml.jackson.databind.JsonNode finished = Http.JSON.readTree(done.body());
        assertEquals(done.body(), rows, finished.get("itemsRead").asInt());
        assertEquals(done.body(), rows, finished.get("imported").asInt() + finished.get("updated").asInt()
                + finished.get("unchanged").asInt());
        // Every row is in the database and, after the rebuild, in the index.
        Http.Response searched = http.poll("/api/patentpool/search?jurisdiction=KR&limit=1", null,
                r -> r.body().contains("\"total\":" + rows + ","), START);
        assertTrue(searched.body(), searched.body().contains("\"total\":" + rows + ","));
        assertEquals(200, http.get("/api/patentpool/patents/KR10020000B1").status());
        String log = Files.readString(home.resolve("data/log/alliance.log"));
        assertTrue("the rebuild is logged", log.contains("Patent index: indexing"));
    }

    private String member(Http http, String name) throws Exception {
        return server.member(http, name);
    }

    /**
     * Twenty times: a device sends batches of readings while the server is killed with -9 at a random moment; after
     * the restart every batch that was acknowledged (200) is there, reading for reading.
     */
    @Test
    public void acknowledgedReadingsSurviveKillNine() throws Exception {
        int trials = Integer.getInteger("alliance.killTrials", 20);
        assertEquals(0, alliance("start").exitCode());
        Http http = new Http(port);
        String admin = member(http, "Durable Meter Co");
        com.fasterxml.jackson.databind.JsonNode device = Http.JSON.readTree(http.post("/api/telemetry/devices",
                admin, "application/json", "{\"name\":\"Meter\",\"type\":\"electricity-meter\",\"metrics\":"
                        + "{\"energy\":\"kWh\"}}").body());
        String id = device.get("device").get("id").asText();
        String bearer = "Bearer " + device.get("token").asText();
        long base = java.time.Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        java.util.Set<Long> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger batch = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Random random = new java.util.Random(42);
        for (int trial = 0; trial < trials; trial++) {
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread sender = new Thread(() -> {
                while (running.get()) {
                    int k = batch.getAndIncrement();
                    StringBuilder pack = new StringBuilder("[{\"bn\":\"m:\",\"bt\":" + (base + k * 50L)
                            + ",\"bu\":\"kWh\",\"n\":\"energy\",\"v\":" + k + "}");
                    for (int i = 1; i < 50; i++) {
                        pack.append(",{\"n\":\"energy\",\"t\":").append(i).append(",\"v\":").append(k).append('}');
                    }
                    try {
                        if (http.post("/api/telemetry/ingest", bearer, "application/senml+json", pack.append(']')
                                .toString()).status() == 200) {
                            for (int i = 0; i < 50; i++) {
                                acknowledged.add(base + k * 50L + i);
                            }
                        }
                    } catch (IOException | InterruptedException e) {
                        return;   // the server went down mid-request: not acknowledged
                    }
                }
            });
            sender.start();
            Thread.sleep(150 + random.nextInt(600));
            ProcessHandle server = ProcessHandle.of(pid()).orElseThrow();
            assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(server.pid())).start().waitFor());
            server.onExit().get(30, TimeUnit.SECONDS);
            running.set(false);
            sender.join(30_000);
            PackagedServer.Result restarted = alliance("start");
            assertEquals(restarted.output(), 0, restarted.exitCode());
        }
        java.util.Set<Long> stored = new java.util.HashSet<>();
        long last = base + batch.get() * 50L;
        for (long from = base; from < last; from += 5_000) {
            Http.Response series = http.get("/api/telemetry/devices/" + id + "/series?metric=energy&resolution=raw"
                    + "&from=" + java.time.Instant.ofEpochSecond(from) + "&to=" + java.time.Instant.ofEpochSecond(
                            from + 5_000), admin);
            assertEquals(series.body(), 200, series.status());
            for (com.fasterxml.jackson.databind.JsonNode p : Http.JSON.readTree(series.body()).get("points")) {
                stored.add(java.time.Instant.parse(p.get("t").asText()).getEpochSecond());
            }
        }
        System.out.println("kill -9 trials: " + trials + ", readings acknowledged: " + acknowledged.size()
                + ", stored after the restarts: " + stored.size());
        assertTrue("some batches were acknowledged: " + acknowledged.size(), acknowledged.size() >= 50 * trials);
        java.util.Set<Long> lost = new java.util.TreeSet<>(acknowledged);
        lost.removeAll(stored);
        assertTrue(lost.size() + " acknowledged readings lost, first " + lost.stream().limit(5).toList(),
                lost.isEmpty());
    }

    private static int itemsRead(Http.Response response) {
        try {
            return Http.JSON.readTree(response.body()).path("itemsRead").asInt();
        } catch (IOException e) {
            return 0;
        }
    }
}
