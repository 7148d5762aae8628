package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/** The platform feature boots: every bundle active, health, OpenAPI, authentication and the console. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends PlatformTestSupport {

    @Test
    public void everyPlatformBundleIsActive() throws Exception {
        int checked = 0;
        for (String line : Files.readAllLines(distribution().resolve("conf/startup.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String location = line.trim().split("\\s+")[1];
            Bundle bundle = context.getBundle(location);
            assertNotNull("installed: " + location, bundle);
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            assertEquals(location + " state", fragment ? Bundle.RESOLVED : Bundle.ACTIVE, bundle.getState());
            checked++;
        }
        assertTrue("the platform has its bundles", checked > 50);
    }

    /** A plugin's resource with a bad declaration is refused, named in health, and the rest keeps serving. */
    @Test
    public void aBadlyDeclaredResourceIsRefusedAndNamedInHealth() throws Exception {
        org.carbonalliance.platform.api.rest.RestResource bad = new org.carbonalliance.platform.api.rest.RestResource() {
            @Override
            public String base() {
                return "/itest-bad";
            }

            @Override
            public String tag() {
                return "itest";
            }

            @Override
            public List<org.carbonalliance.platform.api.rest.Operation> operations() {
                org.carbonalliance.platform.api.rest.Operation op = org.carbonalliance.platform.api.rest.Operation
                        .get("/{id}").summary("twice").access(org.carbonalliance.platform.api.rest.Access.PUBLIC)
                        .handle(call -> null);
                return List.of(op, op);
            }
        };
        org.osgi.framework.ServiceRegistration<?> registration = context.registerService(
                org.carbonalliance.platform.api.rest.RestResource.class, bad, null);
        try {
            Http.Response health = http().poll("/api/health", operator(),
                    r -> r.body().contains("rest-resources") && r.body().contains("declared twice"),
                    Duration.ofSeconds(10));
            assertTrue(health.body(), health.body().contains("declared twice: GET /{id}"));
            assertEquals("DEGRADED", json(health).get("status").asText());
            assertEquals("not served", 404, http().get("/api/itest-bad/1", operator()).status());
        } finally {
            registration.unregister();
        }
        assertEquals(200, http().poll("/api/health", operator(), r -> r.body().startsWith("{\"status\":\"UP\""),
                Duration.ofSeconds(10)).status());
    }

    @Test
    public void anonymousHealthTellsStatusVersionAndCheckStatesOnly() throws Exception {
        Http.Response response = http().poll("/api/health", null, r -> r.status() == 200
                && r.body().startsWith("{\"status\":\"UP\""), Duration.ofSeconds(30));
        JsonNode health = json(response);
        assertEquals("UP", health.get("status").asText());
        assertEquals("itest", health.get("version").asText());
        assertEquals("UP", health.at("/checks/database/status").asText());
        List<String> fields = new ArrayList<>();
        health.fieldNames().forEachRemaining(fields::add);
        assertEquals("nothing about internals: " + response.body(), List.of("status", "version", "checks"), fields);
        assertFalse("no check messages", health.at("/checks/database").has("message"));
        assertFalse(response.body(), response.body().contains("org.apache") || response.body().contains("Exception"));
    }

    @Test
    public void healthIsUpWithDatabaseAndNoFailingBundles() throws Exception {
        Http.Response response = http().poll("/api/health", operator(), r -> r.status() == 200
                && r.body().startsWith("{\"status\":\"UP\""), Duration.ofSeconds(30));
        assertEquals(response.body(), 200, response.status());
        JsonNode health = json(response);
        assertEquals("UP", health.get("status").asText());
        assertEquals("itest", health.get("version").asText());
        assertEquals("UP", health.at("/checks/database/status").asText());
        assertEquals(0, health.get("failingBundles").size());
        assertTrue(health.get("uptimeSeconds").asLong() >= 0);
        assertTrue(health.get("bundles").size() > 50);
    }

    @Test
    public void openApiDocumentListsThePlatformEndpoints() throws Exception {
        Http.Response response = http().poll("/api/openapi.json", null,
                r -> r.status() == 200 && r.body().contains("/api/health"), Duration.ofSeconds(30));
        JsonNode doc = json(response);
        assertEquals("3.0.3", doc.get("openapi").asText());
        assertTrue(doc.at("/paths").has("/api/health"));
        assertTrue(doc.at("/paths").has("/api/openapi.json"));
        assertEquals("basic", doc.at("/components/securitySchemes/basic/scheme").asText());
    }

    @Test
    public void apiNeedsAuthenticationAndAnswersInTheErrorShape() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        Http.Response anonymous = http.get("/api/features");
        assertEquals(401, anonymous.status());
        assertEquals("unauthorized", json(anonymous).at("/error/code").asText());
        assertTrue(json(anonymous).at("/error/message").asText().contains("Log in"));
        assertTrue(json(anonymous).at("/error/details").isArray());

        Http.Response wrong = http.get("/api/features", Http.basic("admin", "wrong"));
        assertEquals(401, wrong.status());

        Http.Response unknown = http.get("/api/no/such/endpoint", operator());
        assertEquals(404, unknown.status());
        assertEquals("not-found", json(unknown).at("/error/code").asText());
        assertTrue(unknown.contentType().startsWith("application/json"));
    }

    @Test
    public void consoleRejectsDefaultCredentialsAndAcceptsTheOperator() throws Exception {
        Http http = http();
        Http.Response page = http.poll("/system/console/alliance", operator(), r -> r.status() == 200,
                Duration.ofSeconds(30));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Carbon Alliance Platform"));
        assertTrue(page.body().contains("Installed features"));
        assertTrue(page.body().contains("org.carbonalliance:platform:osgifeature"));

        assertEquals(401, http.get("/system/console/alliance").status());
        assertEquals(401, http.get("/system/console/bundles", Http.basic("admin", "admin")).status());
        assertEquals(401, http.get("/system/console/configMgr", Http.basic("admin", "")).status());

        assertEquals(200, http.get("/system/console/components", operator()).status());
        assertEquals(200, http.get("/system/console/logs", operator()).status());
        assertEquals(200, http.get("/system/console/configMgr", operator()).status());
        Http.Response config = http.get("/system/console/configMgr/org.carbonalliance.persistence", operator());
        assertEquals(200, config.status());
    }
}
