package org.carbonalliance.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class LauncherConfigTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path home() throws Exception {
        Path home = tmp.getRoot().toPath();
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/config.properties"), String.join("\n",
                "org.osgi.service.http.port=8080",
                "org.osgi.framework.storage=${alliance.data}/cache",
                "alliance.db.url=jdbc:h2:file:${alliance.data}/db/alliance"));
        return home;
    }

    @Test
    public void substitutesHomeAndData() throws Exception {
        Path home = home();
        Map<String, String> props = LauncherConfig.load(home, Map.of());
        assertEquals(home.resolve("data") + "/cache", props.get("org.osgi.framework.storage"));
        assertEquals("jdbc:h2:file:" + home.resolve("data") + "/db/alliance", props.get("alliance.db.url"));
        assertEquals("8080", props.get("org.osgi.service.http.port"));
    }

    @Test
    public void environmentOverridesThePort() throws Exception {
        assertEquals("9191", LauncherConfig.load(home(), Map.of("ALLIANCE_HTTP_PORT", "9191"))
                .get("org.osgi.service.http.port"));
    }

    @Test
    public void rejectsAPortThatIsNoPort() throws Exception {
        Path home = home();
        assertThrows(IllegalArgumentException.class, () -> LauncherConfig.load(home, Map.of("ALLIANCE_HTTP_PORT", "80a")));
        assertThrows(IllegalArgumentException.class, () -> LauncherConfig.load(home, Map.of("ALLIANCE_HTTP_PORT", "70000")));
    }
}
