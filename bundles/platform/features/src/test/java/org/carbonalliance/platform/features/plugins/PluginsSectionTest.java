package org.carbonalliance.platform.features.plugins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.apache.felix.webconsole.servlet.User;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.CsrfToken;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginUpload;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;
import org.osgi.service.feature.FeatureService;

/** The console's Plugins section: who acts, and what the review and its Activate form carry. */
public class PluginsSectionTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final PluginInstallerTest.Audit audit = new PluginInstallerTest.Audit();
    private Path deploy;
    private PluginInstaller installer;
    private PluginsSection section;

    @Before
    public void setUp() throws Exception {
        Path data = folder.newFolder("data").toPath();
        deploy = folder.newFolder("deploy").toPath();
        List<Bundle> bundles = new ArrayList<>();
        installer = new PluginInstaller(PluginInstallerTest.context(data, deploy, bundles), audit,
                ServiceLoader.load(FeatureService.class).findFirst().orElseThrow(),
                new PluginInstallerTest.InstalledFeatures(), PluginInstallerTest.config(), PluginInstallerTest::json);
        section = new PluginsSection(installer, new CsrfToken());
    }

    /** A console request: its form fields, and the user the console's security provider bound (or none). */
    private static HttpServletRequest request(Object userObject, Map<String, String> fields) {
        User user = userObject == null ? null : (User) Proxy.newProxyInstance(User.class.getClassLoader(),
                new Class<?>[] {User.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getUserObject" -> userObject;
                    case "authorize" -> true;
                    default -> null;
                });
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> User.USER_ATTRIBUTE.equals(args[0]) ? user : null;
                    case "getParameter" -> fields.get((String) args[0]);
                    default -> null;
                });
    }

    private static AlliancePrincipal admin() {
        return new AlliancePrincipal("admin", null, Set.of(Roles.ALLIANCE_ADMIN));
    }

    private PluginUpload upload() throws Exception {
        return installer.stage(new ByteArrayInputStream(PluginInspectorTest.jar(
                PluginInspectorTest.bundle("org.example.plugin", "1.0.0"), Map.of())));
    }

    @Test
    public void withoutAnOperatorNothingIsDone() throws Exception {
        PluginUpload upload = upload();
        int entries = audit.entries.size();
        Map<String, String> fields = Map.of("sha256", upload.sha256());
        for (Object user : new Object[] {null, "someone", new AlliancePrincipal("member", "t1",
                Set.of(Roles.MEMBER_ADMIN))}) {
            PluginsSection.Outcome outcome = section.act(request(user, fields), "activate-plugin", upload.id());
            assertEquals(PluginsSection.NO_OPERATOR, outcome.message());
            assertNull(outcome.staged());
        }
        assertEquals("nothing audited", entries, audit.entries.size());
        assertTrue(Files.notExists(deploy.resolve("org.example.plugin-1.0.0.jar")));
        assertEquals(PluginsSection.NO_OPERATOR, section.act(request(null, Map.of()), "remove-plugin", "x.jar")
                .message());
    }

    @Test
    public void theActivateFormCarriesWhatTheReviewShowed() throws Exception {
        PluginUpload upload = upload();
        StringWriter html = new StringWriter();
        section.render(new PrintWriter(html), upload.id());
        String page = html.toString();
        assertTrue(page, page.contains("<input type='hidden' name='sha256' value='" + upload.sha256() + "'>"));
        assertTrue(page, page.contains("<input type='hidden' name='replaces' value=''>"));
        assertTrue(page, page.contains("no fragment"));

        PluginsSection.Outcome wrong = section.act(request(admin(), Map.of("sha256", "1".repeat(64))),
                "activate-plugin", upload.id());
        assertTrue(wrong.message(), wrong.message().contains("not the one reviewed"));
        PluginsSection.Outcome missing = section.act(request(admin(), Map.of()), "activate-plugin", upload.id());
        assertTrue(missing.message(), missing.message().contains("sha256"));
        assertTrue(Files.notExists(deploy.resolve("org.example.plugin-1.0.0.jar")));

        PluginsSection.Outcome done = section.act(request(admin(), Map.of("sha256", upload.sha256(), "replaces", "")),
                "activate-plugin", upload.id());
        assertTrue(done.message(), done.message().startsWith("Activated: written to deploy/org.example.plugin-1.0.0"));
        assertTrue(Files.exists(deploy.resolve("org.example.plugin-1.0.0.jar")));
    }

    @Test
    public void aFeaturesReviewShowsItsBundlesAndConfigurationsEscaped() throws Exception {
        PluginUpload upload = installer.stage(new ByteArrayInputStream(("{\"id\":\"org.example:soil:osgifeature:1.0\","
                + "\"bundles\":[{\"id\":\"org.example:soil-lab:1.0\"}],\"configurations\":{\"org.example.soil\":"
                + "{\"greeting\":\"<b>hi</b>\",\"password\":\"hunter2\"}}}").getBytes(StandardCharsets.UTF_8)));
        StringWriter html = new StringWriter();
        section.render(new PrintWriter(html), upload.id());
        String page = html.toString();
        assertTrue(page, page.contains("<li>org.example:soil-lab:1.0</li>"));
        assertTrue(page, page.contains("id='plugin-configurations'"));
        assertTrue(page, page.contains("<td>org.example.soil</td><td>greeting</td><td>&lt;b&gt;hi&lt;/b&gt;</td>"));
        assertTrue(page, page.contains("<td>password</td><td><em>not shown</em></td>"));
        assertFalse(page, page.contains("hunter2"));
    }
}
