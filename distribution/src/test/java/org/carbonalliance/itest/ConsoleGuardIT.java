package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The web console's own pages (Felix's and ours) refuse state-changing requests from other origins, even with the
 * operator's credentials (as a browser would send them from a hostile page), forbid framing, and name the product.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleGuardIT extends PlatformTestSupport {

    private static final String EVIL = "Origin: http://evil.example";

    @Inject
    private ConfigurationAdmin configurations;

    private RawHttp raw() {
        return new RawHttp(Integer.parseInt(context.getProperty("org.osgi.service.http.port")));
    }

    private String self() {
        return "Origin: http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port");
    }

    private RawHttp.Response form(String path, String body, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization: " + operator();
        all[1] = "Content-Type: application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return raw().send("POST", path, body, all);
    }

    /** The bundles page's install form: multipart with the jar as bundlefile. */
    private RawHttp.Response install(Path jar, String origin) throws Exception {
        String boundary = "itestboundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String fields = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\ninstall\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"bundlestart\"\r\n\r\nstart\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"bundlefile\"; filename=\"x.jar\"\r\n"
                + "Content-Type: application/java-archive\r\n\r\n";
        body.write(fields.getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        return raw().exchange(out -> {
            out.write(("POST /system/console/bundles HTTP/1.1\r\nHost: 127.0.0.1:"
                    + context.getProperty("org.osgi.service.http.port") + "\r\nConnection: close\r\n"
                    + "Authorization: " + operator() + "\r\n" + origin + "\r\nContent-Type: multipart/form-data; "
                    + "boundary=" + boundary + "\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
        });
    }

    @Test
    public void crossSiteInstallStopAndConfigurationChangesAreRefused() throws Exception {
        http().poll("/system/console/bundles", operator(), r -> r.status() == 200, Duration.ofSeconds(30));
        Path jar = Jars.bundle(Files.createTempFile("itest-console", ".jar"), Map.of("Bundle-SymbolicName",
                "itest.console.installed", "Bundle-Version", "1.0.0"), null);

        RawHttp.Response installed = install(jar, EVIL);
        assertEquals(installed.body(), 403, installed.status());

        Bundle target = bundle("org.carbonalliance.examples.hello");
        if (target == null) {
            target = context.installBundle("mvn:org.carbonalliance/example-hello-servlet/"
                    + System.getProperty("alliance.project.version"));
            target.start();
        }
        String stop = "/system/console/bundles/" + target.getBundleId();
        assertEquals(403, form(stop, "action=stop", EVIL).status());
        assertEquals(403, form(stop, "action=stop", "Referer: http://evil.example/page.html").status());
        assertEquals("neither Origin nor Referer: refused", 403, form(stop, "action=stop").status());
        assertEquals(403, form(stop, "action=stop", "Origin: null").status());
        assertEquals("still running", Bundle.ACTIVE, target.getState());

        String config = "/system/console/configMgr/org.carbonalliance.web";
        String change = "apply=true&action=ajaxConfigManager&propertylist=maxBodyBytes&maxBodyBytes=10";
        assertEquals(403, form(config, change, EVIL).status());
        Configuration web = configurations.getConfiguration("org.carbonalliance.web", "?");
        Object limit = web.getProperties() == null ? null : web.getProperties().get("maxBodyBytes");
        assertNotEquals("unchanged", "10", String.valueOf(limit));

        assertNull("nothing installed by the cross-site upload (checked after the other refusals)",
                bundle("itest.console.installed"));
        RawHttp.Response sameOrigin = form(stop, "action=stop", self());
        assertEquals(sameOrigin.body(), 200, sameOrigin.status());
        assertEquals("the console's own request works", Bundle.RESOLVED, target.getState());
        assertEquals(200, form(stop, "action=start", "Referer: http://127.0.0.1:"
                + context.getProperty("org.osgi.service.http.port") + "/system/console/bundles").status());
        assertEquals(Bundle.ACTIVE, target.getState());
        assertEquals(302, install(jar, self()).status());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (bundle("itest.console.installed") == null && System.nanoTime() < deadline) {
            Thread.sleep(50); // the console installs uploaded bundles in a background thread
        }
        assertTrue("same-origin install works", bundle("itest.console.installed") != null);
        bundle("itest.console.installed").uninstall();
    }

    @Test
    public void pagesCannotBeFramedAndNameTheProduct() throws Exception {
        RawHttp.Response page = raw().send("GET", "/system/console/alliance", null, "Authorization: " + operator());
        assertEquals(200, page.status());
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertTrue(page.header("Content-Security-Policy"), page.header("Content-Security-Policy")
                .contains("frame-ancestors 'none'"));
        assertTrue(page.body(), page.body().contains("<title>Carbon Alliance Platform - "));
        assertTrue("the login page too", raw().send("GET", "/system/console/bundles", null).header(
                "X-Frame-Options") != null);
    }

    @Test
    public void traceIsDisabledEverywhere() throws Exception {
        for (String path : new String[] {"/api/health", "/system/console/bundles", "/"}) {
            RawHttp.Response trace = raw().send("TRACE", path, null, "Authorization: " + operator());
            assertEquals(path, 405, trace.status());
            assertTrue(path, trace.header("Allow") != null && !trace.header("Allow").contains("TRACE"));
            assertTrue("nothing echoed", !trace.body().contains("Authorization"));
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }
}
