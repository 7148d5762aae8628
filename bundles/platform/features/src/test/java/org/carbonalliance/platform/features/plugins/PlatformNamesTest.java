package org.carbonalliance.platform.features.plugins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.carbonalliance.platform.features.plugins.PluginInspector.Content;
import org.junit.Test;

/** The platform's names a plugin may not take: symbolic names, PIDs and Maven coordinates. */
public class PlatformNamesTest extends InspectionFixture {

    @Test
    public void theWholePlatformNamespaceIsReservedButTheExamples() throws Exception {
        for (String name : new String[] {"org.carbonalliance.membership.impl", "org.carbonalliance",
                "org.carbonalliance.examplesx.a", "org.carbonalliance.examples", "org.carbonalliance.plugins"}) {
            assertTrue(name, refusal(jar(bundle(name, "1.0.0"), Map.of())).contains("platform bundle"));
        }
        assertEquals("org.carbonalliance.examples.other",
                inspect(jar(bundle("org.carbonalliance.examples.other", "1.0.0"), Map.of())).symbolicName());
        assertEquals("org.carbonalliancex.plugin",
                inspect(jar(bundle("org.carbonalliancex.plugin", "1.0.0"), Map.of())).symbolicName());
        assertTrue(PlatformNames.reservedName("org.carbonalliance.platform"));
        assertFalse(PlatformNames.reservedName("org.carbonalliance.examples.hello"));
    }

    @Test
    public void aFeatureConfiguringAPlatformPidIsRefusedNamingIt() throws Exception {
        for (String pid : new String[] {"org.carbonalliance.plugins", "org.carbonalliance.web~extra",
                "org.carbonalliance.security", "org.apache.felix.http", "org.apache.felix.fileinstall~more",
                "org.ops4j.pax.logging", "org.osgi.service.x", "com.zaxxer.hikari.pool"}) {
            String message = refusal(feature(",\"configurations\":{\"org.example.mine\":{\"a\":1},\"" + pid
                    + "\":{\"x\":1}}"));
            assertTrue(message, message.contains("configures " + pid + ", a PID of the platform"));
        }
        assertTrue(refusal(feature(",\"configurations\":{\"com.zaxxer.hikari\":{}}")).contains("of the bundle "
                + "com.zaxxer.hikari"));
        assertTrue(PlatformNames.reservedPid("org.apache.felix"));
        assertFalse(PlatformNames.reservedPid("org.apache.felixx"));
        assertFalse(PlatformNames.reservedPid("org.carbonalliance.examples.hello"));
    }

    @Test
    public void aFeatureListingAPlatformBundleIsRefused() throws Exception {
        assertTrue(refusal(feature(",\"bundles\":[{\"id\":\"org.example:demo:1.0\"},"
                + "{\"id\":\"org.carbonalliance:platform-web:0.1.0\"}]")).contains(
                        "org.carbonalliance:platform-web:0.1.0, a platform bundle"));
        assertTrue(refusal(feature(",\"bundles\":[{\"id\":\"org.carbonalliance.extra:anything:1.0\"}]"))
                .contains("a platform bundle"));
        assertTrue(refusal(feature(",\"bundles\":[{\"id\":\"org.example!x:demo/../c:1.0\"}]"))
                .contains("Maven coordinates"));
        assertTrue(refusal(feature(",\"bundles\":[{\"id\":\"org.example:demo:1.0\",\"start-order\":\"soon\"}]"))
                .contains("start-order"));
        assertTrue(refusal(utf8("{\"id\":\"org.carbonalliance:platform:osgifeature:9\"}"))
                .contains("platform's group"));
        Content example = inspect(utf8("{\"id\":\"org.carbonalliance:example-hello:osgifeature:1.0\",\"bundles\":"
                + "[{\"id\":\"org.carbonalliance:example-hello-servlet:1.0\",\"start-order\":6}]}"));
        assertEquals(List.of("org.carbonalliance:example-hello-servlet:1.0"), example.bundles());
        assertTrue(PlatformNames.platformCoordinates("org.carbonalliance", "platform-api"));
        assertFalse(PlatformNames.platformCoordinates("org.carbonalliance", "example-field-notes"));
        assertFalse(PlatformNames.platformCoordinates("org.carbonalliancex", "platform-api"));
    }
}
