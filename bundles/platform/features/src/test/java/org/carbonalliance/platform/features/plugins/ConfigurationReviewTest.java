package org.carbonalliance.platform.features.plugins;

import static org.junit.Assert.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carbonalliance.platform.features.plugins.PluginInspector.Content;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginConfigProperty;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginConfiguration;
import org.junit.Test;

/** A feature's configuration values in the review: shown when harmless, hidden when they may be secrets. */
public class ConfigurationReviewTest extends InspectionFixture {

    @Test
    public void aFeaturesConfigurationsAreShownWithoutSecrets() throws Exception {
        Content content = inspect(feature(",\"configurations\":{"
                + "\"org.example.soil~lab\":{\"greeting\":\"hello\",\"retries:Integer\":3,\"enabled\":true,"
                + "\"password\":\"hunter2\",\"apiKey\":\"abc\",\"endpoint\":\"https://u:p@example.org\","
                + "\"blob\":\"dGhpcyBpcyBhIHNlY3JldCB2YWx1ZSAxMjM0NQ==\",\"hosts\":[\"a\",\"b\"],"
                + "\"long\":\"" + "x ".repeat(40) + "\"},"
                + "\"org.carbonalliance.examples.hello\":{}}"));
        List<PluginConfiguration> configurations = content.configurations();
        assertEquals(2, configurations.size());
        PluginConfiguration hello = configurations.get(0);
        assertEquals(new PluginConfiguration("org.carbonalliance.examples.hello", null, List.of()), hello);
        PluginConfiguration soil = configurations.get(1);
        assertEquals("org.example.soil~lab", soil.pid());
        assertEquals("org.example.soil", soil.factoryPid());
        Map<String, PluginConfigProperty> byName = new LinkedHashMap<>();
        soil.properties().forEach(p -> byName.put(p.name(), p));
        assertEquals(List.of("apiKey", "blob", "enabled", "endpoint", "greeting", "hosts", "long", "password",
                "retries"), List.copyOf(byName.keySet()));
        assertEquals(new PluginConfigProperty("greeting", "hello", false), byName.get("greeting"));
        assertEquals(new PluginConfigProperty("retries", "3", false), byName.get("retries"));
        assertEquals(new PluginConfigProperty("enabled", "true", false), byName.get("enabled"));
        assertEquals(new PluginConfigProperty("hosts", "[a, b]", false), byName.get("hosts"));
        for (String hidden : new String[] {"password", "apiKey", "endpoint", "blob", "long"}) {
            assertEquals(hidden, new PluginConfigProperty(hidden, null, true), byName.get(hidden));
        }
    }
}
