package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.carbonalliance.platform.api.security.IdentityService;
import org.junit.Test;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Telemetry over HTTP in the real bundles: devices and their tokens, SenML ingest all or nothing, idempotent repeats,
 * rollups equal to the raw readings' aggregates, revocation and rotation taking effect at once, and a device token
 * that opens nothing but ingest.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TelemetryIT extends PlatformTestSupport {

    private static final String SENML = "application/senml+json";
    private static final String DEVICES = "/api/telemetry/devices";
    private static final String INGEST = "/api/telemetry/ingest";

    @Inject
    private IdentityService identity;

    private static String device(String name) {
        return "{\"name\":\"" + name + "\",\"type\":\"electricity-meter\",\"metrics\":{\"energy\":\"kWh\","
                + "\"power\":\"W\"}}";
    }

    @Test
    public void aMetersReadingsAreStoredOnceRolledUpAndRefusedWholeWhenOneIsBad() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String admin = memberAdmin(identity, identity.createTenant("Meter Member"), "admin@meter.example");
        JsonNode created = json(http.post(DEVICES, admin, "application/json", device("Main meter")));
        String id = created.get("device").get("id").asText();
        String bearer = "Bearer " + created.get("token").asText();
        assertTrue(created.get("token").asText().startsWith("dev_"));
        assertEquals("never-seen", created.get("device").get("state").asText());

        long base = Instant.parse("2026-11-20T10:00:00Z").getEpochSecond();
        String pack = "[{\"bn\":\"urn:dev:meter1:\",\"bt\":" + base + ",\"bu\":\"kWh\",\"n\":\"energy\",\"v\":1000},"
                + "{\"n\":\"energy\",\"t\":60,\"v\":1001.5},{\"n\":\"energy\",\"t\":3600,\"v\":1010},"
                + "{\"n\":\"power\",\"u\":\"W\",\"t\":30,\"v\":1500}]";
        Http.Response stored = http.post(INGEST, bearer, SENML, pack);
        assertEquals(stored.body(), 200, stored.status());
        assertEquals(4, json(stored).get("stored").asInt());
        JsonNode again = json(http.post(INGEST, bearer, SENML, pack));
        assertEquals("repeats change nothing", 0, again.get("stored").asInt());
        assertEquals(4, again.get("duplicates").asInt());

        // One bad record refuses the batch, naming it; nothing of it is stored.
        String bad = "[{\"bn\":\"urn:dev:meter1:\",\"bt\":" + (base + 7200) + ",\"n\":\"energy\",\"u\":\"kWh\","
                + "\"v\":1020},{\"n\":\"energy\",\"u\":\"MWh\",\"v\":1.03}]";
        Http.Response refused = http.post(INGEST, bearer, SENML, bad);
        assertEquals(400, refused.status());
        assertTrue(refused.body(), refused.body().contains("record 1") && refused.body().contains("MWh"));
        for (String wrong : new String[] { "[{\"n\":\"energy\",\"v\":NaN}]", "[{\"n\":\"voltage\",\"v\":230}]",
            "[{\"n\":\"energy\",\"v\":\"12\"}]", "[{\"n\":\"energy\",\"t\":" + (base + 10L * 365 * 86400)
                    + ",\"v\":1}]", "not json" }) {
            Http.Response r = http.post(INGEST, bearer, SENML, wrong);
            assertEquals(wrong + ": " + r.body(), 400, r.status());
        }
        String range = "&from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z";
        JsonNode raw = json(http.get(DEVICES + "/" + id + "/series?metric=energy" + range, admin));
        assertEquals("raw", raw.get("resolution").asText());
        assertEquals("the refused batch left nothing", 3, raw.get("points").size());

        // Rollups equal the aggregates of the raw readings.
        JsonNode hours = json(http.get(DEVICES + "/" + id + "/series?metric=energy&resolution=hour" + range, admin));
        JsonNode ten = hours.get("points").get(0);
        assertEquals("2026-11-20T10:00:00Z", ten.get("t").asText());
        assertEquals(2, ten.get("count").asInt());
        assertEquals(2001.5, ten.get("sum").asDouble(), 1e-9);
        assertEquals(1000, ten.get("first").asDouble(), 1e-9);
        assertEquals(1001.5, ten.get("last").asDouble(), 1e-9);
        JsonNode day = json(http.get(DEVICES + "/" + id + "/series?metric=energy&resolution=day" + range, admin))
                .get("points").get(0);
        assertEquals(3, day.get("count").asInt());
        assertEquals(1000, day.get("min").asDouble(), 1e-9);
        assertEquals(1010, day.get("max").asDouble(), 1e-9);

        // A plain object from a simple device.
        assertEquals(200, http.post(INGEST, bearer, "application/json", "{\"power\":1480,\"t\":" + (base + 90)
                + "}").status());
        // A meter's cumulative energy as a SenML sum ('s').
        assertEquals(200, http.post(INGEST, bearer, SENML, "[{\"n\":\"energy\",\"u\":\"kWh\",\"bt\":" + (base + 7300)
                + ",\"s\":1030}]").status());
        JsonNode seen = json(http.get(DEVICES + "/" + id, admin));
        assertEquals("active", seen.get("state").asText());
        assertEquals(1030, seen.get("lastValues").get("energy").get("value").asDouble(), 1e-9);
    }

    @Test
    public void aMetersMonthBecomesScope2ActivityDataWithItsProvenance() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String admin = memberAdmin(identity, identity.createTenant("Scope Two Member"), "admin@scope2.example");
        String facility = json(http.post("/api/emissions/facilities", admin, "application/json",
                "{\"name\":\"Data centre\",\"country\":\"CN\"}")).get("id").asText();
        String period = json(http.post("/api/emissions/periods", admin, "application/json", "{\"year\":2026}"))
                .get("id").asText();
        JsonNode created = json(http.post(DEVICES, admin, "application/json", "{\"name\":\"DC meter\",\"type\":"
                + "\"electricity-meter\",\"facilityId\":\"" + facility + "\",\"metrics\":{\"energy\":\"kWh\"}}"));
        String id = created.get("device").get("id").asText();
        String bearer = "Bearer " + created.get("token").asText();
        // Hourly register readings for February 2026: 2 kWh an hour, ten hours off, a meter swap at hour 200.
        long feb = Instant.parse("2026-02-01T00:00:00Z").getEpochSecond();
        StringBuilder pack = new StringBuilder("[{\"bn\":\"m:\",\"bu\":\"kWh\",\"bt\":" + feb + ",\"n\":\"energy\","
                + "\"t\":-3600,\"v\":1000}");
        double register = 1000;
        for (int h = 0; h < 28 * 24; h++) {
            if (h >= 100 && h < 110) {
                continue;
            }
            register = h == 200 ? 5 : register + 2;
            pack.append(",{\"n\":\"energy\",\"t\":").append(h * 3600).append(",\"v\":").append(register).append('}');
        }
        assertEquals(200, http.post(INGEST, bearer, SENML, pack.append(']').toString()).status());

        JsonNode month = json(http.post(DEVICES + "/" + id + "/scope2", admin, "application/json",
                "{\"month\":\"2026-02\"}"));
        assertEquals(month.toString(), 1327, month.get("kwh").asDouble(), 1e-9);
        assertEquals(662, month.get("readings").asInt());
        assertEquals(1, month.get("resets").asInt());
        assertEquals(98.5, month.get("coveragePercent").asDouble(), 1e-9);
        assertEquals("[\"2026-02-05T03:00:00Z/2026-02-05T14:00:00Z\"]", month.get("gaps").toString());
        assertFalse(month.get("flagged").asBoolean());
        // Again: the month's record is replaced, not doubled.
        json(http.post(DEVICES + "/" + id + "/scope2", admin, "application/json", "{\"month\":\"2026-02\"}"));
        JsonNode records = json(http.get("/api/emissions/periods/" + period + "/activities", admin)).get("items");
        assertEquals(records.toString(), 1, records.size());
        JsonNode record = records.get(0);
        assertEquals("meter:" + id + ":2026-02", record.get("evidence").asText());
        assertEquals(2, record.get("scope").asInt());
        assertEquals("metered", record.get("method").asText());
        assertTrue(record.get("dataQuality").asText().contains(month.get("sha256").asText()));

        // A month with three readings is flagged, not filled in.
        long mar = Instant.parse("2026-03-10T00:00:00Z").getEpochSecond();
        assertEquals(200, http.post(INGEST, bearer, SENML, "[{\"n\":\"energy\",\"u\":\"kWh\",\"bt\":" + mar
                + ",\"v\":100},{\"n\":\"energy\",\"t\":3600,\"v\":110},{\"n\":\"energy\",\"t\":7200,\"v\":130}]")
                .status());
        JsonNode march = json(http.post(DEVICES + "/" + id + "/scope2", admin, "application/json",
                "{\"month\":\"2026-03\"}"));
        assertTrue(march.get("flagged").asBoolean());
        assertTrue(json(http.get("/api/emissions/periods/" + period + "/activities", admin)).toString()
                .contains("FLAGGED: coverage below the threshold"));
        assertEquals(400, http.post(DEVICES + "/" + id + "/scope2", admin, "application/json",
                "{\"month\":\"2026-13\"}").status());
        assertEquals(400, http.post(DEVICES + "/" + id + "/scope2", admin, "application/json",
                "{\"month\":\"2019-01\"}").status());
    }

    @Test
    public void retentionDropsOldRawReadingsAndKeepsTheirRollups() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String admin = memberAdmin(identity, identity.createTenant("Old Member"), "admin@old.example");
        JsonNode created = json(http.post(DEVICES, admin, "application/json", device("Old meter")));
        String id = created.get("device").get("id").asText();
        String bearer = "Bearer " + created.get("token").asText();
        long old = Instant.parse("2020-03-01T12:00:00Z").getEpochSecond();
        long recent = Instant.now().minusSeconds(86_400).getEpochSecond();
        assertEquals(200, http.post(INGEST, bearer, SENML, "[{\"n\":\"energy\",\"u\":\"kWh\",\"bt\":" + old
                + ",\"v\":1},{\"n\":\"energy\",\"t\":60,\"v\":2},{\"n\":\"energy\",\"t\":" + (recent - old)
                + ",\"v\":3}]").status());
        assertEquals(403, http.post("/api/telemetry/retention", admin, "application/json", "").status());
        JsonNode run = json(http.post("/api/telemetry/retention", operator(), "application/json", ""));
        assertTrue(run.toString(), run.get("deletedByTenant").toString().contains(":2"));
        String then = "&from=2020-03-01T00:00:00Z&to=2020-03-02T00:00:00Z";
        assertEquals(0, json(http.get(DEVICES + "/" + id + "/series?metric=energy&resolution=raw" + then, admin))
                .get("points").size());
        JsonNode day = json(http.get(DEVICES + "/" + id + "/series?metric=energy&resolution=day" + then, admin))
                .get("points").get(0);
        assertEquals("the rollup stays", 2, day.get("count").asInt());
        assertEquals(3, day.get("sum").asDouble(), 1e-9);
        assertEquals(1, json(http.get(DEVICES + "/" + id + "/series?metric=energy&resolution=raw&from="
                + Instant.ofEpochSecond(recent - 60) + "&to=" + Instant.now(), admin)).get("points").size());
    }

    @Test
    public void theSampleDecoderIsHotDeployedAndRemoved() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String admin = memberAdmin(identity, identity.createTenant("Compact Member"), "admin@compact.example");
        JsonNode created = json(http.post(DEVICES, admin, "application/json", device("Compact meter")));
        String bearer = "Bearer " + created.get("token").asText();
        // Version 1, 2026-01-01T00:00:00Z, 12,345,678 Wh, 1,500 W (the sample's documented frame).
        byte[] frame = { 0x01, 0x69, 0x55, (byte) 0xB9, 0x00, 0x00, (byte) 0xBC, 0x61, 0x4E, 0x05, (byte) 0xDC };
        assertEquals(415, http.postBytes(INGEST, bearer, "application/octet-stream", frame).status());
        java.nio.file.Path staged = deployDir().getParent().resolve("compact.jar");
        java.nio.file.Files.copy(systemJar("example-compact-meter-decoder"), staged,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Jars.deploy(staged, deployDir(), "compact.jar");
        Http.Response decoded = http.pollPost(INGEST, bearer, "application/octet-stream", frame,
                r -> r.status() == 200, Duration.ofSeconds(30));
        assertEquals(decoded.body(), 2, json(decoded).get("stored").asInt());
        JsonNode energy = json(http.get(DEVICES + "/" + created.get("device").get("id").asText(), admin))
                .get("lastValues").get("energy");
        assertEquals(12345.678, energy.get("value").asDouble(), 1e-9);
        assertEquals("2026-01-01T00:00:00Z", energy.get("at").asText());
        byte[] broken = frame.clone();
        broken[0] = 7;
        Http.Response refused = http.postBytes(INGEST, bearer, "application/octet-stream", broken);
        assertEquals(400, refused.status());
        assertTrue(refused.body(), refused.body().contains("compact-meter-v1"));
        java.nio.file.Files.delete(deployDir().resolve("compact.jar"));
        assertEquals(415, http.pollPost(INGEST, bearer, "application/octet-stream", frame, r -> r.status() == 415,
                Duration.ofSeconds(30)).status());
    }

    @Test
    public void revokedAndRotatedTokensAreRefusedAtOnceAndATokenOpensNothingButIngest() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String tenant = identity.createTenant("Token Member").id();
        String admin = memberAdmin(identity, identity.tenant(tenant).orElseThrow(), "admin@token.example");
        List<Event> events = new CopyOnWriteArrayList<>();
        ServiceRegistration<EventHandler> listener = context.registerService(EventHandler.class, events::add,
                new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, "org/carbonalliance/telemetry/*")));
        JsonNode created = json(http.post(DEVICES, admin, "application/json", device("Roof meter")));
        String id = created.get("device").get("id").asText();
        String first = "Bearer " + created.get("token").asText();
        String reading = "[{\"n\":\"energy\",\"u\":\"kWh\",\"v\":5}]";
        assertEquals(200, http.post(INGEST, first, SENML, reading).status());
        Event stored = await(events, "org/carbonalliance/telemetry/READINGS_STORED");
        assertEquals(id, stored.getProperty("device"));
        assertEquals(tenant, stored.getProperty("tenant"));
        assertEquals(1, stored.getProperty("count"));
        assertEquals(401, http.post(INGEST, null, SENML, reading).status());
        assertEquals(401, http.post(INGEST, "Bearer dev_forged", SENML, reading).status());
        assertEquals(403, http.get(DEVICES, first).status());
        assertEquals(403, http.get("/api/identity/keys", first).status());
        assertEquals(403, http.post(INGEST, admin, SENML, reading).status());

        JsonNode rotated = json(http.post(DEVICES + "/" + id + "/token", admin, "application/json", ""));
        String second = "Bearer " + rotated.get("token").asText();
        Event changed = await(events, "org/carbonalliance/telemetry/TOKEN_CHANGED");
        assertEquals(id, changed.getProperty("device"));
        assertEquals(tenant, changed.getProperty("tenant"));
        listener.unregister();
        assertEquals(401, http.post(INGEST, first, SENML, reading).status());
        assertEquals(200, http.post(INGEST, second, SENML, reading).status());
        assertEquals("revoked", json(http.delete(DEVICES + "/" + id + "/token", admin)).get("state").asText());
        assertEquals(401, http.post(INGEST, second, SENML, reading).status());

        String stranger = memberAdmin(identity, identity.createTenant("Other Member"), "admin@other.example");
        assertEquals(404, http.get(DEVICES + "/" + id, stranger).status());
        assertEquals(404, http.get(DEVICES + "/" + id + "/series?metric=energy&from=2026-01-01T00:00:00Z"
                + "&to=2026-02-01T00:00:00Z", stranger).status());
        assertEquals(0, json(http.get(DEVICES, stranger)).get("items").size());
    }

    /** @return the first event on {@code topic} among those received, waiting up to ten seconds */
    private static Event await(List<Event> events, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (Event event : events) {
                if (event.getTopic().equals(topic)) {
                    return event;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no event " + topic + " among " + events);
    }
}
