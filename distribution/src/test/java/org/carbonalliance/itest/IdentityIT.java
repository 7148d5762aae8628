package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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
        assertEquals(400, http.post("/api/identity/users", adminA, JSON_TYPE,
                "{\"email\":\"analyst@a.example\",\"roles\":[\"member-user\"]}").status());
        assertEquals(400, http.post("/api/identity/users", adminA, JSON_TYPE,
                "{\"email\":\"not-an-address\",\"roles\":[\"member-user\"]}").status());

        Http.Response disabled = http.patch("/api/identity/users/analyst@a.example", adminA, "{\"enabled\":false}");
        assertEquals(disabled.body(), 200, disabled.status());
        assertEquals("a disabled user is refused at once", 401, http.get("/api/identity/keys", userA).status());
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
