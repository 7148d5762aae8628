package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.ops4j.pax.exam.util.Filter;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * API keys: created with the secret shown once, listed without it, usable as Bearer, refused once revoked; their
 * changes land in the hash-chained audit log, whose check reveals an altered entry.
 */
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

        char last = secret.charAt(secret.length() - 1);
        String altered = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertEquals(401, http.get("/api/identity/keys", "Bearer " + altered).status());
        assertEquals(401, http.get("/api/identity/keys", "Bearer not-a-key").status());

        assertEquals(404, http.delete("/api/identity/keys/0000000000000000", operator()).status());
        assertEquals(204, http.delete("/api/identity/keys/" + key.get("id").asText(), operator()).status());
        Http.Response revoked = http.get("/api/identity/keys", bearer);
        assertEquals(401, revoked.status());
        assertEquals("unauthorized", json(revoked).at("/error/code").asText());
        assertFalse(json(http.get("/api/identity/keys", operator())).at("/items/0/revokedAt").isNull());
    }

    @Inject
    private CommandProcessor gogo;

    @Inject
    @Filter("(alliance.datasource=default)")
    private DataSource dataSource;

    private String gogo(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (CommandSession session = gogo.createSession(System.in, print, print)) {
            return String.valueOf(session.execute(command));
        }
    }

    @Test
    public void keyChangesAreAuditedInAChainThatRevealsTampering() throws Exception {
        Http http = http();
        http.poll("/api/identity/keys", operator(), r -> r.status() == 200, Duration.ofSeconds(30));
        JsonNode key = json(http.post("/api/identity/keys", operator(), JSON_TYPE, "{\"name\":\"audited\"}"));
        http.delete("/api/identity/keys/" + key.get("id").asText(), operator());
        assertEquals(401, http.get("/api/identity/keys", Http.basic("admin", "wrong-once")).status());
        String verified = gogo("audit:verify");
        assertTrue(verified, verified.startsWith("Audit chain intact"));

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select action, actor, target from pf_audit order by seq")) {
            StringBuilder trail = new StringBuilder();
            while (rs.next()) {
                trail.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ')
                        .append(rs.getString(3)).append('\n');
            }
            assertTrue(trail.toString(), trail.toString().contains("identity.key-created admin " + key.get("id").asText()));
            assertTrue(trail.toString(), trail.toString().contains("identity.key-revoked admin " + key.get("id").asText()));
            assertTrue(trail.toString(), trail.toString().contains("identity.login-failed anonymous admin"));
            assertEquals(1, s.executeUpdate("update pf_audit set actor = 'intruder' where seq = 2"));
        }
        String broken = gogo("audit:verify");
        assertTrue(broken, broken.startsWith("Audit chain BROKEN at entry 2"));
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
