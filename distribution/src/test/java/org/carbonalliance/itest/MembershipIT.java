package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.carbonalliance.membership.api.Finding;
import org.carbonalliance.membership.api.MembershipEvents;
import org.carbonalliance.membership.api.OnboardingCheck;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** The membership workflow over HTTP: apply, follow, be asked, resubmit, be approved or rejected, withdraw. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MembershipIT extends PlatformTestSupport {

    private static final String JSON_TYPE = "application/json";
    private static final String APPS = "/api/membership/applications";

    static String application(String name, String registration, String email) {
        return "{\"organisationName\":\"" + name + "\",\"localName\":\"腾讯\",\"type\":\"company\",\"country\":\"CN\","
                + "\"registrationNumber\":\"" + registration + "\",\"website\":\"https://www.example.com\","
                + "\"contactName\":\"Wang Fang\",\"contactEmail\":\"" + email + "\",\"areas\":[\"Y02D\",\"Y02E\"],"
                + "\"statement\":\"Data-centre energy optimisation and renewable power purchasing, toward carbon "
                + "neutrality in operations by 2030.\",\"seeking\":\"both\"}";
    }

    private static Http.Response withToken(Http http, String method, String path, String token, String body)
            throws Exception {
        return http.requestWithHeader(method, path, "X-Status-Token", token, body);
    }

    @Test
    public void applyRequestInformationResubmitApproveAndActivate() throws Exception {
        Http http = http();
        http.poll(APPS, operator(), r -> r.status() == 200, Duration.ofSeconds(30));
        BlockingQueue<Event> approved = new LinkedBlockingQueue<>();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, MembershipEvents.APPROVED);
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, approved::add, props);
        ServiceRegistration<OnboardingCheck> plugin = context.registerService(OnboardingCheck.class,
                new OnboardingCheck() {
                    @Override
                    public String name() {
                        return "itest-plugin";
                    }

                    @Override
                    public List<Finding> check(org.carbonalliance.membership.api.ApplicationForm form) {
                        return List.of(Finding.warning(name(), "seen " + form.organisationName()));
                    }
                }, null);
        try {
            Http.Response submitted = http.post(APPS, null, JSON_TYPE,
                    application("Tencent (demo)", "91440300708461136T", "wang.fang@tencent.example"));
            assertEquals(submitted.body(), 201, submitted.status());
            String id = json(submitted).get("id").asText();
            String token = json(submitted).get("statusToken").asText();

            assertEquals(401, http.get(APPS + "/" + id).status());
            assertEquals(403, withToken(http, "GET", APPS + "/" + id, "wrong", null).status());
            JsonNode mine = json(withToken(http, "GET", APPS + "/" + id, token, null));
            assertEquals("submitted", mine.get("state").asText());
            assertFalse("the applicant does not see the reviewer's findings", mine.has("findings"));

            JsonNode reviewed = json(http.get(APPS + "/" + id, operator()));
            String findings = reviewed.get("findings").toString();
            assertTrue(findings, findings.contains("itest-plugin") && findings.contains("duplicates"));

            assertEquals(200, http.post(APPS + "/" + id + "/request-information", operator(), JSON_TYPE,
                    "{\"questions\":\"Which patents would you contribute?\"}").status());
            JsonNode asked = json(withToken(http, "GET", APPS + "/" + id, token, null));
            assertEquals("information-requested", asked.get("state").asText());
            assertEquals("Which patents would you contribute?", asked.get("decisionNote").asText());
            assertEquals(409, http.post(APPS + "/" + id + "/approve", operator(), JSON_TYPE, "").status());

            assertEquals(200, withToken(http, "POST", APPS + "/" + id + "/resubmit", token,
                    application("Tencent (demo)", "91440300708461136T", "wang.fang@tencent.example")).status());
            JsonNode list = json(http.get(APPS + "?state=submitted", operator()));
            assertTrue(list.toString().contains(id));
            assertFalse(json(http.get(APPS + "?state=rejected", operator())).toString().contains(id));

            assertEquals(200, http.post(APPS + "/" + id + "/start-review", operator(), JSON_TYPE, "").status());
            assertEquals("under-review", json(withToken(http, "GET", APPS + "/" + id, token, null)).get("state").asText());
            assertEquals(409, http.post(APPS + "/" + id + "/start-review", operator(), JSON_TYPE, "").status());
            Http.Response approval = http.post(APPS + "/" + id + "/approve", operator(), JSON_TYPE, "");
            assertEquals(approval.body(), 200, approval.status());
            JsonNode member = json(approval);
            Event event = approved.poll(10, TimeUnit.SECONDS);
            assertEquals(id, event.getProperty(MembershipEvents.APPLICATION_ID));
            assertEquals(member.get("tenantId").asText(), event.getProperty(MembershipEvents.TENANT_ID));

            assertEquals(200, http.post("/api/identity/activate", null, JSON_TYPE, "{\"token\":\""
                    + member.get("activationToken").asText() + "\",\"password\":\"Tencent-Carbon-2030\"}").status());
            String memberAdmin = Http.basic("wang.fang@tencent.example", "Tencent-Carbon-2030");
            assertEquals("the first member-admin manages its users", 200,
                    http.get("/api/identity/users", memberAdmin).status());
            assertEquals("but reviews nothing", 403, http.get(APPS, memberAdmin).status());

            String tenant = member.get("tenantId").asText();
            String directory = http.get("/api/membership/members").body();
            assertTrue("the public directory lists the new member", directory.contains("Tencent (demo)"));
            assertFalse("without private fields", directory.contains("applicationId"));
            assertEquals(200, http.get("/api/membership/members/" + tenant, memberAdmin).status());
            assertEquals(403, http.post("/api/membership/members/" + tenant + "/suspend", memberAdmin, JSON_TYPE,
                    "{\"reason\":\"self\"}").status());
            assertEquals(200, http.post("/api/membership/members/" + tenant + "/suspend", operator(), JSON_TYPE,
                    "{\"reason\":\"Unpaid dues (test)\"}").status());
            assertEquals("a suspended member's users are refused", 401,
                    http.get("/api/identity/users", memberAdmin).status());
            assertFalse(http.get("/api/membership/members").body().contains("Tencent (demo)"));
            assertEquals(409, http.post("/api/membership/members/" + tenant + "/suspend", operator(), JSON_TYPE,
                    "{\"reason\":\"again\"}").status());
            assertEquals(200, http.post("/api/membership/members/" + tenant + "/reinstate", operator(), JSON_TYPE, "")
                    .status());
            assertEquals(200, http.get("/api/identity/users", memberAdmin).status());
            assertEquals(200, http.post("/api/membership/members/" + tenant + "/withdraw", memberAdmin, JSON_TYPE,
                    "{\"reason\":\"Leaving the alliance (test)\"}").status());
            assertEquals(401, http.get("/api/identity/users", memberAdmin).status());
            assertEquals("withdrawn", json(http.get("/api/membership/members/" + tenant, operator()))
                    .get("status").asText());
        } finally {
            plugin.unregister();
            handler.unregister();
        }
    }

    @Test
    public void duplicatesAreFlaggedRejectionAndWithdrawalWork() throws Exception {
        Http http = http();
        http.poll(APPS, operator(), r -> r.status() == 200, Duration.ofSeconds(30));
        JsonNode first = json(http.post(APPS, null, JSON_TYPE, application("Alibaba (demo)", "REG-1", "a@ali.example")));
        JsonNode second = json(http.post(APPS, null, JSON_TYPE, application("Alibaba (demo)", "REG-1", "b@ali.example")));
        String findings = json(http.get(APPS + "/" + second.get("id").asText(), operator())).get("findings").toString();
        assertTrue(findings, findings.contains("\"level\":\"fail\""));

        assertEquals(400, http.post(APPS + "/" + first.get("id").asText() + "/reject", operator(), JSON_TYPE, "{}")
                .status());
        assertEquals(200, http.post(APPS + "/" + first.get("id").asText() + "/reject", operator(), JSON_TYPE,
                "{\"reason\":\"Duplicate of another application.\"}").status());
        assertEquals(200, withToken(http, "POST", APPS + "/" + second.get("id").asText() + "/withdraw",
                second.get("statusToken").asText(), "").status());
        assertEquals(409, withToken(http, "POST", APPS + "/" + second.get("id").asText() + "/withdraw",
                second.get("statusToken").asText(), "").status());
    }

    private boolean institutesCheckRegistered() throws Exception {
        return context.getServiceReferences(OnboardingCheck.class, null).stream()
                .anyMatch(r -> "org.carbonalliance.examples.institutes".equals(r.getBundle().getSymbolicName()));
    }

    private String findingsOfNewUniversityApplication(Http http, String name) throws Exception {
        String body = application(name, "UNI-" + name.length(), "office@uni.example").replace("\"company\"",
                "\"university\"");
        Http.Response submitted = http.post(APPS, null, JSON_TYPE, body);
        assertEquals(submitted.body(), 201, submitted.status());
        return json(http.get(APPS + "/" + json(submitted).get("id").asText(), operator())).get("findings").toString();
    }

    @Test
    public void onboardingCheckPluginIsHotDeployedAndRemoved() throws Exception {
        Http http = http();
        http.poll(APPS, operator(), r -> r.status() == 200, Duration.ofSeconds(30));
        java.nio.file.Path staged = deployDir().getParent().resolve("institutes.jar");
        java.nio.file.Files.copy(systemJar("example-recognised-institutes"), staged);
        Jars.deploy(staged, deployDir(), "institutes.jar");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!institutesCheckRegistered() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue("the plugin's check is registered", institutesCheckRegistered());
        String recognised = findingsOfNewUniversityApplication(http, "Tsinghua University");
        assertTrue(recognised, recognised.contains("recognised-institutes") && recognised.contains("\"level\":\"pass\""));
        String unknown = findingsOfNewUniversityApplication(http, "Unheard-of Institute of Technology");
        assertTrue(unknown, unknown.contains("is not on the list of recognised institutions"));

        java.nio.file.Files.delete(deployDir().resolve("institutes.jar"));
        deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (institutesCheckRegistered() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String without = findingsOfNewUniversityApplication(http, "Another Unheard-of Academy");
        assertFalse("removed with its bundle: " + without, without.contains("recognised-institutes"));
        assertTrue("findings already stored stay", json(http.get(APPS + "?state=submitted&limit=200", operator()))
                .toString().contains("is not on the list of recognised institutions"));
    }

    @Inject
    private CommandProcessor gogo;

    @Test
    public void demoCommandLoadsTheFoundingMembersOnce() throws Exception {
        Http http = http();
        http.poll(APPS, operator(), r -> r.status() == 200, Duration.ofSeconds(30));
        try (CommandSession session = gogo.createSession(System.in, System.out, System.err)) {
            assertTrue(String.valueOf(session.execute("membership:demo")).contains("10 founding members added"));
            assertTrue(String.valueOf(session.execute("membership:demo")).contains("0 founding members added"));
        }
        JsonNode directory = json(http.get("/api/membership/members"));
        long demo = 0;
        for (JsonNode member : directory.get("items")) {
            demo += member.get("demo").asBoolean() ? 1 : 0;
        }
        assertEquals(10, demo);
        String names = directory.toString();
        for (String founder : List.of("Tencent", "Microsoft China", "Alibaba", "Baidu", "JD.com", "Kuaishou",
                "Ant Group", "Meituan", "Vanke", "Willfar Information Technology")) {
            assertTrue(founder, names.contains("\"" + founder + "\""));
        }
    }

    @Test
    public void membersConsolePageShowsEscapedQueueAndDecidesWithCsrfToken() throws Exception {
        Http http = http();
        http.poll(APPS, operator(), r -> r.status() == 200, Duration.ofSeconds(30));
        String name = "<script>alert(1)</script> Carbon Labs";
        JsonNode submitted = json(http.post(APPS, null, JSON_TYPE, application(name, "REG-XSS", "lab@xss.example")));
        String id = submitted.get("id").asText();
        String page = http.poll("/system/console/members", operator(), r -> r.status() == 200,
                Duration.ofSeconds(30)).body();
        assertFalse("markup is never rendered", page.contains("<script>alert(1)"));
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Carbon Labs"));
        assertTrue(page, page.contains("Chain intact"));
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name='csrf' value='([0-9a-f]+)'").matcher(page);
        assertTrue(token.find());

        String form = "application/x-www-form-urlencoded";
        assertEquals(403, http.consolePost("/system/console/members", operator(),
                "action=approve&target=" + id + "&csrf=forged").status());
        assertEquals("a cross-site post is refused even with the right token", 403, http.post(
                "/system/console/members", operator(), form, "action=approve&target=" + id + "&csrf=" + token.group(1))
                .status());
        assertEquals("submitted", json(http.get(APPS + "/" + id, operator())).get("state").asText());
        assertEquals(401, http.consolePost("/system/console/members", null,
                "action=approve&target=" + id + "&csrf=" + token.group(1)).status());

        Http.Response approved = http.consolePost("/system/console/members", operator(),
                "action=approve&target=" + id + "&csrf=" + token.group(1));
        assertEquals(302, approved.status());
        assertEquals("approved", json(http.get(APPS + "/" + id, operator())).get("state").asText());
        String members = http.get("/system/console/members", operator()).body();
        assertTrue(members.contains("Reinstate") || members.contains("Suspend"));
        assertTrue("the decision is in the audit table, by the console's operator",
                members.contains("membership.application-approved") && members.contains("<td>admin</td>"));
    }

    @Test
    public void badApplicationsNameEveryFieldAndWriteNothing() throws Exception {
        Http http = http();
        http.poll(APPS, operator(), r -> r.status() == 200, Duration.ofSeconds(30));
        int before = json(http.get(APPS + "?limit=200", operator())).get("items").size();
        Http.Response bad = http.post(APPS, null, JSON_TYPE, "{\"organisationName\":\"\",\"type\":\"corporation\","
                + "\"country\":\"XX\",\"areas\":[\"Y99\"],\"seeking\":\"all\"}");
        assertEquals(400, bad.status());
        String details = json(bad).at("/error/details").toString();
        for (String field : List.of("organisationName", "type", "country", "registrationNumber", "website",
                "contactName", "contactEmail", "areas", "statement", "seeking")) {
            assertTrue(field + " in " + details, details.contains(field + ":"));
        }
        assertEquals(400, http.post(APPS, null, JSON_TYPE, "{\"organisationName\":\"x\",\"extra\":1}").status());
        assertEquals(400, http.post(APPS, null, JSON_TYPE, "{\"organisationName\":5}").status());
        assertEquals(400, http.get(APPS + "?state=approvedish", operator()).status());
        assertEquals(400, http.get(APPS + "?limit=100000", operator()).status());
        assertEquals(before, json(http.get(APPS + "?limit=200", operator())).get("items").size());
    }
}
