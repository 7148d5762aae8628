package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.carbonalliance.distribution.SdkAssembler;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The plugin SDK as an outsider uses it, with nothing of this build but the distribution: a local Maven repository
 * holding the distribution's {@code sdk/} (installed by {@code bin/alliance sdk install}) and third-party artifacts
 * only (this machine's Maven cache without {@code org/carbonalliance}, standing in for Maven Central; Maven runs
 * offline). A project generated from the archetype builds, deploys into the packaged server, serves two members in
 * isolation, adds its emission factors, is updated by a differently named jar and removed; every sample plugin, as
 * the distribution ships it in {@code sdk/examples}, builds the same way, outside this build.
 */
public class SdkIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String SOURCES = "/api/emissions/factors/sources";

    private PackagedServer server;
    private Path work;
    private Path repository;

    @Before
    public void sdkOnlyRepository() throws Exception {
        server = PackagedServer.unpack();
        work = server.home().getParent();
        repository = work.resolve("sdk-only-repository");
        Path cache = Path.of(System.getProperty("alliance.local.repository"));
        Files.createDirectories(repository.resolve("org"));
        try (Stream<Path> top = Files.list(cache)) {
            for (Path entry : top.toList()) {
                if (!entry.getFileName().toString().equals("org")) {
                    Files.createSymbolicLink(repository.resolve(entry.getFileName().toString()), entry);
                }
            }
        }
        try (Stream<Path> orgs = Files.list(cache.resolve("org"))) {
            for (Path entry : orgs.toList()) {
                if (!entry.getFileName().toString().equals("carbonalliance")) {
                    Files.createSymbolicLink(repository.resolve("org").resolve(entry.getFileName().toString()), entry);
                }
            }
        }
        PackagedServer.Result installed = server.alliance("sdk", "install", repository.toString());
        assertEquals(installed.output(), 0, installed.exitCode());
        assertTrue(Files.isDirectory(repository.resolve("org/carbonalliance/alliance-bom")));
        String version = System.getProperty("alliance.project.version");
        assertTrue("the API's sources, for its javadoc in an IDE", Files.isRegularFile(repository.resolve(
                "org/carbonalliance/platform-api/" + version + "/platform-api-" + version + "-sources.jar")));
    }

    @After
    public void stop() throws Exception {
        if (server != null) {
            server.alliance("stop");
        }
    }

    @Test
    public void aGeneratedPluginBuildsDeploysServesTwoMembersApartUpdatesAndGoes() throws Exception {
        String version = System.getProperty("alliance.project.version");
        Path projects = Files.createDirectories(work.resolve("projects"));
        maven(projects, "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate",
                "-DarchetypeGroupId=org.carbonalliance", "-DarchetypeArtifactId=alliance-plugin-archetype",
                "-DarchetypeVersion=" + version, "-DgroupId=org.example.soil", "-DartifactId=soil-lab",
                "-Dversion=1.0.0", "-Dpackage=org.example.soil", "-DinteractiveMode=false");
        Path project = projects.resolve("soil-lab");
        String pom = Files.readString(project.resolve("pom.xml"));
        assertFalse("a standalone project", pom.contains("<parent>"));
        assertFalse("no Hibernate anywhere", pom.contains("hibernate") || Files.readString(project.resolve("bnd.bnd"))
                .contains("hibernate"));
        String built = maven(project, "package");
        assertTrue("its unit tests ran:\n" + built, built.contains("Tests run: 4, Failures: 0, Errors: 0"));
        Path jar = project.resolve("target/soil-lab-1.0.0.jar");

        assertEquals(0, server.alliance("start").exitCode());
        Http http = new Http(server.port());
        String memberA = server.member(http, "Soil Lab A");
        String memberB = server.member(http, "Soil Lab B");
        Path deploy = server.home().resolve("deploy");
        Files.copy(jar, deploy.resolve("soil-lab-1.0.0.jar"));

        String observations = "/api/soil-lab/observations";
        http.poll(observations, memberA, r -> r.status() == 200, WAIT);
        Http.Response added = http.post(observations, memberA, "application/json",
                "{\"sample\":\"core 7\",\"co2Kg\":12.5,\"measuredOn\":\"2026-05-01\"}");
        assertEquals(added.body(), 201, added.status());
        String id = Http.JSON.readTree(added.body()).get("id").asText();
        assertEquals(1, items(http.get(observations, memberA)).size());
        assertEquals("member B does not see A's observation", 0, items(http.get(observations, memberB)).size());
        assertEquals(404, http.get(observations + "/" + id, memberB).status());
        assertEquals("an operator is told, not given an empty list", 403,
                http.get(observations, server.operator()).status());
        assertEquals(400, http.post(observations, memberA, "application/json", "{\"sample\":\"\"}").status());

        // The extension point: the plugin's factors join the library.
        Http.Response sources = http.poll(SOURCES, null, r -> state(r, "soil-lab").equals("active"), WAIT);
        assertEquals(sources.body(), "active", state(sources, "soil-lab"));
        Http.Response factors = http.get("/api/emissions/factors?source=soil-lab");
        assertTrue(factors.body(), factors.body().contains("2.7432"));

        // Update: a new version under another file name replaces the first in place.
        Path source = project.resolve("src/main/java/org/example/soil/MethaneCombustionFactors.java");
        Files.writeString(source, Files.readString(source).replace("(stoichiometric)\"", "(stoichiometric, rev. 2)\""));
        Files.writeString(project.resolve("pom.xml"), pom.replace("<version>1.0.0</version>",
                "<version>1.0.1</version>"));
        maven(project, "package");
        Files.copy(project.resolve("target/soil-lab-1.0.1.jar"), deploy.resolve("soil-lab-1.0.1.jar"));
        Http.Response updated = http.poll(SOURCES, null, r -> r.body().contains("rev. 2"), WAIT);
        assertTrue(updated.body(), updated.body().contains("rev. 2"));
        assertFalse("the first version left deploy/", Files.exists(deploy.resolve("soil-lab-1.0.0.jar")));
        assertTrue(Files.exists(server.home().resolve("data/replaced-plugins/soil-lab-1.0.0.jar")));
        assertEquals("the data stayed", id, items(http.poll(observations, memberA, r -> r.status() == 200, WAIT))
                .get(0).get("id").asText());
        Http.Response health = http.get("/api/health", server.operator());
        assertFalse(health.body(), health.body().contains("another version of"));

        // Removal: the endpoint goes, the factors leave new calculations.
        Files.delete(deploy.resolve("soil-lab-1.0.1.jar"));
        assertEquals(404, http.poll(observations, memberA, r -> r.status() == 404, WAIT).status());
        assertEquals("removed", state(http.poll(SOURCES, null, r -> state(r, "soil-lab").equals("removed"), WAIT),
                "soil-lab"));
    }

    @Test
    public void eachExtensionPointTheArchetypeOffersBuilds() throws Exception {
        Path projects = Files.createDirectories(work.resolve("variants"));
        for (String point : List.of("onboarding-check", "licence-policy", "payload-decoder")) {
            maven(projects, "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate",
                    "-DarchetypeGroupId=org.carbonalliance", "-DarchetypeArtifactId=alliance-plugin-archetype",
                    "-DarchetypeVersion=" + System.getProperty("alliance.project.version"), "-DgroupId=org.example",
                    "-DartifactId=lab-" + point, "-Dpackage=org.example.lab", "-DextensionPoint=" + point,
                    "-DinteractiveMode=false");
            Path project = projects.resolve("lab-" + point);
            try (Stream<Path> sources = Files.list(project.resolve("src/main/java/org/example/lab"))) {
                assertEquals(point + ": the store, entity and resource, and one extension point", 4, sources.count());
            }
            String built = maven(project, "package");
            assertTrue(point + ":\n" + built, built.contains("Tests run: 4, Failures: 0, Errors: 0"));
            assertTrue(Files.exists(project.resolve("target/lab-" + point + "-1.0.0.jar")));
            assertTrue("the README keeps its headings", Files.readString(project.resolve("README.md"))
                    .contains("## Build"));
        }
    }

    @Test
    public void everySamplePluginBuildsFromTheSdkAlone() throws Exception {
        Path examples = server.home().resolve("sdk/examples");   // as the distribution ships them
        assertTrue(Files.isRegularFile(server.home().resolve("docs/plugins.md")));
        List<String> built = new ArrayList<>();
        try (Stream<Path> folders = Files.list(examples)) {
            for (Path example : folders.filter(Files::isDirectory).sorted().toList()) {
                Path copy = work.resolve("examples").resolve(example.getFileName().toString());
                SdkAssembler.copyTree(example, copy);
                assertFalse(example + " has no parent", Files.readString(copy.resolve("pom.xml"))
                        .contains("<parent>"));
                maven(copy, "package");
                try (Stream<Path> jars = Files.list(copy.resolve("target"))) {
                    assertTrue(example + " made its bundle", jars.anyMatch(p -> p.toString().endsWith(".jar")));
                }
                built.add(example.getFileName().toString());
            }
        }
        assertTrue("all eight: " + built, built.size() >= 8);
    }

    /** Maven offline, against the SDK-only repository; fails the test with Maven's output when the build fails. */
    private String maven(Path directory, String... goals) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("alliance.maven"), "-B", "-o",
                "-Dmaven.repo.local=" + repository));
        command.addAll(List.of(goals));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("..").resolve(directory.getFileName() + "-build.log").toFile())
                .start();
        assertTrue("mvn " + String.join(" ", goals) + " finished", process.waitFor(5, TimeUnit.MINUTES));
        String output = Files.readString(directory.resolve("..").resolve(directory.getFileName() + "-build.log"),
                StandardCharsets.UTF_8);
        assertEquals("mvn " + String.join(" ", goals) + " in " + directory + ":\n" + tail(output), 0,
                process.exitValue());
        return output;
    }

    private static String tail(String output) {
        return output.length() > 6000 ? output.substring(output.length() - 6000) : output;
    }

    private static JsonNode items(Http.Response response) throws IOException {
        assertEquals(response.body(), 200, response.status());
        return Http.JSON.readTree(response.body()).get("items");
    }

    /** @return the state of the factor source {@code id} in a sources answer, or "" when it is not listed */
    private static String state(Http.Response sources, String id) {
        try {
            for (JsonNode source : Http.JSON.readTree(sources.body()).path("items")) {
                if (id.equals(source.path("id").asText())) {
                    return source.path("state").asText();
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }
}
