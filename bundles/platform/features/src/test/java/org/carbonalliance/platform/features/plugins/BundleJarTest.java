package org.carbonalliance.platform.features.plugins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.Test;

/** The jar's manifest, refused when a header repeats. */
public class BundleJarTest extends InspectionFixture {

    /** A jar whose manifest is exactly {@code manifest}, as a tool that writes headers twice would write it. */
    private static byte[] rawJar(String manifest) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            out.write(utf8(manifest));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    public void aManifestWithAHeaderTwiceIsRefused() throws Exception {
        String manifest = "Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\nBundle-SymbolicName: org.example.a\r\n"
                + "bundle-symbolicname: org.carbonalliance.platform.web\r\n\r\nName: x\r\nA: 1\r\n";
        assertTrue(refusal(rawJar(manifest)).contains("bundle-symbolicname more than once"));
        assertNull(BundleJar.repeatedHeader(utf8("A: 1\nB: 2\n continued: not a header\n\nName: x\nA: 2\n")));
        assertEquals("A", BundleJar.repeatedHeader(utf8("A: 1\nB: 2\nA: 3\n")));
    }
}
