package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** API keys: created with the secret shown once, listed without it, usable as Bearer, refused once revoked. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApiKeysIT extends PlatformTestSupport {

    private static final String JSON_TYPE = "application/json";

    @Test
    public void createUseListAndRevoke() throws Exception {
        Http http = http();
        http.poll("/api/identity/keys", operator(), r -> r.status() == 200, Duration.ofSeconds(30));
        Http.Response created = http.post("/api/identity/keys", operator(), JSON_TYPE, "{\"name\":\"meter gateway\"}");
        assertEquals(created.body(), 201, created.status());
        JsonNode key = json(created);
        String secret = key.get("key").asText();
        assertTrue(secret.startsWith("cak_"));
        String bearer = "Bearer " + secret;

        Http.Response listed = http.get("/api/identity/keys", bearer);
        assertEquals("the key authenticates", 200, listed.status());
        assertTrue(listed.body().contains("meter gateway"));
        assertFalse("the secret is never listed", listed.body().contains(secret.substring(22)));

        assertEquals(401, http.get("/api/identity/keys", "Bearer " + secret.substring(0, secret.length() - 1) + "A")
                .status());
        assertEquals(401, http.get("/api/identity/keys", "Bearer not-a-key").status());

        assertEquals(404, http.delete("/api/identity/keys/0000000000000000", operator()).status());
        assertEquals(204, http.delete("/api/identity/keys/" + key.get("id").asText(), operator()).status());
        Http.Response revoked = http.get("/api/identity/keys", bearer);
        assertEquals(401, revoked.status());
        assertEquals("unauthorized", json(revoked).at("/error/code").asText());
        assertFalse(json(http.get("/api/identity/keys", operator())).at("/items/0/revokedAt").isNull());
    }

    @Test
    public void badInputCreatesNoKey() throws Exception {
        Http http = http();
        http.poll("/api/identity/keys", operator(), r -> r.status() == 200, Duration.ofSeconds(30));
        int before = json(http.get("/api/identity/keys", operator())).get("items").size();
        assertEquals(400, http.post("/api/identity/keys", operator(), JSON_TYPE, "{}").status());
        assertEquals(400, http.post("/api/identity/keys", operator(), JSON_TYPE, "{\"name\":\"   \"}").status());
        assertEquals(400, http.post("/api/identity/keys", operator(), JSON_TYPE, "{\"name\":\"" + "n".repeat(101) + "\"}")
                .status());
        assertEquals(400, http.post("/api/identity/keys", operator(), JSON_TYPE, "{\"name\":\"x\",\"owner\":\"bo\"}")
                .status());
        assertEquals(401, http.post("/api/identity/keys", null, JSON_TYPE, "{\"name\":\"x\"}").status());
        assertEquals(before, json(http.get("/api/identity/keys", operator())).get("items").size());
    }
}
