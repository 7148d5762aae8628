package org.carbonalliance.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import javax.inject.Inject;
import org.carbonalliance.platform.api.security.IdentityService;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.security.Tenant;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.UrlProvisionOption;
import org.osgi.framework.BundleContext;

/**
 * Boots the platform in Pax Exam's native Felix container with exactly the bundles of the built distribution: the
 * lines of its conf/startup.txt, under the same mvn: locations, resolved from its system/ folder. Each test class gets
 * its own data folder, deploy folder and HTTP port, passed in as framework properties.
 */
public abstract class PlatformTestSupport {

    public static final String OPERATOR_PASSWORD = "it-operator-password-1234";
    protected static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    protected BundleContext context;

    @Configuration
    public Option[] config() throws IOException {
        Path dist = Path.of(System.getProperty("alliance.distribution"));
        Path work = Path.of(System.getProperty("alliance.itest.work"))
                .resolve(getClass().getSimpleName() + "-" + System.currentTimeMillis()).toAbsolutePath();
        Files.createDirectories(work.resolve("deploy"));
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        options.add(cleanCaches());
        options.add(systemTimeout(120_000));
        options.add(frameworkStartLevel(10));
        Map<String, String> props = Map.ofEntries(
                Map.entry("alliance.home", dist.toString()),
                Map.entry("alliance.data", work.resolve("data").toString()),
                Map.entry("alliance.version", "itest"),
                Map.entry("alliance.admin.password", OPERATOR_PASSWORD),
                Map.entry("org.osgi.service.http.port", Integer.toString(freePort())),
                Map.entry("org.carbonalliance.telemetry.mqtt.port", Integer.toString(freePort())),
                Map.entry("org.apache.felix.http.host", "127.0.0.1"),
                Map.entry("felix.webconsole.security.providers", "alliance"),
                Map.entry("felix.fileinstall.dir", work.resolve("deploy").toString()),
                Map.entry("felix.fileinstall.poll", "250"),
                Map.entry("felix.fileinstall.noInitialDelay", "true"),
                Map.entry("felix.fileinstall.log.level", "3"),
                Map.entry("felix.fileinstall.bundles.new.start", "true"),
                Map.entry("felix.fileinstall.start.level", "8"),
                Map.entry("felix.fileinstall.optionalImportRefreshScope", "managed"),
                Map.entry("felix.fileinstall.fragmentRefreshScope", "managed"),
                Map.entry("felix.fileinstall.tmpdir", work.resolve("tmp").toString()),
                Map.entry("org.ops4j.pax.url.mvn.defaultRepositories",
                        "file:" + dist.resolve("system") + "@id=system@snapshots"),
                Map.entry("org.ops4j.pax.url.mvn.useFallbackRepositories", "false"),
                Map.entry("gosh.args", "--nointeractive"));
        props.forEach((name, value) -> options.add(frameworkProperty(name).value(value)));
        for (String line : Files.readAllLines(dist.resolve("conf/startup.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            UrlProvisionOption option = bundle(parts[1]).startLevel(Integer.parseInt(parts[0]));
            options.add(isFragment(dist.resolve(parts[2])) ? option.noStart() : option);
        }
        return options.toArray(new Option[0]);
    }

    private static boolean isFragment(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Fragment-Host") != null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Http http() {
        return new Http(Integer.parseInt(context.getProperty("org.osgi.service.http.port")));
    }

    /** Password of the member-admins {@link #memberAdmin} makes. */
    protected static final String MEMBER_PASSWORD = "Carbon-Neutral-Test-2030";

    /** Invites {@code email} as member-admin of {@code tenant}, activates it over HTTP, and returns its login. */
    protected String memberAdmin(IdentityService identity, Tenant tenant, String email) throws Exception {
        return user(identity, tenant, email, Set.of(Roles.MEMBER_ADMIN));
    }

    /** Invites {@code email} into {@code tenant} with {@code roles}, activates it over HTTP, and returns its login. */
    protected String user(IdentityService identity, Tenant tenant, String email, Set<String> roles) throws Exception {
        String token = identity.invite(tenant.id(), email, roles).activationToken();
        Http.Response activated = http().post("/api/identity/activate", null, "application/json",
                "{\"token\":\"" + token + "\",\"password\":\"" + MEMBER_PASSWORD + "\"}");
        if (activated.status() != 200) {
            throw new AssertionError("activation of " + email + " failed: " + activated.body());
        }
        return Http.basic(email, MEMBER_PASSWORD);
    }

    protected static String operator() {
        return Http.basic("admin", OPERATOR_PASSWORD);
    }

    protected Path deployDir() {
        return Path.of(context.getProperty("felix.fileinstall.dir"));
    }

    protected Path distribution() {
        return Path.of(context.getProperty("alliance.home"));
    }

    /** The jar of a reactor bundle in the distribution's system/ folder. */
    protected Path systemJar(String artifactId) {
        String version = System.getProperty("alliance.project.version", "0.1.0-SNAPSHOT");
        return distribution().resolve("system/org/carbonalliance/" + artifactId + "/" + version + "/" + artifactId + "-"
                + version + ".jar");
    }

    protected static JsonNode json(Http.Response response) throws IOException {
        return JSON.readTree(response.body());
    }
}
