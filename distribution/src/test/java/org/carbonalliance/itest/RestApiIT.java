package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import javax.inject.Inject;
import org.carbonalliance.platform.api.security.IdentityService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * REST infrastructure through a plugin endpoint (the field-notes example): JSON in and out, and bad input answered
 * 4xx in the one error shape with nothing written.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestApiIT extends PlatformTestSupport {

    private static final String JSON_TYPE = "application/json";

    @Inject
    private IdentityService identity;

    /** A member-admin of one member organisation: field notes are a member's own data. */
    private static String member;

    private String member() {
        return member;
    }

    @Before
    public void installFieldNotes() throws Exception {
        if (member == null) {
            member = memberAdmin(identity, identity.createTenant("Notes member"), "notes@member.example");
        }
        String location = "mvn:org.carbonalliance/example-field-notes/" + System.getProperty("alliance.project.version");
        Bundle bundle = context.getBundle(location);
        if (bundle == null) {
            context.installBundle(location).start();
        }
        Http.Response ready = http().poll("/api/field-notes", member(), r -> r.status() == 200, Duration.ofSeconds(30));
        assertEquals(ready.body(), 200, ready.status());
    }

    @Test
    public void anOperatorIsToldThatMemberDataIsNotTheirsRatherThanGivenAnEmptyList() throws Exception {
        Http.Response list = http().get("/api/field-notes", operator());
        assertErrorShape(list, 403, "forbidden");
        assertTrue(list.body(), json(list).get("error").get("message").asText().contains("belongs to no member"));
        assertErrorShape(http().post("/api/field-notes", operator(), JSON_TYPE, "{\"text\":\"x\"}"), 403,
                "forbidden");
    }

    private int noteCount() throws Exception {
        return json(http().get("/api/field-notes", member())).get("items").size();
    }

    private static void assertErrorShape(Http.Response response, int status, String code) throws Exception {
        assertEquals(response.body(), status, response.status());
        assertTrue(response.contentType().startsWith(JSON_TYPE));
        JsonNode error = json(response).get("error");
        assertEquals(code, error.get("code").asText());
        assertFalse(error.get("message").asText().isBlank());
        assertTrue(error.get("details").isArray());
        assertFalse("no stack trace", response.body().contains("Exception") || response.body().contains("\tat "));
    }

    @Test
    public void validNoteIsStoredAndListed() throws Exception {
        int before = noteCount();
        Http.Response created = http().post("/api/field-notes", member(), JSON_TYPE, "{\"text\":\"Meter 7 replaced\"}");
        assertEquals(created.body(), 201, created.status());
        JsonNode note = json(created);
        assertEquals("Meter 7 replaced", note.get("text").asText());
        assertEquals("notes@member.example", note.get("author").asText());
        assertEquals(before + 1, noteCount());
        Http.Response one = http().get("/api/field-notes/" + note.get("id").asText(), member());
        assertEquals(200, one.status());
    }

    @Test
    public void badInputIsRefusedAndWritesNothing() throws Exception {
        int before = noteCount();
        Http http = http();
        Http.Response malformed = http.post("/api/field-notes", member(), JSON_TYPE, "{\"text\": \"unterminated");
        assertErrorShape(malformed, 400, "bad-request");
        assertTrue(json(malformed).at("/error/message").asText().contains("not valid JSON"));

        Http.Response unknownField = http.post("/api/field-notes", member(), JSON_TYPE,
                "{\"text\":\"x\",\"tenantId\":\"tenant-b\"}");
        assertErrorShape(unknownField, 400, "bad-request");
        assertTrue(json(unknownField).at("/error/message").asText().contains("tenantId"));

        Http.Response wrongType = http.post("/api/field-notes", member(), JSON_TYPE, "{\"text\":42}");
        assertErrorShape(wrongType, 400, "bad-request");
        assertTrue(json(wrongType).at("/error/message").asText().contains("text"));

        Http.Response missing = http.post("/api/field-notes", member(), JSON_TYPE, "{}");
        assertErrorShape(missing, 400, "bad-request");
        assertTrue(json(missing).at("/error/details/0").asText().startsWith("text"));

        Http.Response notAnObject = http.post("/api/field-notes", member(), JSON_TYPE, "[1,2]");
        assertErrorShape(notAnObject, 400, "bad-request");

        Http.Response wrongMediaType = http.post("/api/field-notes", member(), "text/plain", "{\"text\":\"x\"}");
        assertErrorShape(wrongMediaType, 415, "unsupported-media-type");

        assertErrorShape(http.postDeclaringLength("/api/field-notes", member(), 2 * 1024 * 1024), 413,
                "payload-too-large");

        Http.Response markup = http.post("/api/field-notes", member(), JSON_TYPE,
                "{\"text\":\"<script>alert(1)</script>'; drop table ex_field_note; --\"}");
        assertEquals("markup and SQL-like text are stored as text", 201, markup.status());
        assertEquals(before + 1, noteCount());
    }

    @Test
    public void unknownNoteAndAnonymousCallerGetTheErrorShape() throws Exception {
        assertErrorShape(http().get("/api/field-notes/no-such-id", member()), 404, "not-found");
        assertErrorShape(http().get("/api/field-notes"), 401, "unauthorized");
        assertErrorShape(http().post("/api/field-notes", null, JSON_TYPE, "{\"text\":\"x\"}"), 401, "unauthorized");
    }

    @Test
    public void pluginEndpointsJoinTheOpenApiDocument() throws Exception {
        Http.Response doc = http().poll("/api/openapi.json", null, r -> r.body().contains("/api/field-notes"),
                Duration.ofSeconds(10));
        assertTrue(json(doc).at("/paths").has("/api/field-notes/{id}"));
    }
}
