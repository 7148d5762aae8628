package org.carbonalliance.platform.features.plugins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.carbonalliance.platform.features.plugins.PluginInspector.Content;
import org.junit.Test;

/** A feature as the Feature service reads it, and JSON that is none. */
public class FeatureInspectionTest extends InspectionFixture {

    @Test
    public void aFeatureIsDescribedByTheFeatureService() throws Exception {
        byte[] json = utf8("\n  {\"id\":\"org.example:demo-feature:1.2.0\",\"name\":\"Demo\","
                + "\"description\":\"A demo\",\"bundles\":[{\"id\":\"org.example:demo:1.2.0\"},{\"id\":\"org.example:other:2.0\"}]}");
        Content content = inspect(json);
        assertEquals("feature", content.kind());
        assertEquals("org.example:demo-feature:1.2.0", content.featureId());
        assertEquals("org.example:demo-feature", content.identity());
        assertNull(content.symbolicName());
        assertEquals("1.2.0", content.version());
        assertEquals("Demo", content.name());
        assertEquals("A demo", content.description());
        assertEquals(List.of("org.example:demo:1.2.0", "org.example:other:2.0"), content.bundles());
        assertEquals("org.example_demo-feature_1.2.0.json", PluginInstaller.fileName(content));
    }

    @Test
    public void jsonThatIsNoFeatureIsRefused() {
        assertTrue(refusal(utf8("{\"name\":\"no id\"}")).startsWith("Not a valid OSGi Feature"));
        assertTrue(refusal(utf8("{\"id\":\"org.example:truncated:1.0\",\"bundles\":[")).startsWith(
                "Not a valid OSGi Feature"));
    }
}
