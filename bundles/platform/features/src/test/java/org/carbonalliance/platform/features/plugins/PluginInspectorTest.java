package org.carbonalliance.platform.features.plugins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.features.plugins.PluginInspector.Content;
import org.carbonalliance.platform.features.plugins.PluginInspector.Identity;
import org.carbonalliance.platform.features.plugins.PluginInspector.Installed;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginConfigProperty;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginConfiguration;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginExport;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginImport;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.service.feature.FeatureService;

public class PluginInspectorTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final PluginInspector inspector = new PluginInspector(
            ServiceLoader.load(FeatureService.class).findFirst().orElseThrow());

    /** A jar built in memory: the manifest's main attributes, then further entries (name to content). */
    static byte[] jar(Map<String, String> headers, Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(main::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new ZipEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Map<String, String> bundle(String symbolicName, String version) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", symbolicName);
        headers.put("Bundle-Version", version);
        return headers;
    }

    private Path file(byte[] bytes) throws IOException {
        return Files.write(folder.newFile().toPath(), bytes);
    }

    /**
     * A framework for the checks: bundles installed other than from deploy/, plugins deployed from deploy/, and
     * symbolic names of platform bundles PIDs may be named after.
     */
    static Installed installed(Set<String> platform, Set<String> deployed) {
        return new Installed() {
            @Override
            public boolean platformBundle(String symbolicName) {
                return symbolicName.equals("system.bundle") || platform.contains(symbolicName);
            }

            @Override
            public boolean deployedBundle(String symbolicName) {
                return deployed.contains(symbolicName);
            }

            @Override
            public String pidOwner(String pid) {
                return platform.stream().filter(n -> pid.equals(n) || pid.startsWith(n + ".")).findFirst()
                        .orElse(null);
            }
        };
    }

    private static final Installed FRAMEWORK = installed(Set.of("org.apache.felix.scr", "org.apache.felix.framework",
            "com.zaxxer.hikari"), Set.of("org.example.host"));

    private Content inspect(byte[] bytes) throws IOException {
        return inspector.inspect(file(bytes), FRAMEWORK);
    }

    private String refusal(byte[] bytes) {
        ApiException e = assertThrows(ApiException.class, () -> inspect(bytes));
        assertEquals(e.getMessage(), 400, e.status());
        return e.getMessage();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

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
    public void filesThatAreNeitherJarNorJsonAreRefused() {
        assertTrue(refusal(utf8("this is not a plugin")).contains("neither a bundle (a jar) nor an OSGi Feature"));
        assertTrue(refusal(new byte[0]).contains("neither"));
        assertTrue(refusal(utf8("PK\u0003\u0004 and then garbage")).startsWith("Not a jar (zip) file"));
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
    public void aComponentDescriptionThatExpandsTooFarIsRefusedWhileReading() throws Exception {
        Map<String, String> headers = bundle("org.example.bomb", "1.0.0");
        headers.put("Service-Component", "OSGI-INF/bomb.xml");
        byte[] zeros = new byte[PluginInspector.MAX_COMPONENT_BYTES * 20];
        byte[] jar = jar(headers, Map.of("OSGI-INF/bomb.xml", zeros));
        assertTrue("it compresses well", jar.length < zeros.length / 100);
        assertTrue(refusal(jar).contains("OSGI-INF/bomb.xml expands to more than"));
    }

    @Test
    public void manyComponentDescriptionsStayWithinOneBudget() throws Exception {
        Map<String, String> headers = bundle("org.example.many", "1.0.0");
        headers.put("Service-Component", "OSGI-INF/*.xml");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        byte[] big = new byte[PluginInspector.MAX_COMPONENT_BYTES - 10];
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

    /** A jar whose manifest is exactly {@code manifest}, as a tool that writes headers twice would write it. */
    private static byte[] rawJar(String manifest) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            out.write(utf8(manifest));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] feature(String members) {
        return utf8("{\"id\":\"org.example:demo-feature:1.0\"" + members + "}");
    }

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
        assertTrue(PluginInspector.reservedName("org.carbonalliance.platform"));
        assertFalse(PluginInspector.reservedName("org.carbonalliance.examples.hello"));
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

    @Test
    public void aManifestWithAHeaderTwiceIsRefused() throws Exception {
        String manifest = "Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\nBundle-SymbolicName: org.example.a\r\n"
                + "bundle-symbolicname: org.carbonalliance.platform.web\r\n\r\nName: x\r\nA: 1\r\n";
        assertTrue(refusal(rawJar(manifest)).contains("bundle-symbolicname more than once"));
        assertNull(PluginInspector.repeatedHeader(utf8("A: 1\nB: 2\n continued: not a header\n\nName: x\nA: 2\n")));
        assertEquals("A", PluginInspector.repeatedHeader(utf8("A: 1\nB: 2\nA: 3\n")));
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
        assertTrue(PluginInspector.reservedPid("org.apache.felix"));
        assertFalse(PluginInspector.reservedPid("org.apache.felixx"));
        assertFalse(PluginInspector.reservedPid("org.carbonalliance.examples.hello"));
    }

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
        assertTrue(PluginInspector.platformCoordinates("org.carbonalliance", "platform-api"));
        assertFalse(PluginInspector.platformCoordinates("org.carbonalliance", "example-field-notes"));
        assertFalse(PluginInspector.platformCoordinates("org.carbonalliancex", "platform-api"));
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
    public void wildcardsMatchWithinTheLastSegmentWithoutBacktracking() throws Exception {
        assertTrue(PluginInspector.globMatches("*.xml", "OSGI-INF/a.xml"));
        assertTrue(PluginInspector.globMatches("*", "OSGI-INF/a.xml"));
        assertTrue(PluginInspector.globMatches("a*b*c", "a-x-b-y-c"));
        assertTrue(PluginInspector.globMatches("a*b*c", "abc"));
        assertTrue(PluginInspector.globMatches("a**c", "ac"));
        assertFalse(PluginInspector.globMatches("a*b*c", "a-x-c"));
        assertFalse(PluginInspector.globMatches("*.xml", "OSGI-INF/a.xmlx"));
        assertFalse(PluginInspector.globMatches("ab*ba", "aba"));
        assertTrue(PluginInspector.globMatches("one.xml", "OSGI-INF/one.xml"));
        String name = "a".repeat(500);
        String glob = "*a".repeat(100) + "*b";
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            assertFalse(PluginInspector.globMatches(glob, name));
        }
        assertTrue("linear, not exponential", System.nanoTime() - start < 2_000_000_000L);

        Map<String, String> headers = bundle("org.example.globs", "1.0.0");
        headers.put("Service-Component", String.join(",", java.util.Collections.nCopies(
                PluginInspector.MAX_COMPONENT_WILDCARDS + 1, "OSGI-INF/*.xml")));
        assertTrue(refusal(jar(headers, Map.of())).contains("wildcard"));
        headers.put("Service-Component", "OSGI-INF/*/x.xml,OSGI-INF/c*.xml");
        Content content = inspect(jar(headers, Map.of("OSGI-INF/sub/x.xml", utf8("<component><service><provide "
                + "interface='not.Matched'/></service></component>"), "OSGI-INF/c1.xml", utf8("<component><service>"
                + "<provide interface='org.example.C1'/></service></component>"))));
        assertEquals(List.of("org.example.C1"), content.services());
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
