package org.carbonalliance.platform.features.plugins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.features.plugins.PluginInspector.Content;
import org.carbonalliance.platform.features.plugins.PluginInspector.Installed;
import org.junit.Rule;
import org.junit.rules.TemporaryFolder;
import org.osgi.service.feature.FeatureService;

/**
 * What the inspection tests share: plugin files built in memory, written to a temporary folder and inspected against
 * {@link #FRAMEWORK}.
 */
abstract class InspectionFixture {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    final PluginInspector inspector = new PluginInspector(
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

    Path file(byte[] bytes) throws IOException {
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

    static final Installed FRAMEWORK = installed(Set.of("org.apache.felix.scr", "org.apache.felix.framework",
            "com.zaxxer.hikari"), Set.of("org.example.host"));

    Content inspect(byte[] bytes) throws IOException {
        return inspector.inspect(file(bytes), FRAMEWORK);
    }

    String refusal(byte[] bytes) {
        ApiException e = assertThrows(ApiException.class, () -> inspect(bytes));
        assertEquals(e.getMessage(), 400, e.status());
        return e.getMessage();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] feature(String members) {
        return utf8("{\"id\":\"org.example:demo-feature:1.0\"" + members + "}");
    }
}
