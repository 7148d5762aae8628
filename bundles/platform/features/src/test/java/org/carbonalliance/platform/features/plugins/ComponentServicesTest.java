package org.carbonalliance.platform.features.plugins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carbonalliance.platform.features.plugins.PluginInspector.Content;
import org.junit.Test;

/** The services read from component descriptions: within their caps, without a DOCTYPE, found by wildcards. */
public class ComponentServicesTest extends InspectionFixture {

    @Test
    public void aComponentDescriptionThatExpandsTooFarIsRefusedWhileReading() throws Exception {
        Map<String, String> headers = bundle("org.example.bomb", "1.0.0");
        headers.put("Service-Component", "OSGI-INF/bomb.xml");
        byte[] zeros = new byte[ComponentServices.MAX_COMPONENT_BYTES * 20];
        byte[] jar = jar(headers, Map.of("OSGI-INF/bomb.xml", zeros));
        assertTrue("it compresses well", jar.length < zeros.length / 100);
        assertTrue(refusal(jar).contains("OSGI-INF/bomb.xml expands to more than"));
    }

    @Test
    public void manyComponentDescriptionsStayWithinOneBudget() throws Exception {
        Map<String, String> headers = bundle("org.example.many", "1.0.0");
        headers.put("Service-Component", "OSGI-INF/*.xml");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        byte[] big = new byte[ComponentServices.MAX_COMPONENT_BYTES - 10];
        java.util.Arrays.fill(big, (byte) ' ');
        byte[] xml = utf8("<component/>");
        System.arraycopy(xml, 0, big, 0, xml.length);
        for (int i = 0; i < 20; i++) {
            entries.put("OSGI-INF/c" + i + ".xml", big);
        }
        assertTrue(refusal(jar(headers, entries)).contains("expand to more than"));
    }

    @Test
    public void componentDescriptionsWithADoctypeAreRefusedAndNoEntityIsRead() throws Exception {
        Path secret = Files.writeString(folder.newFile("secret.txt").toPath(), "TOP-SECRET");
        Map<String, String> headers = bundle("org.example.xxe", "1.0.0");
        headers.put("Service-Component", "OSGI-INF/xxe.xml");
        String xml = "<?xml version='1.0'?><!DOCTYPE component [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]>"
                + "<component><service><provide interface='&x;'/></service></component>";
        String message = refusal(jar(headers, Map.of("OSGI-INF/xxe.xml", utf8(xml))));
        assertTrue(message, message.contains("OSGI-INF/xxe.xml"));
        assertFalse(message, message.contains("TOP-SECRET"));
    }

    @Test
    public void wildcardsMatchWithinTheLastSegmentWithoutBacktracking() throws Exception {
        assertTrue(ComponentServices.globMatches("*.xml", "OSGI-INF/a.xml"));
        assertTrue(ComponentServices.globMatches("*", "OSGI-INF/a.xml"));
        assertTrue(ComponentServices.globMatches("a*b*c", "a-x-b-y-c"));
        assertTrue(ComponentServices.globMatches("a*b*c", "abc"));
        assertTrue(ComponentServices.globMatches("a**c", "ac"));
        assertFalse(ComponentServices.globMatches("a*b*c", "a-x-c"));
        assertFalse(ComponentServices.globMatches("*.xml", "OSGI-INF/a.xmlx"));
        assertFalse(ComponentServices.globMatches("ab*ba", "aba"));
        assertTrue(ComponentServices.globMatches("one.xml", "OSGI-INF/one.xml"));
        String name = "a".repeat(500);
        String glob = "*a".repeat(100) + "*b";
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            assertFalse(ComponentServices.globMatches(glob, name));
        }
        assertTrue("linear, not exponential", System.nanoTime() - start < 2_000_000_000L);

        Map<String, String> headers = bundle("org.example.globs", "1.0.0");
        headers.put("Service-Component", String.join(",", java.util.Collections.nCopies(
                ComponentServices.MAX_COMPONENT_WILDCARDS + 1, "OSGI-INF/*.xml")));
        assertTrue(refusal(jar(headers, Map.of())).contains("wildcard"));
        headers.put("Service-Component", "OSGI-INF/*/x.xml,OSGI-INF/c*.xml");
        Content content = inspect(jar(headers, Map.of("OSGI-INF/sub/x.xml", utf8("<component><service><provide "
                + "interface='not.Matched'/></service></component>"), "OSGI-INF/c1.xml", utf8("<component><service>"
                + "<provide interface='org.example.C1'/></service></component>"))));
        assertEquals(List.of("org.example.C1"), content.services());
    }
}
