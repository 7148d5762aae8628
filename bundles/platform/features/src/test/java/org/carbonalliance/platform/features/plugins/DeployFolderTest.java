package org.carbonalliance.platform.features.plugins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.carbonalliance.platform.features.plugins.DeployFolder.Entry;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.service.feature.FeatureService;

public class DeployFolderTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path deploy;
    private DeployFolder deployFolder;

    @Before
    public void setUp() throws Exception {
        deploy = Files.createDirectory(folder.getRoot().toPath().resolve("deploy"));
        deployFolder = new DeployFolder(deploy, new PluginInspector(
                ServiceLoader.load(FeatureService.class).findFirst().orElseThrow()));
    }

    @Test
    public void listsPluginFilesWithWhatTheyAre() throws Exception {
        byte[] jar = PluginInspectorTest.jar(PluginInspectorTest.bundle("org.example.a", "1.0.0"), Map.of());
        Files.write(deploy.resolve("a.jar"), jar);
        Files.writeString(deploy.resolve("f.json"), "{\"id\":\"g:f:2.0\"}");
        Files.writeString(deploy.resolve("settings.cfg"), "x=1");
        List<Entry> entries = deployFolder.entries();
        assertEquals(List.of("a.jar", "f.json"), entries.stream().map(Entry::name).toList());
        assertEquals("org.example.a", entries.get(0).identity().symbolicName());
        assertEquals(PluginInspector.sha256(deploy.resolve("a.jar")), entries.get(0).sha256());
        assertEquals("g:f:2.0", entries.get(1).identity().featureId());
        assertTrue(deployFolder.find("a.jar").isPresent());
        for (String name : new String[] {"../deploy/a.jar", "./a.jar", "A.JAR", "settings.cfg", "..", "", "a.jar/"}) {
            assertFalse(name, deployFolder.find(name).isPresent());
        }
    }

    @Test
    public void aFileMovesInWholeAndTheSourceIsGone() throws Exception {
        Path staged = Files.writeString(folder.newFile("x.json").toPath(), "{\"id\":\"g:x:1\"}");
        Path target = deployFolder.moveIn(staged, "g_x_1.json");
        assertEquals(deploy.resolve("g_x_1.json"), target);
        assertFalse(Files.exists(staged));
        assertEquals("{\"id\":\"g:x:1\"}", Files.readString(target));
        assertTrue(deployFolder.delete(deployFolder.find("g_x_1.json").orElseThrow()));
        assertFalse(Files.exists(target));
    }

    @Test
    public void bundleLocationsAreMappedToFilesInDeployOnly() {
        assertEquals("a.jar", deployFolder.fileOf(deploy.resolve("a.jar").toUri().toString()));
        assertNull(deployFolder.fileOf(deploy.resolveSibling("a.jar").toUri().toString()));
        assertNull(deployFolder.fileOf(deploy.resolve("sub/a.jar").toUri().toString()));
        assertNull(deployFolder.fileOf("mvn:org.carbonalliance/platform-web/0.1.0"));
        assertNull(deployFolder.fileOf("inputstream:a.jar"));
        assertNull(deployFolder.fileOf(null));
        assertTrue(deployFolder.holds(deploy.resolve("f.json")));
        assertFalse(deployFolder.holds(Path.of("startup")));
    }

    @Test
    public void symbolicLinksAreNeitherListedNorFollowedButTakeTheirName() throws Exception {
        byte[] jar = PluginInspectorTest.jar(PluginInspectorTest.bundle("org.example.outside", "1.0.0"), Map.of());
        Path outside = Files.write(folder.newFile("outside.jar").toPath(), jar);
        Files.createSymbolicLink(deploy.resolve("linked.jar"), outside);
        Files.createSymbolicLink(deploy.resolve("dangling.json"), deploy.resolveSibling("missing.json"));
        assertEquals(List.of(), deployFolder.entries());
        assertFalse(deployFolder.find("linked.jar").isPresent());
        assertTrue(deployFolder.taken("linked.jar"));
        assertTrue(deployFolder.taken("dangling.json"));
        assertFalse(deployFolder.taken("free.jar"));
        assertTrue(Files.exists(outside));
    }
}
