package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.carbonalliance.platform.api.security.IdentityService;
import org.carbonalliance.platform.api.security.Tenant;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWiring;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * For every operation in /api/openapi.json: an anonymous caller gets 401 unless the operation is public, and a
 * member-admin of tenant A who names tenant B's things in the path gets 401, 403 or 404, and B's things are unchanged.
 * A path parameter this test has no tenant-B value for fails the test: extend {@link #tenantBValues} when adding one.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TenantIsolationIT extends PlatformTestSupport {

    private static final String JSON_TYPE = "application/json";
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final Set<Integer> REFUSED = Set.of(401, 403, 404);

    @Inject
    private IdentityService identity;

    @Test
    public void noEndpointLetsTenantAReachTenantBOrAnonymousCallersIn() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String version = System.getProperty("alliance.project.version");
        context.installBundle("mvn:org.carbonalliance/example-field-notes/" + version).start();

        String adminA = memberAdmin(identity, identity.createTenant("Tenant A"), "admin@a.example");
        Tenant tenantB = identity.createTenant("Tenant B");
        String adminB = memberAdmin(identity, tenantB, "admin@b.example");
        http.poll("/api/field-notes", adminB, r -> r.status() == 200, Duration.ofSeconds(30));
        JsonNode keyB = json(http.post("/api/identity/keys", adminB, JSON_TYPE, "{\"name\":\"b\"}"));
        JsonNode noteB = json(http.post("/api/field-notes", adminB, JSON_TYPE, "{\"text\":\"B's secret note\"}"));
        Bundle notes = context.getBundle("mvn:org.carbonalliance/example-field-notes/" + version);
        assertFalse("the plugin imports no Hibernate package", notes.getHeaders().get("Import-Package")
                .contains("org.hibernate"));
        assertTrue("the platform wired Hibernate's proxy package to the plugin that never named it",
                notes.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                        .anyMatch(wire -> "org.hibernate.proxy".equals(wire.getCapability().getAttributes()
                                .get(PackageNamespace.PACKAGE_NAMESPACE))));
        JsonNode applicationB = json(http.post("/api/membership/applications", null, JSON_TYPE,
                MembershipIT.application("Tenant B applicant", "REG-B", "applicant@b.example")));
        JsonNode patentB = json(http.post("/api/patentpool/patents", adminB, JSON_TYPE,
                PatentPoolIT.patent("CN112233445B", "Tenant B's storage patent")));
        EmissionsIT.awaitFactors(http);
        String e = EmissionsIT.E;
        String facilityB = EmissionsIT.postJson(http, e + "/facilities", adminB, "{\"name\":\"B plant\","
                + "\"country\":\"CN\"}", 201).get("id").asText();
        String periodB = EmissionsIT.postJson(http, e + "/periods", adminB, "{\"year\":2023}", 201).get("id")
                .asText();
        String activityB = EmissionsIT.postJson(http, e + "/periods/" + periodB + "/activities", adminB,
                EmissionsIT.activity(facilityB, 2, null, "electricity", null, "100", "MWh", "2023"), 201).get("id")
                .asText();
        String instrumentB = EmissionsIT.postJson(http, e + "/periods/" + periodB + "/instruments", adminB,
                "{\"facilityId\":\"" + facilityB + "\",\"year\":2023,\"type\":\"certificate\",\"mwh\":10,"
                        + "\"reference\":\"GEC-B\"}", 201).get("id").asText();
        String reportB = EmissionsIT.postJson(http, e + "/reports", adminB, "{\"periodId\":\"" + periodB + "\"}", 201)
                .get("id").asText();
        EmissionsIT.postJson(http, e + "/reports/" + reportB + "/calculate", adminB, "{}", 200);
        String targetB = EmissionsIT.postJson(http, e + "/targets", adminB, "{\"name\":\"B target\",\"scopes\":"
                + "[\"scope2\"],\"kind\":\"absolute\",\"baseYear\":2023,\"targetYear\":2030,"
                + "\"reductionPercent\":50}", 201).get("id").asText();
        String grantB = EmissionsIT.postJson(http, e + "/verification/grants", adminB, "{\"verifier\":"
                + "\"someone@verifier.example\"}", 201).get("id").asText();
        for (String export : List.of(e + "/exports/" + reportB + ".csv", e + "/exports/" + reportB + ".html")) {
            assertEquals(export, 401, http.get(export, null).status());
            assertEquals(export, 404, http.get(export, adminA).status());
        }
        String deviceB = json(http.post("/api/telemetry/devices", adminB, JSON_TYPE, "{\"name\":\"B meter\","
                + "\"type\":\"electricity-meter\",\"metrics\":{\"energy\":\"kWh\"}}")).get("device").get("id").asText();
        Map<String, List<String>> tenantBValues = Map.of(
                "id", List.of(keyB.get("id").asText(), noteB.get("id").asText(), applicationB.get("id").asText(),
                        facilityB, periodB, reportB, targetB, grantB, deviceB),
                "activityId", List.of(activityB),
                "instrumentId", List.of(instrumentB),
                "email", List.of("admin@b.example"),
                "tenantId", List.of(tenantB.id()),
                "file", List.of("my-plugin-1.0.0.jar"),
                "publicationNumber", List.of(patentB.get("publicationNumber").asText()));

        JsonNode paths = json(http.poll("/api/openapi.json", null, r -> r.body().contains("/api/field-notes/{id}"),
                Duration.ofSeconds(30))).get("paths");
        List<String> tried = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                String body = Set.of("POST", "PUT", "PATCH").contains(method) ? "{}" : null;
                boolean isPublic = isPublic(op.getValue());
                for (String concrete : concretePaths(path.getKey(), tenantBValues)) {
                    if (!isPublic) {
                        Http.Response anonymous = http.request(method, concrete, null, body);
                        assertEquals(method + " " + concrete + " anonymously: " + anonymous.body(), 401,
                                anonymous.status());
                    }
                    // Public reads (the pool's catalogue, the directory) are for everyone, other tenants included.
                    if (!concrete.equals(path.getKey()) && !(isPublic && method.equals("GET"))) {
                        Http.Response crossTenant = http.request(method, concrete, adminA, body);
                        assertTrue(method + " " + concrete + " as tenant A answered " + crossTenant.status() + ": "
                                + crossTenant.body(), REFUSED.contains(crossTenant.status()));
                    }
                    tried.add(method + " " + concrete);
                }
            }
        }
        assertTrue("covers the identity and plugin endpoints: " + tried,
                tried.contains("DELETE /api/identity/keys/" + keyB.get("id").asText())
                        && tried.contains("GET /api/field-notes/" + noteB.get("id").asText())
                        && tried.contains("PATCH /api/identity/users/admin@b.example"));

        assertEquals("B's key still works", 200, http.get("/api/identity/keys", "Bearer " + keyB.get("key").asText())
                .status());
        assertEquals("B's patent is unchanged", "granted", json(http.get("/api/patentpool/patents/CN112233445B"))
                .get("legalStatus").asText());
        JsonNode reportStillB = json(http.get(e + "/reports/" + reportB, adminB));
        assertEquals("B's report is unchanged", "draft", reportStillB.get("state").asText());
        assertFalse("B's report was not recalculated by A", reportStillB.get("stale").asBoolean());
        assertEquals("B's activity is still there", 1, json(http.get(e + "/periods/" + periodB + "/activities",
                adminB)).get("items").size());
        assertEquals("B's grant is still there", 1, json(http.get(e + "/verification/grants", adminB)).get("items")
                .size());
        assertEquals("A sees none of B's reports", 0, json(http.get(e + "/reports", adminA)).get("items").size());
        assertEquals("B's note is still there", 200,
                http.get("/api/field-notes/" + noteB.get("id").asText(), adminB).status());
        JsonNode notesA = json(http.get("/api/field-notes", adminA));
        assertEquals("A sees none of B's notes", 0, notesA.get("items").size());
    }

    /**
     * Dot-segments, encoded dots and slashes and ';' parameters in front of a protected path: the access decision uses
     * the path that will be served, so none of them lets an anonymous caller in (Jetty refuses the ambiguous ones with
     * 400 before routing; the rest are normalised and meet the login check).
     */
    @Test
    public void disguisedPathsNeverReachAProtectedOperationAnonymously() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String version = System.getProperty("alliance.project.version");
        if (context.getBundle("mvn:org.carbonalliance/example-field-notes/" + version) == null) {
            context.installBundle("mvn:org.carbonalliance/example-field-notes/" + version).start();
        }
        JsonNode paths = json(http.poll("/api/openapi.json", null, r -> r.body().contains("/api/field-notes/{id}"),
                Duration.ofSeconds(30))).get("paths");
        RawHttp raw = new RawHttp(Integer.parseInt(context.getProperty("org.osgi.service.http.port")));
        List<String> disguises = List.of("/api/membership/members/../..", "/api/health/..",
                "/api/membership/members/%2e%2e/%2e%2e", "/api/membership/members/.%2e/.%2e",
                "/api/membership/members;x=1/../..", "/api/membership/members/..;/..;", "/api/membership/members%2F..%2F..",
                "/api;jsessionid=1");
        int tried = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (isPublic(op.getValue())) {
                    continue;
                }
                String method = op.getKey().toUpperCase();
                String body = Set.of("POST", "PUT", "PATCH").contains(method) ? "{}" : null;
                for (String disguise : disguises) {
                    String target = disguise + concrete.substring("/api".length());
                    RawHttp.Response answer = raw.send(method, target, body, "Content-Type: " + JSON_TYPE);
                    assertTrue(method + " " + target + " answered " + answer.status() + ": " + answer.body(),
                            answer.status() == 401 || answer.status() == 400);
                    tried++;
                }
            }
        }
        assertTrue("tried every protected operation: " + tried, tried > 9 * 10);
    }

    /** Public operations declare no security requirement, or an empty one among others (login optional). */
    private static boolean isPublic(JsonNode operation) {
        if (!operation.has("security")) {
            return false;
        }
        JsonNode security = operation.get("security");
        if (security.isEmpty()) {
            return true;
        }
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The path with each parameter replaced by each of tenant B's values for it (or the path itself if none). */
    private static List<String> concretePaths(String template, Map<String, List<String>> values) {
        Matcher m = PARAM.matcher(template);
        if (!m.find()) {
            return List.of(template);
        }
        List<String> choices = values.get(m.group(1));
        if (choices == null) {
            fail("No tenant-B value for {" + m.group(1) + "} in " + template + "; add one to TenantIsolationIT.");
        }
        List<String> out = new ArrayList<>();
        for (String value : choices) {
            out.addAll(concretePaths(template.substring(0, m.start()) + value + template.substring(m.end()), values));
        }
        return out;
    }
}
