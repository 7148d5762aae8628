package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.carbonalliance.licensing.api.LicensingEvents;
import org.carbonalliance.platform.api.security.IdentityService;
import org.carbonalliance.platform.api.security.Tenant;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** Licensing over HTTP: automatic and reviewed grants, refusals, digests, reports, defensive termination, ODRL. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LicensingIT extends PlatformTestSupport {

    private static final String JSON_TYPE = "application/json";
    private static final String REQUESTS = "/api/licensing/requests";
    private static final String LICENCES = "/api/licensing/licences";

    @Inject
    private IdentityService identity;

    @Inject
    @Filter("(alliance.datasource=default)")
    private DataSource dataSource;

    private static String request(String patent) {
        return "{\"patents\":[\"" + patent + "\"],\"intendedUse\":\"Battery storage for a solar farm.\","
                + "\"countries\":[\"CN\",\"KE\"]}";
    }

    private static String nonMemberRequest(String patent) {
        return "{\"patents\":[\"" + patent + "\"],\"intendedUse\":\"Research on heat pumps.\",\"countries\":[\"DE\"],"
                + "\"organisationName\":\"Fraunhofer Test Institute\",\"country\":\"DE\",\"contactEmail\":"
                + "\"licensing@fraunhofer-test.example\",\"publicName\":true}";
    }

    @Test
    public void aMemberIsGrantedTheStandardOfferAndTheLicenceIsVerifiable() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        BlockingQueue<Event> seen = new LinkedBlockingQueue<>();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, "org/carbonalliance/licensing/*");
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, seen::add, props);
        try {
            String licensor = memberAdmin(identity, identity.createTenant("Licensor A"), "admin@lic-a.example");
            Tenant licenseeTenant = identity.createTenant("Licensee B");
            String licensee = memberAdmin(identity, licenseeTenant, "admin@lic-b.example");
            String stranger = memberAdmin(identity, identity.createTenant("Stranger C"), "admin@lic-c.example");
            assertEquals(201, http.post("/api/patentpool/patents", licensor, JSON_TYPE,
                    PatentPoolIT.patent("CN190000001B", "Licensed battery")).status());

            Http.Response granted = http.post(REQUESTS, licensee, JSON_TYPE, request("CN190000001B"));
            assertEquals(granted.body(), 201, granted.status());
            JsonNode g = json(granted);
            assertEquals(granted.body(), "granted", g.get("state").asText());
            assertTrue(g.get("decisions").toString().contains("members-in-good-standing"));
            String licence = g.get("licenceId").asText();
            Event event = seen.poll(5, TimeUnit.SECONDS);
            assertNotNull(event);
            assertEquals(LicensingEvents.GRANTED, event.getTopic());
            assertEquals(licence, event.getProperty(LicensingEvents.LICENCE_ID));

            JsonNode asLicensee = json(http.get(LICENCES + "/" + licence, licensee));
            assertEquals("[\"CN190000001B\"]", asLicensee.get("patents").toString());
            assertEquals(64, asLicensee.get("digest").asText().length());
            assertEquals(200, http.get(LICENCES + "/" + licence, licensor).status());
            assertEquals(404, http.get(LICENCES + "/" + licence, stranger).status());
            assertEquals(404, http.get(LICENCES + "/" + licence).status());
            assertEquals(0, json(http.get(LICENCES, stranger)).get("items").size());
            assertEquals(1, json(http.get(LICENCES, licensor)).get("items").size());
            assertTrue(json(http.get(LICENCES + "/" + licence + "/verify", licensee)).get("valid").asBoolean());
            JsonNode counts = json(http.get("/api/licensing/stats/patents/CN190000001B"));
            assertEquals(1, counts.get("licensees").asInt());
            assertEquals(2, counts.get("countries").asInt());
            assertFalse("not named without consent: " + counts, counts.toString().contains("Licensee B"));

            // A withdrawal from the pool after the grant leaves the patent on the licence.
            assertEquals(200, http.post("/api/patentpool/patents/CN190000001B/withdraw", licensor, JSON_TYPE,
                    "{\"reason\":\"Licensed exclusively elsewhere from next year.\"}").status());
            assertEquals("[\"CN190000001B\"]", json(http.get(LICENCES + "/" + licence, licensee)).get("patents")
                    .toString());

            // A report, then a byte changed in the database breaks the verification.
            Http.Response report = http.post(LICENCES + "/" + licence + "/reports", licensee, JSON_TYPE,
                    "{\"periodYear\":2026,\"products\":\"Solar farm storage, Nakuru\",\"capacity\":12.5,"
                            + "\"capacityUnit\":\"MWh\",\"avoidedTco2e\":830,\"method\":\"Grid factor x MWh\"}");
            assertEquals(report.body(), 201, report.status());
            assertEquals(409, http.post(LICENCES + "/" + licence + "/reports", licensee, JSON_TYPE,
                    "{\"periodYear\":2026,\"products\":\"again\",\"capacity\":1,\"capacityUnit\":\"MWh\","
                            + "\"avoidedTco2e\":1,\"method\":\"x\"}").status());
            assertEquals(400, http.post(LICENCES + "/" + licence + "/reports", licensee, JSON_TYPE,
                    "{\"periodYear\":2025,\"products\":\"x\",\"capacity\":-1,\"capacityUnit\":\"MWh\","
                            + "\"avoidedTco2e\":1,\"method\":\"x\"}").status());
            try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                    "update lc_licence set patents = 'CN190000002B' where id = ?")) {
                update.setString(1, licence);
                assertEquals(1, update.executeUpdate());
            }
            JsonNode broken = json(http.get(LICENCES + "/" + licence + "/verify", licensee));
            assertFalse(broken.toString(), broken.get("valid").asBoolean());
            assertTrue(broken.toString(), broken.get("problem").asText().contains("patents"));
        } finally {
            handler.unregister();
        }
    }

    @Test
    public void aNonMemberIsReferredGrantedByTheSecretariatAndFollowsWithItsToken() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String licensor = memberAdmin(identity, identity.createTenant("Licensor D"), "admin@lic-d.example");
        assertEquals(201, http.post("/api/patentpool/patents", licensor, JSON_TYPE,
                PatentPoolIT.patent("CN190000003B", "Heat pump")).status());
        Http.Response referred = http.post(REQUESTS, null, JSON_TYPE, nonMemberRequest("CN190000003B"));
        assertEquals(referred.body(), 201, referred.status());
        JsonNode r = json(referred);
        assertEquals("under-review", r.get("state").asText());
        String id = r.get("id").asText();
        String token = r.get("statusToken").asText();
        assertEquals(404, http.get(REQUESTS + "/" + id).status());
        assertEquals(200, http.requestWithHeader("GET", REQUESTS + "/" + id, "X-Status-Token", token, null)
                .status());
        assertEquals(403, http.post(REQUESTS + "/" + id + "/grant", licensor, JSON_TYPE, "").status());
        Http.Response granted = http.post(REQUESTS + "/" + id + "/grant", operator(), JSON_TYPE, "");
        assertEquals(granted.body(), 200, granted.status());
        String licence = json(granted).get("licenceId").asText();
        assertEquals(409, http.post(REQUESTS + "/" + id + "/grant", operator(), JSON_TYPE, "").status());
        assertTrue("named with consent", http.get("/api/licensing/stats/patents/CN190000003B").body()
                .contains("Fraunhofer Test Institute"));
        assertEquals(200, http.requestWithHeader("GET", LICENCES + "/" + licence, "X-Status-Token", token, null)
                .status());
        assertEquals(404, http.requestWithHeader("GET", LICENCES + "/" + licence, "X-Status-Token", "wrong", null)
                .status());

        // Suspended while a breach is looked into, then reinstated.
        Http.Response suspended = http.post(LICENCES + "/" + licence + "/suspend", operator(), JSON_TYPE,
                "{\"reason\":\"Use outside the licensed purpose reported.\"}");
        assertEquals(suspended.body(), "suspended", json(suspended).get("state").asText());
        assertEquals(409, http.post(LICENCES + "/" + licence + "/suspend", operator(), JSON_TYPE,
                "{\"reason\":\"again\"}").status());
        assertEquals(403, http.post(LICENCES + "/" + licence + "/reinstate", licensor, JSON_TYPE, "").status());
        assertEquals("active", json(http.post(LICENCES + "/" + licence + "/reinstate", operator(), JSON_TYPE, ""))
                .get("state").asText());

        // Defensive termination: recorded, then confirmed; the licence ends.
        Http.Response assertion = http.post("/api/licensing/assertions", operator(), JSON_TYPE,
                "{\"licenseeName\":\"Fraunhofer Test Institute\",\"against\":\"CN190000003B\","
                        + "\"evidenceLink\":\"https://court.example/case/42\"}");
        assertEquals(assertion.body(), 201, assertion.status());
        assertTrue(assertion.body(), assertion.body().contains(licence));
        Http.Response confirmed = http.post("/api/licensing/assertions/" + json(assertion).get("id").asText()
                + "/confirm", operator(), JSON_TYPE, "");
        assertEquals(confirmed.body(), 200, confirmed.status());
        JsonNode ended = json(http.get(LICENCES + "/" + licence, operator()));
        assertEquals("terminated", ended.get("state").asText());
        assertTrue(ended.get("terminationReason").asText().startsWith("defensive termination"));
        // Asking again: referred, the prior termination among the reasons.
        JsonNode again = json(http.post(REQUESTS, null, JSON_TYPE, nonMemberRequest("CN190000003B")));
        assertTrue(again.toString(), again.get("decisions").toString().contains("were terminated"));
    }

    @Test
    public void unavailablePatentsAndBadInputAreRefusedWithNothingWritten() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String licensor = memberAdmin(identity, identity.createTenant("Licensor E"), "admin@lic-e.example");
        String licensee = memberAdmin(identity, identity.createTenant("Licensee F"), "admin@lic-f.example");
        assertEquals(201, http.post("/api/patentpool/patents", licensor, JSON_TYPE,
                PatentPoolIT.patent("CN190000005B", "Lapsed patent")).status());
        assertEquals(200, http.patch("/api/patentpool/patents/CN190000005B", licensor, "{\"legalStatus\":\"lapsed\"}")
                .status());
        JsonNode refused = json(http.post(REQUESTS, licensee, JSON_TYPE, request("CN190000005B")));
        assertEquals(refused.toString(), "refused", refused.get("state").asText());
        assertTrue(refused.get("refusalReason").asText().contains("not licensable"));

        int before = json(http.get(REQUESTS, licensee)).get("items").size();
        assertEquals(400, http.post(REQUESTS, licensee, JSON_TYPE, request("CN999999999B")).status());
        assertEquals(400, http.post(REQUESTS, licensee, JSON_TYPE, "{\"climateTags\":[\"Y99X\"],\"intendedUse\":"
                + "\"x\",\"countries\":[\"CN\"]}").status());
        assertEquals(400, http.post(REQUESTS, licensee, JSON_TYPE, "{\"patents\":[\"CN190000005B\"],\"intendedUse\":"
                + "\"x\",\"countries\":[\"XX\"]}").status());
        assertEquals(before, json(http.get(REQUESTS, licensee)).get("items").size());
        Http.Response badOffer = http.post("/api/licensing/offers", operator(), JSON_TYPE,
                "{\"name\":\"Bad\",\"terms\":{\"permissions\":[{\"action\":\"copy\",\"target\":{\"wholePool\":true,"
                        + "\"patents\":[],\"climateTags\":[]},\"constraints\":[],\"duties\":[],\"remedies\":[]}],"
                        + "\"prohibitions\":[],\"obligations\":[]}}");
        assertEquals(badOffer.body(), 400, badOffer.status());
        assertTrue(badOffer.body(), badOffer.body().contains("copy"));
        assertEquals(1, json(http.get("/api/licensing/offers")).get("items").size());
        assertEquals(403, http.post("/api/licensing/offers", licensor, JSON_TYPE, "{}").status());
    }

    @Test
    public void theStandardOfferIsServedAsOdrlJsonLdAndAsText() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        JsonNode offer = json(http.get("/api/licensing/offers/standard"));
        assertTrue(offer.get("standard").asBoolean());
        assertTrue(offer.get("textEn").asText(), offer.get("textEn").asText().toLowerCase().contains("carbon"));
        assertFalse(offer.get("textZh").asText().isEmpty());
        Http.Response ld = http.requestWithHeader("GET", "/api/licensing/offers/standard", "Accept",
                "application/ld+json", null);
        assertEquals(200, ld.status());
        assertTrue(ld.contentType(), ld.contentType().startsWith("application/ld+json"));
        JsonNode document = JSON.readTree(ld.body());
        assertNotNull(document.get("@context"));
        assertTrue(document.toString(), document.toString().contains("permission"));
        assertEquals(404, http.requestWithHeader("GET", "/api/licensing/offers/none", "Accept",
                "application/ld+json", null).status());
    }

    @Test
    public void aPolicyPluginChangesTheOutcomeWhileDeployedAndNotAfter() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String licensor = memberAdmin(identity, identity.createTenant("Licensor G"), "admin@lic-g.example");
        String licensee = memberAdmin(identity, identity.createTenant("Licensee H"), "admin@lic-h.example");
        assertEquals(201, http.post("/api/patentpool/patents", licensor, JSON_TYPE,
                PatentPoolIT.patent("CN190000007B", "Wind blade")).status());
        String forKp = "{\"patents\":[\"CN190000007B\"],\"intendedUse\":\"Wind farm.\",\"countries\":[\"KP\"]}";

        java.nio.file.Path staged = deployDir().getParent().resolve("country-review.jar");
        java.nio.file.Files.copy(systemJar("example-country-review-policy"), staged);
        Jars.deploy(staged, deployDir(), "country-review.jar");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode referred;
        do { // until the plugin's policy is registered
            Thread.sleep(200);
            referred = json(http.post(REQUESTS, licensee, JSON_TYPE, forKp));
        } while (referred.get("state").asText().equals("granted") && System.nanoTime() < deadline);
        assertEquals(referred.toString(), "under-review", referred.get("state").asText());
        assertTrue(referred.toString(), referred.get("decisions").toString().contains("country-review"));

        java.nio.file.Files.delete(deployDir().resolve("country-review.jar"));
        deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode granted;
        do {
            Thread.sleep(200);
            granted = json(http.post(REQUESTS, licensee, JSON_TYPE, forKp));
        } while (!granted.get("state").asText().equals("granted") && System.nanoTime() < deadline);
        assertEquals(granted.toString(), "granted", granted.get("state").asText());
        assertFalse(granted.get("decisions").toString().contains("country-review"));
        assertEquals("decisions already taken stay", "under-review", json(http.get(REQUESTS + "/"
                + referred.get("id").asText(), licensee)).get("state").asText());
    }

    @Inject
    private org.osgi.service.cm.ConfigurationAdmin configurations;

    @Test
    public void requestsWithoutLoginAreLimitedPerAddress() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        Http.Response last = null;
        for (int i = 0; i < 12 && (last == null || last.status() != 429); i++) {
            last = http.post(REQUESTS, null, JSON_TYPE, "{}");
            assertTrue(last.body(), last.status() == 400 || last.status() == 429);
        }
        assertEquals(last.body(), 429, last.status());
        assertTrue(last.body(), last.body().contains("Too many licence requests"));
        // A new setting starts a new count (and lets the other tests of this class make their requests).
        org.osgi.service.cm.Configuration licensing = configurations.getConfiguration("org.carbonalliance.licensing",
                "?");
        Dictionary<String, Object> settings = licensing.getProperties();
        settings.put("anonymousRequestsPerHour", 1000);
        licensing.update(settings);
        Http.Response again = http.poll(REQUESTS, null, r -> true, Duration.ofSeconds(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        do {
            Thread.sleep(100);
            again = http.post(REQUESTS, null, JSON_TYPE, "{}");
        } while (again.status() == 429 && System.nanoTime() < deadline);
        assertEquals(again.body(), 400, again.status());
    }
}
