package org.carbonalliance.platform.features.plugins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.audit.AuditRecord;
import org.carbonalliance.platform.api.audit.AuditVerification;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.features.FeatureRecord;
import org.carbonalliance.platform.features.Features;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginActivation;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginUpload;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.feature.FeatureService;

/** The installer against a framework, audit log and feature manager made of plain objects. */
public class PluginInstallerTest {

    /** One audit entry as recorded. */
    record Entry(String action, String target, String before, String after) {
    }

    /** An audit log in memory; {@code onRecord} runs before an entry is kept and may throw, as a failing database. */
    static final class Audit implements AuditLog {
        final List<Entry> entries = new ArrayList<>();
        Consumer<Entry> onRecord = e -> { };

        @Override
        public void record(String action, String tenantId, String target, String before, String after) {
            Entry entry = new Entry(action, target, before, after);
            onRecord.accept(entry);
            entries.add(entry);
        }

        @Override
        public List<AuditRecord> recent(int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AuditVerification verify() {
            throw new UnsupportedOperationException();
        }

        List<String> actions() {
            return entries.stream().map(Entry::action).toList();
        }

        Entry last(String action) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i).action().equals(action)) {
                    return entries.get(i);
                }
            }
            throw new AssertionError("no " + action + " in " + actions());
        }
    }

    /** What features are installed. */
    static final class InstalledFeatures implements Features {
        final List<FeatureRecord> records = new ArrayList<>();

        @Override
        public FeatureRecord install(Path file) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void uninstall(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Collection<FeatureRecord> installed() {
            return records;
        }

        @Override
        public List<Path> available() {
            return List.of();
        }

        @Override
        public Path availableFile(String name) {
            return null;
        }
    }

    static Bundle bundle(long id, String symbolicName, String location) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> symbolicName;
                    case "getLocation" -> location;
                    case "getState" -> Bundle.ACTIVE;
                    case "hashCode" -> (int) id;
                    case "equals" -> proxy == args[0];
                    case "toString" -> symbolicName;
                    default -> null;
                });
    }

    static BundleContext context(Path data, Path deploy, List<Bundle> bundles) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> switch ((String) args[0]) {
                        case "alliance.data" -> data.toString();
                        case "felix.fileinstall.dir" -> deploy.toString();
                        default -> null;
                    };
                    case "getBundles" -> bundles.toArray(new Bundle[0]);
                    case "hashCode" -> 1;
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    static PluginsConfig config() {
        return (PluginsConfig) Proxy.newProxyInstance(PluginsConfig.class.getClassLoader(),
                new Class<?>[] {PluginsConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "maxUploadBytes" -> 50L << 20;
                    case "reviewMinutes" -> 60;
                    case "annotationType" -> PluginsConfig.class;
                    default -> null;
                });
    }

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    final Audit audit = new Audit();
    final InstalledFeatures features = new InstalledFeatures();
    final List<Bundle> bundles = new ArrayList<>();
    Path data;
    Path deploy;
    PluginInstaller installer;

    @Before
    public void setUp() throws Exception {
        data = folder.newFolder("data").toPath();
        deploy = folder.newFolder("deploy").toPath();
        bundles.add(bundle(0, "org.apache.felix.framework", "System Bundle"));
        bundles.add(bundle(1, "org.apache.felix.scr", "mvn:org.apache.felix/org.apache.felix.scr/2.2.6"));
        bundles.add(bundle(2, "com.zaxxer.hikari", "mvn:com.zaxxer/HikariCP/5.1.0"));
        bundles.add(bundle(3, "org.example.broughtbyfeature", "mvn:org.example/brought/1.0"));
        features.records.add(new FeatureRecord("org.carbonalliance:platform:osgifeature:1", "Platform", "startup",
                List.of("mvn:org.apache.felix/org.apache.felix.scr/2.2.6", "mvn:com.zaxxer/HikariCP/5.1.0"),
                List.of()));
        features.records.add(new FeatureRecord("org.example:brought:1", "Brought",
                deploy.resolve("org.example_brought_1.json").toString(), List.of("mvn:org.example/brought/1.0"),
                List.of()));
        installer = new PluginInstaller(context(data, deploy, bundles), audit,
                ServiceLoader.load(FeatureService.class).findFirst().orElseThrow(), features, config(),
                PluginInstallerTest::json);
    }

    /** JSON as the platform writes it into audit entries (its JsonText needs Jackson's java.time module, not here). */
    static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private PluginUpload stage(byte[] bytes) throws IOException {
        return installer.stage(new ByteArrayInputStream(bytes));
    }

    private List<String> deployFiles() throws IOException {
        try (Stream<Path> files = Files.list(deploy)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private Path stagedFile(PluginUpload upload) {
        return data.resolve("plugin-uploads").resolve(upload.id() + (upload.kind().equals("bundle") ? ".jar"
                : ".json"));
    }

    private static String status(ApiException e) {
        return e.status() + " " + e.getMessage();
    }

    private byte[] pluginJar(String name, String version) throws IOException {
        return PluginInspectorTest.jar(PluginInspectorTest.bundle(name, version), Map.of());
    }

    @Test
    public void activationNamesTheReviewedSha256() throws Exception {
        PluginUpload upload = stage(pluginJar("org.example.plugin", "1.0.0"));
        String other = "0".repeat(64);

        for (String malformed : new String[] {null, "", upload.sha256().toUpperCase(), upload.sha256() + "0", "g"
                .repeat(64)}) {
            ApiException e = assertThrows(ApiException.class, () -> installer.activate(upload.id(), malformed, null));
            assertEquals(status(e), 400, e.status());
            assertTrue(status(e), e.getMessage().startsWith("A field is invalid: sha256: "));
            assertEquals(1, e.details().size());
        }
        ApiException mismatch = assertThrows(ApiException.class, () -> installer.activate(upload.id(), other, null));
        assertEquals(status(mismatch), 409, mismatch.status());
        assertTrue(status(mismatch), mismatch.getMessage().contains("not the one reviewed"));
        assertEquals(List.of(), deployFiles());
        assertEquals(List.of("platform.plugin-uploaded"), audit.actions());

        PluginActivation done = installer.activate(upload.id(), upload.sha256(), null);
        assertEquals("org.example.plugin-1.0.0.jar", done.file());
        assertEquals(List.of("org.example.plugin-1.0.0.jar"), deployFiles());
        Entry installed = audit.last("platform.plugin-installed");
        assertTrue(installed.after(), installed.after().contains(upload.sha256()));
        assertFalse(Files.exists(stagedFile(upload)));
    }

    @Test
    public void whatTheUploadReplacesMustBeWhatTheReviewSaid() throws Exception {
        PluginUpload upload = stage(utf8("{\"id\":\"org.example:soil:osgifeature:2.0\"}"));
        assertNull(upload.replaces());
        // Meanwhile another version is deployed.
        Files.writeString(deploy.resolve("org.example_soil_osgifeature_1.0.json"),
                "{\"id\":\"org.example:soil:osgifeature:1.0\"}");
        ApiException changed = assertThrows(ApiException.class,
                () -> installer.activate(upload.id(), upload.sha256(), null));
        assertEquals(status(changed), 409, changed.status());
        assertTrue(status(changed), changed.getMessage().contains("changed since the review"));
        assertTrue(status(changed), changed.getMessage().contains("org.example_soil_osgifeature_1.0.json"));
        ApiException wrong = assertThrows(ApiException.class,
                () -> installer.activate(upload.id(), upload.sha256(), "something-else.json"));
        assertEquals(409, wrong.status());
        assertEquals(List.of("org.example_soil_osgifeature_1.0.json"), deployFiles());

        PluginUpload again = installer.staged(upload.id());
        assertEquals("org.example_soil_osgifeature_1.0.json", again.replaces().file());
        PluginActivation done = installer.activate(upload.id(), upload.sha256(), again.replaces().file());
        assertEquals("org.example_soil_osgifeature_1.0.json", done.replaces().file());
        assertEquals(List.of("org.example_soil_osgifeature_2.0.json"), deployFiles());
        assertTrue(Files.exists(data.resolve("replaced-plugins/org.example_soil_osgifeature_1.0.json")));
    }

    @Test
    public void nothingIsActivatedOrRemovedWhenTheAuditLogCannotRecordIt() throws Exception {
        PluginUpload upload = stage(pluginJar("org.example.plugin", "1.0.0"));
        audit.onRecord = e -> {
            throw new IllegalStateException("database down");
        };
        assertThrows(IllegalStateException.class, () -> installer.activate(upload.id(), upload.sha256(), null));
        assertEquals(List.of(), deployFiles());
        assertTrue("still staged", Files.exists(stagedFile(upload)));

        audit.onRecord = e -> { };
        installer.activate(upload.id(), upload.sha256(), null);
        audit.onRecord = e -> {
            throw new IllegalStateException("database down");
        };
        assertThrows(IllegalStateException.class, () -> installer.remove("org.example.plugin-1.0.0.jar"));
        assertEquals(List.of("org.example.plugin-1.0.0.jar"), deployFiles());

        audit.onRecord = e -> { };
        installer.remove("org.example.plugin-1.0.0.jar");
        assertEquals(List.of(), deployFiles());
        assertEquals(List.of("platform.plugin-uploaded", "platform.plugin-installed", "platform.plugin-removed"),
                audit.actions());
    }

    @Test
    public void aStepThatFailsAfterItsEntryIsRecordedAsFailed() throws Exception {
        PluginUpload upload = stage(pluginJar("org.example.plugin", "1.0.0"));
        audit.onRecord = e -> {
            if (e.action().equals("platform.plugin-installed")) {
                try {
                    Files.delete(stagedFile(upload)); // gone between the entry and the rename
                } catch (IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            }
        };
        assertThrows(IOException.class, () -> installer.activate(upload.id(), upload.sha256(), null));
        assertEquals(List.of("platform.plugin-uploaded", "platform.plugin-installed",
                "platform.plugin-install-failed"), audit.actions());
        assertEquals(List.of(), deployFiles());

        Path file = Files.write(deploy.resolve("org.example.other-1.0.0.jar"), pluginJar("org.example.other", "1.0.0"));
        audit.onRecord = e -> {
            if (e.action().equals("platform.plugin-removed")) {
                try { // something the deletion cannot remove takes the file's place
                    Files.delete(file);
                    Files.createDirectories(file.resolve("inside"));
                } catch (IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            }
        };
        assertThrows(IOException.class, () -> installer.remove("org.example.other-1.0.0.jar"));
        assertEquals("platform.plugin-remove-failed", audit.entries.get(audit.entries.size() - 1).action());
    }

    @Test
    public void aFeatureIsAuditedWithItsBundlesAndConfigurationNamesButNoValues() throws Exception {
        PluginUpload upload = stage(utf8("{\"id\":\"org.example:soil:osgifeature:1.0\",\"bundles\":["
                + "{\"id\":\"org.example:soil-lab:1.0\",\"start-order\":6},{\"id\":\"org.carbonalliance:"
                + "example-hello-servlet:0.1.0\"}],\"configurations\":{\"org.example.soil\":{\"greeting\":\"hi\","
                + "\"secretToken\":\"s3cr3t-value\"}}}"));
        assertEquals(List.of("org.example:soil-lab:1.0", "org.carbonalliance:example-hello-servlet:0.1.0"),
                upload.bundles());
        assertEquals("org.example.soil", upload.configurations().get(0).pid());
        for (Entry entry : List.of(audit.last("platform.plugin-uploaded"))) {
            assertTrue(entry.after(), entry.after().contains("\"bundles\":[\"org.example:soil-lab:1.0\","
                    + "\"org.carbonalliance:example-hello-servlet:0.1.0\"]"));
            assertTrue(entry.after(), entry.after().contains("\"configurations\":[{\"pid\":\"org.example.soil\","
                    + "\"properties\":[\"greeting\",\"secretToken\"]}]"));
            assertFalse(entry.after(), entry.after().contains("s3cr3t") || entry.after().contains("\"hi\""));
        }
        installer.activate(upload.id(), upload.sha256(), null);
        Entry installed = audit.last("platform.plugin-installed");
        assertTrue(installed.after(), installed.after().contains("org.example:soil-lab:1.0"));
        installer.remove("org.example_soil_osgifeature_1.0.json");
        Entry removed = audit.last("platform.plugin-removed");
        assertTrue(removed.before(), removed.before().contains("\"bundles\":[\"org.example:soil-lab:1.0\""));
    }

    @Test
    public void aFeatureConfiguringAPlatformPidIsRefusedAndNothingIsKept() throws Exception {
        for (String pid : new String[] {"org.carbonalliance.plugins", "org.apache.felix.scr", "com.zaxxer.hikari",
                "org.apache.felix.http~second"}) {
            ApiException e = assertThrows(ApiException.class, () -> stage(utf8("{\"id\":\"org.example:x:1.0\","
                    + "\"configurations\":{\"" + pid + "\":{\"a\":1}}}")));
            assertEquals(status(e), 400, e.status());
            assertTrue(status(e), e.getMessage().contains(pid));
        }
        // A bundle a plugin feature brought is no platform bundle: its PID may be configured.
        assertEquals("org.example.broughtbyfeature", stage(utf8("{\"id\":\"org.example:x:1.0\",\"configurations\":"
                + "{\"org.example.broughtbyfeature\":{\"a\":1}}}")).configurations().get(0).pid());
        assertEquals(List.of("platform.plugin-uploaded"), audit.actions());
        try (Stream<Path> files = Files.list(data.resolve("plugin-uploads"))) {
            assertEquals(1, files.count());
        }
    }

    @Test
    public void aFragmentOnlyOfAPluginFromDeploy() throws Exception {
        Map<String, String> headers = PluginInspectorTest.bundle("org.example.fragment", "1.0.0");
        headers.put("Fragment-Host", "org.example.host");
        byte[] fragment = PluginInspectorTest.jar(headers, Map.of());
        ApiException noHost = assertThrows(ApiException.class, () -> stage(fragment));
        assertTrue(status(noHost), noHost.getMessage().contains("deploy the host first"));

        Files.write(deploy.resolve("org.example.host-1.0.0.jar"), pluginJar("org.example.host", "1.0.0"));
        assertEquals("org.example.host", stage(fragment).fragmentHost());

        headers.put("Fragment-Host", "org.example.broughtbyfeature");
        ApiException brought = assertThrows(ApiException.class, () -> stage(PluginInspectorTest.jar(headers,
                Map.of())));
        assertTrue(status(brought), brought.getMessage().contains("a platform bundle"));
        headers.put("Fragment-Host", "org.apache.felix.framework");
        assertEquals(400, assertThrows(ApiException.class, () -> stage(PluginInspectorTest.jar(headers,
                Map.of()))).status());
    }

    @Test
    public void aFileMovedInMayNotReplaceALinkOfTheSameName() throws Exception {
        PluginUpload upload = stage(pluginJar("org.example.plugin", "1.0.0"));
        Files.createSymbolicLink(deploy.resolve("org.example.plugin-1.0.0.jar"), folder.newFile("target").toPath());
        assertNotNull(installer.staged(upload.id()).conflict());
        ApiException taken = assertThrows(ApiException.class,
                () -> installer.activate(upload.id(), upload.sha256(), null));
        assertEquals(409, taken.status());
        assertTrue(Files.isSymbolicLink(deploy.resolve("org.example.plugin-1.0.0.jar")));
    }
}
