package org.carbonalliance.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class StartupBundlesTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void readsEntriesInOrderSkippingComments() throws Exception {
        Path file = tmp.getRoot().toPath().resolve("startup.txt");
        Files.writeString(file, "# generated\n1 mvn:org.slf4j/slf4j-api/2.0.17 system/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar\n\n"
                + "4 mvn:org.carbonalliance/platform-api/1 system/org/carbonalliance/platform-api/1/platform-api-1.jar\n");
        List<StartupBundles.Entry> entries = StartupBundles.read(file);
        assertEquals(2, entries.size());
        assertEquals(1, entries.get(0).startLevel());
        assertEquals("mvn:org.carbonalliance/platform-api/1", entries.get(1).location());
    }

    @Test
    public void malformedLineIsReportedWithTheFile() throws Exception {
        Path file = tmp.getRoot().toPath().resolve("startup.txt");
        Files.writeString(file, "1 only-two\n");
        IOException e = assertThrows(IOException.class, () -> StartupBundles.read(file));
        assertEquals(true, e.getMessage().contains("startup.txt"));
    }
}
