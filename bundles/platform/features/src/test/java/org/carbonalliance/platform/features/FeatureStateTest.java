package org.carbonalliance.platform.features;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FeatureStateTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void sharedBundleStaysUntilTheLastFeatureNeedingItGoes() throws Exception {
        Path file = tmp.getRoot().toPath().resolve("state/features.json");
        FeatureState state = new FeatureState(file);
        state.put(new FeatureRecord("g:a:1", "A", "a.json", List.of("mvn:x/shared/1", "mvn:x/a/1"), List.of()),
                List.of("mvn:x/shared/1", "mvn:x/a/1"));
        state.put(new FeatureRecord("g:b:1", "B", "b.json", List.of("mvn:x/shared/1", "mvn:x/b/1"), List.of()),
                List.of("mvn:x/b/1"));

        assertEquals(List.of("mvn:x/a/1"), state.remove("g:a:1"));
        assertEquals(List.of("mvn:x/shared/1", "mvn:x/b/1"), state.remove("g:b:1"));
    }

    @Test
    public void bundlesNotBroughtByAFeatureAreNeverRemoved() throws Exception {
        FeatureState state = new FeatureState(tmp.getRoot().toPath().resolve("f.json"));
        state.put(new FeatureRecord("g:a:1", "A", "a.json", List.of("mvn:platform/api/1"), List.of()), List.of());
        assertTrue(state.remove("g:a:1").isEmpty());
    }

    @Test
    public void survivesARestart() throws Exception {
        Path file = tmp.getRoot().toPath().resolve("f.json");
        new FeatureState(file).put(new FeatureRecord("g:a:1", "A", "a.json", List.of("mvn:x/a/1"), List.of("pid.a")),
                List.of("mvn:x/a/1"));
        FeatureState reread = new FeatureState(file);
        assertEquals("A", reread.get("g:a:1").name());
        assertEquals(List.of("mvn:x/a/1"), reread.remove("g:a:1"));
        assertFalse(Files.readString(file).contains("g:a:1"));
    }

    @Test
    public void configurationOwnership() throws Exception {
        FeatureState state = new FeatureState(tmp.getRoot().toPath().resolve("f.json"));
        state.put(new FeatureRecord("g:a:1", "A", "a.json", List.of(), List.of("pid.shared")), List.of());
        assertTrue(state.configurationUsedByOthers("g:b:1", "pid.shared"));
        assertFalse(state.configurationUsedByOthers("g:a:1", "pid.shared"));
    }
}
