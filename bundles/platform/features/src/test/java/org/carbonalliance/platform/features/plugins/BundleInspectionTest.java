package org.carbonalliance.platform.features.plugins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.carbonalliance.platform.features.plugins.PluginInspector.Content;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginExport;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginImport;
import org.junit.Test;

/** A bundle's manifest as the review shows it, and the bundles it refuses. */
public class BundleInspectionTest extends InspectionFixture {

    @Test
    public void aBundleIsDescribedFromItsManifestAndComponents() throws Exception {
        Map<String, String> headers = bundle("org.example.plugin;singleton:=true", "1.2.3.beta");
        headers.put("Bundle-Name", "Example plugin");
        headers.put("Bundle-Description", "Does, among other things; this");
        headers.put("Import-Package", "org.osgi.framework;version=\"[1.10,2)\",org.example.maybe;resolution:=optional,"
                + "a.b;c.d;version=1.0");
        headers.put("Export-Package", "org.example.plugin.api;version=\"1.0.0\";uses:=\"org.osgi.framework,a.b\"");
        headers.put("Provide-Capability", "osgi.service;objectClass:List<String>=\"org.example.A,org.example.B\";"
                + "uses:=\"org.example\",osgi.other;objectClass=not.a.Service");
        headers.put("Require-Capability",
                "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.5.0))\"");
        headers.put("Service-Component", "OSGI-INF/one.xml, OSGI-INF/more/*.xml, OSGI-INF/missing.xml");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("OSGI-INF/one.xml", utf8("<?xml version='1.0'?><scr:component "
                + "xmlns:scr='http://www.osgi.org/xmlns/scr/v1.3.0' name='one'><service>"
                + "<provide interface='org.example.C'/></service></scr:component>"));
        entries.put("OSGI-INF/more/two.xml", utf8("<component name='two'><service><provide interface='org.example.A'/>"
                + "<provide interface=' org.example.D '/></service></component>"));
        entries.put("OSGI-INF/more/deeper/three.xml", utf8("<component><service><provide interface='not.Listed'/>"
                + "</service></component>"));
        byte[] jar = jar(headers, entries);

        Content content = inspect(jar);

        assertEquals("bundle", content.kind());
        assertEquals("org.example.plugin", content.symbolicName());
        assertEquals("org.example.plugin", content.identity());
        assertNull(content.featureId());
        assertEquals("1.2.3.beta", content.version());
        assertEquals("Example plugin", content.name());
        assertEquals("Does, among other things; this", content.description());
        assertEquals(List.of(new PluginImport("org.osgi.framework", "[1.10,2)", false),
                new PluginImport("org.example.maybe", null, true), new PluginImport("a.b", "1.0", false),
                new PluginImport("c.d", "1.0", false)), content.imports());
        assertEquals(List.of(new PluginExport("org.example.plugin.api", "1.0.0")), content.exports());
        assertEquals(List.of("osgi.extender (&(osgi.extender=osgi.component)(version>=1.5.0))"),
                content.requirements());
        assertEquals(List.of("org.example.A", "org.example.B", "org.example.C", "org.example.D"), content.services());
        assertEquals(List.of(), content.bundles());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar)), content.sha256());
        assertEquals(jar.length, content.size());
    }

    @Test
    public void aBundleWithoutVersionIsVersionZero() throws Exception {
        Map<String, String> headers = bundle("org.example.plain", "1");
        headers.remove("Bundle-Version");
        assertEquals("0.0.0", inspect(jar(headers, Map.of())).version());
        assertEquals("1.0.0", inspect(jar(bundle("org.example.plain", "1"), Map.of())).version());
    }

    @Test
    public void jarsThatAreNoDeployableBundlesAreRefusedWithTheReason() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write('x');
            out.closeEntry();
        }
        assertEquals("Not an OSGi bundle: the jar has no META-INF/MANIFEST.MF.", refusal(zip.toByteArray()));

        Map<String, String> noName = bundle("x", "1.0.0");
        noName.remove("Bundle-SymbolicName");
        assertEquals("Not an OSGi bundle: its manifest has no Bundle-SymbolicName.", refusal(jar(noName, Map.of())));

        Map<String, String> oldStyle = bundle("org.example.old", "1.0.0");
        oldStyle.put("Bundle-ManifestVersion", "1");
        assertTrue(refusal(jar(oldStyle, Map.of())).contains("Bundle-ManifestVersion: 2"));
        oldStyle.remove("Bundle-ManifestVersion");
        assertTrue(refusal(jar(oldStyle, Map.of())).contains("Bundle-ManifestVersion: 2"));

        assertTrue(refusal(jar(bundle("org.example.bad", "1.x.0"), Map.of())).contains("not an OSGi version"));
        assertTrue(refusal(jar(bundle("../../etc/passwd", "1.0.0"), Map.of())).contains("not a valid symbolic name"));
        assertTrue(refusal(jar(bundle("a b", "1.0.0"), Map.of())).contains("not a valid symbolic name"));
    }

    @Test
    public void platformBundlesCannotBeReplacedByAPlugin() throws Exception {
        assertTrue(refusal(jar(bundle("org.carbonalliance.platform.web", "9.0.0"), Map.of()))
                .contains("org.carbonalliance.platform.web is the symbolic name of a platform bundle"));
        assertTrue(refusal(jar(bundle("org.carbonalliance.platformer", "1.0.0"), Map.of()))
                .contains("platform bundle"));
        // A bundle installed other than from deploy/ (the predicate says so in this test).
        assertTrue(refusal(jar(bundle("org.apache.felix.scr", "9.0.0"), Map.of())).contains("platform bundle"));
        assertEquals("org.carbonalliance.examples.hello",
                inspect(jar(bundle("org.carbonalliance.examples.hello", "1.0.0"), Map.of())).symbolicName());
    }

    @Test
    public void fragmentsOfTheFrameworkOrOfPlatformBundlesAreRefused() throws Exception {
        Map<String, String> headers = bundle("org.example.fragment", "1.0.0");
        for (String host : new String[] {"system.bundle", "system.bundle;extension:=framework",
                "org.apache.felix.framework;extension:=bootclasspath"}) {
            headers.put("Fragment-Host", host);
            assertTrue(host, refusal(jar(headers, Map.of())).contains("extension bundle"));
        }
        headers.put("Fragment-Host", "org.apache.felix.framework");
        assertTrue(refusal(jar(headers, Map.of())).contains("a platform bundle"));
        headers.put("Fragment-Host", "org.apache.felix.scr;bundle-version=\"[2,3)\"");
        assertTrue(refusal(jar(headers, Map.of())).contains("org.apache.felix.scr, a platform bundle"));
        headers.put("Fragment-Host", "org.carbonalliance.platform.web");
        assertTrue(refusal(jar(headers, Map.of())).contains("a platform bundle"));
        headers.put("Fragment-Host", "org.example.elsewhere");
        assertTrue(refusal(jar(headers, Map.of())).contains("no plugin deployed from deploy/"));
        headers.put("Fragment-Host", "org.example.host;org.example.other");
        assertTrue(refusal(jar(headers, Map.of())).contains("exactly one host"));
    }

    @Test
    public void aFragmentOfADeployedPluginIsShownWithItsHostAndOtherPowerfulHeaders() throws Exception {
        Map<String, String> headers = bundle("org.example.fragment", "1.0.0");
        headers.put("Fragment-Host", "org.example.host;bundle-version=\"[1,2)\"");
        headers.put("Require-Bundle", "org.example.lib;bundle-version=\"[1.0,2)\",org.example.maybe;"
                + "resolution:=optional");
        headers.put("DynamicImport-Package", "*,org.example.dyn.*");
        headers.put("Bundle-Activator", " org.example.fragment.Start ");
        Content content = inspect(jar(headers, Map.of()));
        assertEquals("org.example.host;bundle-version=[1,2)", content.fragmentHost());
        assertEquals(List.of("org.example.lib [1.0,2)", "org.example.maybe (optional)"), content.requiredBundles());
        assertEquals(List.of("*", "org.example.dyn.*"), content.dynamicImports());
        assertEquals("org.example.fragment.Start", content.activator());

        Content plain = inspect(jar(bundle("org.example.plain", "1.0.0"), Map.of()));
        assertNull(plain.fragmentHost());
        assertNull(plain.activator());
        assertEquals(List.of(), plain.requiredBundles());
        assertEquals(List.of(), plain.dynamicImports());
    }
}
