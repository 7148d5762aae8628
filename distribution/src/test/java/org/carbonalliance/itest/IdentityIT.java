package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.carbonalliance.platform.api.security.IdentityService;
import org.carbonalliance.platform.api.security.Invitation;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.security.Tenant;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Tenants and users: invitation and activation, a member-admin manages its own tenant's users only, a disabled user
 * and a suspended tenant's users and keys are refused.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IdentityIT extends PlatformTestSupport {

    private static final String JSON_TYPE = "application/json";
    private static final String STRONG = "Carbon-Neutral-2060";

    @Inject
    private IdentityService identity;

    private String activate(Http http, Invitation invitation) throws Exception {
        Http.Response weak = http.post("/api/identity/activate", null, JSON_TYPE,
                "{\"token\":\"" + invitation.activationToken() + "\",\"password\":\"short\"}");
        assertEquals(weak.body(), 400, weak.status());
        Http.Response ok = http.post("/api/identity/activate", null, JSON_TYPE,
                "{\"token\":\"" + invitation.activationToken() + "\",\"password\":\"" + STRONG + "\"}");
        assertEquals(ok.body(), 200, ok.status());
        Http.Response reused = http.post("/api/identity/activate", null, JSON_TYPE,
                "{\"token\":\"" + invitation.activationToken() + "\",\"password\":\"" + STRONG + "\"}");
        assertEquals("a token works once", 400, reused.status());
        return Http.basic(invitation.email(), STRONG);
    }

    @Test
    public void memberAdminManagesOnlyItsOwnTenant() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        Tenant a = identity.createTenant("Tencent (demo A)");
        Tenant b = identity.createTenant("Baidu (demo B)");
        String adminA = activate(http, identity.invite(a.id(), "admin@a.example", Set.of(Roles.MEMBER_ADMIN)));
        String adminB = activate(http, identity.invite(b.id(), "admin@b.example", Set.of(Roles.MEMBER_ADMIN)));

        identity.invite(a.id(), "pending@a.example", Set.of(Roles.MEMBER_USER));
        assertEquals("not yet activated: no login", 401,
                http.get("/api/identity/keys", Http.basic("pending@a.example", STRONG)).status());
        Http.Response invited = http.post("/api/identity/users", adminA, JSON_TYPE,
                "{\"email\":\"Analyst@A.example\",\"roles\":[\"member-user\"]}");
        assertEquals(invited.body(), 201, invited.status());
        JsonNode invitation = json(invited);
        assertEquals("analyst@a.example", invitation.get("email").asText());
        Http.Response activated = http.post("/api/identity/activate", null, JSON_TYPE, "{\"token\":\""
                + invitation.get("activationToken").asText() + "\",\"password\":\"" + STRONG + "\"}");
        assertEquals(200, activated.status());
        String userA = Http.basic("analyst@a.example", STRONG);

        JsonNode usersA = json(http.get("/api/identity/users", adminA));
        assertEquals(3, usersA.get("items").size());
        assertFalse(usersA.toString().contains("b.example"));
        assertEquals("a member-user cannot manage users", 403, http.get("/api/identity/users", userA).status());
        assertEquals("the operator is no member-admin", 403, http.get("/api/identity/users", operator()).status());

        assertEquals("B's users do not exist for A", 404,
                http.patch("/api/identity/users/admin@b.example", adminA, "{\"enabled\":false}").status());
        assertEquals(200, http.get("/api/identity/keys", adminB).status());
        assertEquals(400, http.post("/api/identity/users", adminA, JSON_TYPE,
                "{\"email\":\"x@a.example\",\"roles\":[\"alliance-admin\"]}").status());
        Http.Response own = http.post("/api/identity/users", adminA, JSON_TYPE,
                "{\"email\":\"analyst@a.example\",\"roles\":[\"member-user\"]}");
        Http.Response others = http.post("/api/identity/users", adminA, JSON_TYPE,
                "{\"email\":\"admin@b.example\",\"roles\":[\"member-user\"]}");
        assertEquals(own.body(), 409, own.status());
        assertEquals("another tenant's address gets the very same answer as one's own", own.body(), others.body());
        assertFalse(others.body(), others.body().contains("already has an account"));
        assertEquals(400, http.post("/api/identity/users", adminA, JSON_TYPE,
                "{\"email\":\"not-an-address\",\"roles\":[\"member-user\"]}").status());

        Http.Response disabled = http.patch("/api/identity/users/analyst@a.example", adminA, "{\"enabled\":false}");
        assertEquals(disabled.body(), 200, disabled.status());
        assertEquals("a disabled user is refused at once", 401, http.get("/api/identity/keys", userA).status());

        Http.Response demote = http.patch("/api/identity/users/admin@a.example", adminA, "{\"roles\":[\"member-user\"]}");
        assertEquals(demote.body(), 409, demote.status());
        assertTrue(demote.body(), demote.body().contains("last member-admin"));
        assertEquals(409, http.patch("/api/identity/users/admin@a.example", adminA, "{\"enabled\":false}").status());
        assertEquals("still member-admin", 200, http.get("/api/identity/users", adminA).status());

        assertEquals(200, http.patch("/api/identity/users/analyst@a.example", adminA,
                "{\"roles\":[\"member-admin\"],\"enabled\":true}").status());
        Http.Response handedOver = http.patch("/api/identity/users/admin@a.example", adminA,
                "{\"roles\":[\"member-user\"]}");
        assertEquals("with a second active admin the first may step down", 200, handedOver.status());
    }

    /**
     * A wrong password for a known user and any password for an unknown one take the same PBKDF2 time, so timing does
     * not reveal who has an account. (Each failure is followed by a good login, which resets the lockout counters.)
     */
    @Test
    public void unknownUsersAreRefusedAsSlowlyAsWrongPasswords() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        Tenant e = identity.createTenant("Kuaishou (demo E)");
        String good = activate(http, identity.invite(e.id(), "known@e.example", Set.of(Roles.MEMBER_ADMIN)));
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            known.add(failedLoginMillis(http, "known@e.example"));
            assertEquals(200, http.get("/api/identity/keys", good).status());
            unknown.add(failedLoginMillis(http, "nobody-" + i + "@e.example"));
            assertEquals(200, http.get("/api/identity/keys", good).status());
        }
        Collections.sort(known);
        Collections.sort(unknown);
        assertTrue("medians: unknown " + unknown + " vs known " + known, unknown.get(2) * 2 >= known.get(2));
    }

    private static long failedLoginMillis(Http http, String user) throws Exception {
        long start = System.nanoTime();
        assertEquals(401, http.get("/api/identity/keys", Http.basic(user, "Wrong-Password-123")).status());
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    public void suspendedTenantsUsersAndKeysAreRefused() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        Tenant c = identity.createTenant("JD.com (demo C)");
        String adminC = activate(http, identity.invite(c.id(), "admin@c.example", Set.of(Roles.MEMBER_ADMIN)));
        String key = "Bearer " + json(http.post("/api/identity/keys", adminC, JSON_TYPE, "{\"name\":\"c\"}"))
                .get("key").asText();
        assertEquals(200, http.get("/api/identity/keys", key).status());

        identity.setSuspended(c.id(), true, "unpaid dues (test)");
        assertEquals(401, http.get("/api/identity/keys", adminC).status());
        assertEquals(401, http.get("/api/identity/keys", key).status());
        assertTrue(identity.tenant(c.id()).orElseThrow().suspended());

        identity.setSuspended(c.id(), false, null);
        assertEquals(200, http.get("/api/identity/keys", key).status());
    }
}
