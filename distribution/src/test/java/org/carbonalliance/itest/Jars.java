package org.carbonalliance.itest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Makes bundle jars for hot-deploy tests and moves them into place atomically, as an operator's copy would. */
final class Jars {

    private Jars() {
    }

    /** A copy of {@code source} with its Bundle-Version replaced. */
    static Path withVersion(Path source, Path target, String version) throws IOException {
        return withHeaders(source, target, Map.of("Bundle-Version", version));
    }

    /** A copy of the bundle {@code source} with the given manifest headers set. */
    static Path withHeaders(Path source, Path target, Map<String, String> headers) throws IOException {
        try (JarFile in = new JarFile(source.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            headers.forEach(manifest.getMainAttributes()::putValue);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
                Enumeration<JarEntry> entries = in.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** A bundle with the given headers and, optionally, one class copied from the test's class path. */
    static Path bundle(Path target, Map<String, String> headers, Class<?> includedClass) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        headers.forEach(main::putValue);
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
            if (includedClass != null) {
                String name = includedClass.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(name));
                try (InputStream data = includedClass.getClassLoader().getResourceAsStream(name)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return target;
    }

    /** Moves a finished file into the deploy folder in one step, so FileInstall never sees half a jar. */
    static void deploy(Path file, Path deployDir, String name) throws IOException {
        Files.move(file, deployDir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
