package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Generates a Java client from the server's OpenAPI document with openapi-generator (its command-line jar, run as its
 * own process), compiles it with a small program that makes one call per tag, and runs that against the server: the
 * document is usable by the people who integrate with the alliance.
 */
final class GeneratedClient {

    private GeneratedClient() {
    }

    /** @return what the client program printed, one line per call */
    static String callEveryTag(String document, int port, String authorization) throws Exception {
        Path kit = Path.of(System.getProperty("alliance.client.kit"));
        Path work = Path.of(System.getProperty("alliance.itest.work")).resolve("client-" + System.nanoTime());
        Files.createDirectories(work);
        Files.writeString(work.resolve("openapi.json"), document);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run(work, java, "-jar", jar(kit, "openapi-generator-cli").toString(), "generate",
                "-i", "openapi.json", "-g", "java", "--library", "native", "-o", "generated",
                "--api-package", "org.carbonalliance.client.api", "--model-package", "org.carbonalliance.client.model",
                "--invoker-package", "org.carbonalliance.client",
                "--additional-properties=useJakartaEe=true,openApiNullable=false,hideGenerationTimestamp=true,"
                        + "annotationLibrary=none",
                "--global-property=apiTests=false,modelTests=false,apiDocs=false,modelDocs=false");
        Path sources = work.resolve("generated/src/main/java");
        try (var in = GeneratedClient.class.getResourceAsStream("/client-check/ClientCheck.java")) {
            Files.write(sources.resolve("ClientCheck.java"), in.readAllBytes());
        }
        String classpath = libraries(kit);
        List<String> javac = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac")
                .toString(), "-nowarn", "-d", "classes", "-cp", classpath));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> javac.add(f.toString()));
        }
        run(work, javac.toArray(new String[0]));
        return run(work, java, "-cp", "classes" + File.pathSeparator + classpath, "ClientCheck",
                Integer.toString(port), authorization);
    }

    private static Path jar(Path kit, String prefix) throws IOException {
        try (Stream<Path> jars = Files.list(kit)) {
            return jars.filter(j -> j.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    /** The client's libraries: everything in the kit but the generator. */
    private static String libraries(Path kit) throws IOException {
        try (Stream<Path> jars = Files.list(kit)) {
            return String.join(File.pathSeparator, jars.filter(j -> !j.getFileName().toString()
                    .startsWith("openapi-generator")).map(Path::toString).toList());
        }
    }

    private static String run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command[0] + " did not finish in 180 s");
        }
        assertEquals(String.join(" ", command).substring(0, Math.min(200, String.join(" ", command).length()))
                + " failed:\n" + output, 0, process.exitValue());
        return output;
    }
}
