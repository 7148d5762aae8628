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

    private Path home;
    private int port;

    @Before
    public void unpack() throws Exception {
        Path work = Path.of(System.getProperty("alliance.itest.work")).resolve("dist-" + System.currentTimeMillis());
        Files.createDirectories(work);
        Process tar = new ProcessBuilder("tar", "xzf", System.getProperty("alliance.tarball"), "-C", work.toString())
                .inheritIO().start();
        assertEquals(0, tar.waitFor());
        try (var dirs = Files.list(work)) {
            home = dirs.findFirst().orElseThrow();
        }
        assertTrue(home.getFileName().toString().startsWith("carbon-alliance-"));
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    @After
    public void stopIfRunning() throws Exception {
        if (home != null) {
            alliance("stop");
        }
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs bin/alliance from the file system root, to prove it does not depend on the working directory. */
    private Result alliance(String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/alliance").toString(), command)
                .directory(new File("/")).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("ALLIANCE_ADMIN_PASSWORD");
        env.put("ALLIANCE_HTTP_PORT", Integer.toString(port));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("bin/alliance " + command + " finished", process.waitFor(90, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output);
    }

    private String operator() throws IOException {
        String line = Files.readString(home.resolve("data/operator-password.txt")).trim();
        return Http.basic("admin", line.split(" ")[1]);
    }

    private long pid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("data/alliance.pid")).trim());
    }

    @Test
    public void startServeSurviveKillAndStop() throws Exception {
        Result started = alliance("start");
        assertEquals(started.output(), 0, started.exitCode());
        Http http = new Http(port);
        Http.Response health = http.poll("/api/health", null, r -> r.body().startsWith("{\"status\":\"UP\""), START);
        assertEquals(health.body(), 200, health.status());
        assertEquals(0, alliance("status").exitCode());
        String firstStartLog = Files.readString(home.resolve("data/log/alliance.log"));
        assertFalse("a clean first start logs no error:\n" + firstStartLog, firstStartLog.contains(" ERROR "));

        Path passwordFile = home.resolve("data/operator-password.txt");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        assertEquals(200, http.poll("/system/console/alliance", operator(), r -> r.status() == 200, START).status());
        assertEquals(401, http.get("/system/console/alliance", Http.basic("admin", "admin")).status());

        Result second = alliance("start");
        assertEquals(1, second.exitCode());
        assertTrue(second.output(), second.output().contains("already running"));

        Files.copy(home.resolve("features/example-field-notes.json"), home.resolve("deploy/field-notes.json"),
                StandardCopyOption.REPLACE_EXISTING);
        assertEquals(200, http.poll("/api/field-notes", operator(), r -> r.status() == 200, START).status());
        Http.Response created = http.post("/api/field-notes", operator(), "application/json",
                "{\"text\":\"acknowledged before kill -9\"}");
        assertEquals(created.body(), 201, created.status());

        ProcessHandle server = ProcessHandle.of(pid()).orElseThrow();
        assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(server.pid())).start().waitFor());
        server.onExit().get(30, TimeUnit.SECONDS);

        assertEquals(0, alliance("start").exitCode());
        Http.Response notes = http.poll("/api/field-notes", operator(),
                r -> r.status() == 200 && r.body().contains("acknowledged before kill -9"), START);
        assertTrue(notes.body(), notes.body().contains("acknowledged before kill -9"));

        long pid = pid();
        Result stopped = alliance("stop");
        assertEquals(stopped.output(), 0, stopped.exitCode());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertEquals(3, alliance("status").exitCode());
        assertFalse("pid file removed on a graceful stop", Files.exists(home.resolve("data/alliance.pid")));
        String log = Files.readString(home.resolve("data/log/alliance.log"));
        assertTrue("bundles were stopped", log.contains("Stopped Jetty"));
    }
}
