package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.carbonalliance.patentpool.api.PatentPoolEvents;
import org.carbonalliance.platform.api.security.IdentityService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** Pooled patents over HTTP: contribute, the public record, the owner's changes, withdrawal with notice, bad input. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PatentPoolIT extends PlatformTestSupport {

    private static final String PATENTS = "/api/patentpool/patents";
    private static final String JSON_TYPE = "application/json";

    @Inject
    private IdentityService identity;

    static String patent(String number, String title) {
        return "{\"publicationNumber\":\"" + number + "\",\"applicationDate\":\"2020-03-01\",\"grantDate\":"
                + "\"2022-05-10\",\"titleEn\":\"" + title + "\",\"titleZh\":\"储能电池调度方法\",\"abstractEn\":"
                + "\"A method for scheduling battery energy storage.\",\"applicants\":[\"Tencent\"],\"inventors\":"
                + "[\"Li Wei\"],\"cpcCodes\":[\"H01M 10/44\",\"Y02E 60/10\"]}";
    }

    @Test
    public void contributeReadChangeAndWithdraw() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        BlockingQueue<Event> seen = new LinkedBlockingQueue<>();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, "org/carbonalliance/patentpool/*");
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, seen::add, props);
        try {
            String a = memberAdmin(identity, identity.createTenant("Tencent (pool test)"), "admin@pool-a.example");
            String b = memberAdmin(identity, identity.createTenant("Baidu (pool test)"), "admin@pool-b.example");

            Http.Response created = http.post(PATENTS, a, JSON_TYPE, patent("cn 112345678 b", "Battery storage"));
            assertEquals(created.body(), 201, created.status());
            assertEquals("CN112345678B", json(created).get("publicationNumber").asText());
            assertEquals("[\"Y02E\"]", json(created).get("climateTags").toString());
            assertEquals("2040-02-29", json(created).get("expiryDate").asText());
            assertEquals(PatentPoolEvents.CONTRIBUTED, seen.poll(5, TimeUnit.SECONDS).getTopic());

            JsonNode declaration = json(http.get(PATENTS + "/CN112345678B/open-licence-declaration"));
            assertEquals("发明", declaration.get("patentTypeZh").asText());
            assertEquals("2040-02-29", declaration.get("termUntil").asText());
            Http.Response page = http.get("/api/patentpool/declarations/CN112345678B");
            assertEquals(200, page.status());
            assertTrue(page.contentType(), page.contentType().startsWith("text/html"));
            assertTrue(page.body(), page.body().contains("专利开放许可声明") && page.body().contains("CN112345678B"));
            JsonNode anonymous = json(http.get(PATENTS + "/CN112345678B"));
            assertEquals("Battery storage", anonymous.get("titleEn").asText());
            assertEquals("储能电池调度方法", anonymous.get("titleZh").asText());
            assertEquals(409, http.post(PATENTS, b, JSON_TYPE, patent("CN112345678B", "Copy")).status());
            assertEquals(404, http.patch(PATENTS + "/CN112345678B", b, "{\"legalStatus\":\"lapsed\"}").status());
            assertEquals(404, http.post(PATENTS + "/CN112345678B/withdraw", b, JSON_TYPE, "{\"reason\":\"x\"}")
                    .status());
            assertEquals("granted", json(http.get(PATENTS + "/CN112345678B")).get("legalStatus").asText());
            assertEquals(0, json(http.get(PATENTS, b)).get("items").size());
            assertEquals(1, json(http.get(PATENTS, a)).get("items").size());

            Http.Response lapsed = http.patch(PATENTS + "/CN112345678B", a, "{\"legalStatus\":\"lapsed\"}");
            assertEquals(lapsed.body(), 200, lapsed.status());
            assertEquals(PatentPoolEvents.STATUS_CHANGED, seen.poll(5, TimeUnit.SECONDS).getTopic());
            Http.Response withdrawn = http.post(PATENTS + "/CN112345678B/withdraw", a, JSON_TYPE,
                    "{\"reason\":\"Licensed exclusively elsewhere.\"}");
            assertEquals(withdrawn.body(), 200, withdrawn.status());
            assertEquals("withdrawal-noticed", json(withdrawn).get("poolState").asText());
            assertEquals(PatentPoolEvents.WITHDRAWN, seen.poll(5, TimeUnit.SECONDS).getTopic());
        } finally {
            handler.unregister();
        }
    }

    @Inject
    private org.apache.felix.service.command.CommandProcessor gogo;

    @Test
    public void theLapseWatchRunsFromGogo() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String a = memberAdmin(identity, identity.createTenant("Vanke (pool test)"), "admin@pool-d.example");
        assertEquals(201, http.post(PATENTS, a, JSON_TYPE, patent("CN100000009B", "Old patent")
                .replace("\"applicationDate\":\"2020-03-01\"", "\"applicationDate\":\"2005-01-01\"")
                .replace("\"grantDate\":\"2022-05-10\"", "\"grantDate\":\"2007-05-10\"")).status());
        try (org.apache.felix.service.command.CommandSession session = gogo.createSession(System.in, System.out,
                System.err)) {
            String out = String.valueOf(session.execute("patentpool:lapse"));
            assertTrue(out, out.contains("CN100000009B"));
        }
        assertEquals("expired", json(http.get(PATENTS + "/CN100000009B")).get("legalStatus").asText());
    }

    @Test
    public void badInputIsAClearErrorAndWritesNothing() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String a = memberAdmin(identity, identity.createTenant("JD.com (pool test)"), "admin@pool-c.example");
        Http.Response malformed = http.post(PATENTS, a, JSON_TYPE, patent("CN-ABC", "Bad number"));
        assertEquals(400, malformed.status());
        assertTrue(malformed.body(), malformed.body().contains("publicationNumber: not a DOCDB publication number"));
        Http.Response tag = http.post(PATENTS, a, JSON_TYPE, patent("CN112345679B", "Tags")
                .replace("\"cpcCodes\"", "\"climateTags\":[\"Y99X\"],\"cpcCodes\""));
        assertEquals(400, tag.status());
        assertTrue(tag.body(), tag.body().contains("climateTags: item 1"));
        Http.Response dates = http.post(PATENTS, a, JSON_TYPE, patent("CN112345680B", "Dates")
                .replace("\"grantDate\":\"2022-05-10\"", "\"grantDate\":\"2019-01-01\""));
        assertEquals(400, dates.status());
        assertTrue(dates.body(), dates.body().contains("grantDate: before the applicationDate"));
        // A 10 MB title: refused from its declared length, before it is read (the client may not finish sending).
        Http.Response huge = http.postDeclaringLength(PATENTS, a, 10_000_000);
        assertEquals(huge.body(), 413, huge.status());
        assertEquals(401, http.post(PATENTS, null, JSON_TYPE, patent("CN112345682B", "Anonymous")).status());
        assertEquals(0, json(http.get(PATENTS, a)).get("items").size());
        assertEquals(404, http.get(PATENTS + "/CN112345679B").status());
    }
}
