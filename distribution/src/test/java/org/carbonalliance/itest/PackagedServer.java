package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The built tar.gz unpacked into a fresh folder, driven by its bin/alliance on a free port. */
final class PackagedServer {

    record Result(int exitCode, String output) {
    }

    private final Path home;
    private final int port;

    private PackagedServer(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    static PackagedServer unpack() throws Exception {
        Path work = Path.of(System.getProperty("alliance.itest.work")).resolve("dist-" + System.nanoTime());
        Files.createDirectories(work);
        Process tar = new ProcessBuilder("tar", "xzf", System.getProperty("alliance.tarball"), "-C", work.toString())
                .inheritIO().start();
        assertEquals(0, tar.waitFor());
        Path home;
        try (var dirs = Files.list(work)) {
            home = dirs.findFirst().orElseThrow();
        }
        assertTrue(home.getFileName().toString().startsWith("carbon-alliance-"));
        try (ServerSocket socket = new ServerSocket(0)) {
            return new PackagedServer(home, socket.getLocalPort());
        }
    }

    Path home() {
        return home;
    }

    int port() {
        return port;
    }

    /** Runs bin/alliance from the file system root, to prove it does not depend on the working directory. */
    Result alliance(String... arguments) throws Exception {
        return alliance(Map.of(), arguments);
    }

    Result alliance(Map<String, String> environment, String... arguments) throws Exception {
        List<String> commandLine = new ArrayList<>(List.of(home.resolve("bin/alliance").toString()));
        commandLine.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(commandLine).directory(new File("/")).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("ALLIANCE_ADMIN_PASSWORD");
        env.put("ALLIANCE_HTTP_PORT", Integer.toString(port));
        env.putAll(environment);
        String command = String.join(" ", arguments);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("bin/alliance " + command + " finished", process.waitFor(90, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output);
    }

    String operator() throws IOException {
        String line = Files.readString(home.resolve("data/operator-password.txt")).trim();
        return Http.basic("admin", line.split(" ")[1]);
    }

    long pid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("data/alliance.pid")).trim());
    }

    /** A member admitted over HTTP (application, approval, activation): its member-admin's login. */
    String member(Http http, String name) throws Exception {
        String email = "admin@" + name.toLowerCase().replace(' ', '-') + ".example";
        Http.Response applied = http.post("/api/membership/applications", null, "application/json",
                MembershipIT.application(name, "REG-" + Integer.toHexString(name.hashCode()), email));
        assertEquals(applied.body(), 201, applied.status());
        Http.Response approved = http.post("/api/membership/applications/" + Http.JSON.readTree(applied.body())
                .get("id").asText() + "/approve", operator(), "application/json", "");
        assertEquals(approved.body(), 200, approved.status());
        String password = "Kill-Nine-Member-2030";
        assertEquals(200, http.post("/api/identity/activate", null, "application/json", "{\"token\":\""
                + Http.JSON.readTree(approved.body()).get("activationToken").asText() + "\",\"password\":\""
                + password + "\"}").status());
        return Http.basic(email, password);
    }
}
