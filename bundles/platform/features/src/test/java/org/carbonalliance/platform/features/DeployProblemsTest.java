package org.carbonalliance.platform.features;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DeployProblemsTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path jar(Manifest manifest) throws Exception {
        Path file = folder.newFile().toPath();
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new ZipEntry("x.txt"));
            jar.closeEntry();
        }
        return file;
    }

    private static Manifest manifest(String symbolicName) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        }
        return manifest;
    }

    @Test
    public void aBundleIsFine() throws Exception {
        assertNull(DeployFolderCheck.jarProblem(jar(manifest("org.example.plugin"))));
    }

    @Test
    public void aPlainJarIsNotABundle() throws Exception {
        assertEquals("not an OSGi bundle: its manifest has no Bundle-SymbolicName",
                DeployFolderCheck.jarProblem(jar(manifest(null))));
    }

    @Test
    public void aZipWithoutManifestOrNoZipAtAllIsNamed() throws Exception {
        Path zip = folder.newFile().toPath();
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.closeEntry();
        }
        assertEquals("not an OSGi bundle: the jar has no META-INF/MANIFEST.MF", DeployFolderCheck.jarProblem(zip));
        Path garbage = folder.newFile().toPath();
        Files.writeString(garbage, "not a zip");
        assertTrue(DeployFolderCheck.jarProblem(garbage).startsWith("not a jar (zip) file: "));
    }
}
