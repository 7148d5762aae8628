package org.carbonalliance.platform.features.plugins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.features.plugins.PluginInspector.Identity;
import org.carbonalliance.platform.features.plugins.PluginInspector.Installed;
import org.junit.Test;

/** The inspector as a whole: what kind a file is, what a deployed file is, and that what was read was hashed. */
public class PluginInspectorTest extends InspectionFixture {

    @Test
    public void filesThatAreNeitherJarNorJsonAreRefused() {
        assertTrue(refusal(utf8("this is not a plugin")).contains("neither a bundle (a jar) nor an OSGi Feature"));
        assertTrue(refusal(new byte[0]).contains("neither"));
        assertTrue(refusal(utf8("PK\u0003\u0004 and then garbage")).startsWith("Not a jar (zip) file"));
    }

    @Test
    public void deployedFilesAreIdentifiedLeniently() throws Exception {
        Path jar = folder.newFile("plugin.jar").toPath();
        Files.write(jar, jar(bundle("org.example.listed", "2.0.0"), Map.of()));
        assertEquals(new Identity("bundle", "org.example.listed", null, "org.example.listed", "2.0.0"),
                inspector.identify(jar));
        Path garbage = Files.writeString(folder.newFile("garbage.jar").toPath(), "no zip");
        assertEquals(new Identity("bundle", null, null, null, null), inspector.identify(garbage));
        Path feature = Files.writeString(folder.newFile("f.json").toPath(), "{\"id\":\"g:a:1.0\"}");
        assertEquals(new Identity("feature", null, "g:a:1.0", "g:a", "1.0"), inspector.identify(feature));
        Path broken = Files.writeString(folder.newFile("b.json").toPath(), "{");
        assertEquals(new Identity("feature", null, null, null, null), inspector.identify(broken));
    }

    @Test
    public void theKindIsToldByTheFirstBytes() {
        assertEquals("bundle", PluginInspector.kindOf(new byte[] {'P', 'K', 3, 4, 0}));
        assertEquals("feature", PluginInspector.kindOf(utf8(" \r\n\t{")));
        assertThrows(ApiException.class, () -> PluginInspector.kindOf(utf8("[{}]")));
    }

    @Test
    public void aFeatureIsReadOnceAndAtMostAMegabyte() throws Exception {
        byte[] json = feature(",\"description\":\"" + "d".repeat(1000) + "\"");
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)),
                inspect(json).sha256());
        byte[] large = feature(",\"description\":\"" + "d".repeat(PluginInspector.MAX_FEATURE_BYTES) + "\"");
        ApiException e = assertThrows(ApiException.class, () -> inspect(large));
        assertEquals(413, e.status());
        Path deployed = Files.write(folder.newFile("large.json").toPath(), large);
        assertEquals(new Identity("feature", null, null, null, null), inspector.identify(deployed));
    }

    @Test
    public void aJarThatChangesWhileReadIsNotTakenForTheOneHashed() throws Exception {
        Map<String, String> headers = bundle("org.example.fragment", "1.0.0");
        headers.put("Fragment-Host", "org.example.host");
        byte[] jar = jar(headers, Map.of());
        Path file = file(jar);
        assertEquals(PluginInspector.sha256(jar), inspector.inspect(file, FRAMEWORK).sha256());
        // The framework is asked about the host while the jar is read: the file changes right then.
        Installed changing = new Installed() {
            @Override
            public boolean platformBundle(String symbolicName) {
                return false;
            }

            @Override
            public boolean deployedBundle(String symbolicName) {
                try {
                    Files.write(file, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return true;
            }

            @Override
            public String pidOwner(String pid) {
                return null;
            }
        };
        ApiException changed = assertThrows(ApiException.class, () -> inspector.inspect(file, changing));
        assertEquals(409, changed.status());
        assertTrue(changed.getMessage(), changed.getMessage().contains("changed while it was read"));
    }
}
