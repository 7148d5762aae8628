package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.carbonalliance.platform.api.security.IdentityService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The console's Licensing page: its sections and served scripts, a non-member's request under review with its policy
 * reasons, decisions through the page's forms (which need its CSRF token and the console's origin), defensive
 * termination in two steps, the chart data, and escaping of whatever a requester typed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LicensingPageIT extends PlatformTestSupport {

    private static final String PAGE = "/system/console/licensing";
    private static final String JSON_TYPE = "application/json";
    private static final String REQUESTS = "/api/licensing/requests";
    private static final String LICENCES = "/api/licensing/licences";

    @Inject
    private IdentityService identity;

    private static String nonMemberRequest(String patent, String organisation) {
        return "{\"patents\":[\"" + patent + "\"],\"intendedUse\":\"Research on heat pumps.\",\"countries\":[\"DE\"],"
                + "\"organisationName\":\"" + organisation + "\",\"country\":\"DE\",\"contactEmail\":"
                + "\"licensing@page-test.example\"}";
    }

    private String page(Http http) throws Exception {
        Http.Response page = http.poll(PAGE, operator(), r -> r.status() == 200, Duration.ofSeconds(30));
        assertEquals(page.body(), 200, page.status());
        return page.body();
    }

    private static String token(String page) {
        Matcher token = Pattern.compile("name='csrf' value='([0-9a-f]+)'").matcher(page);
        assertTrue(page, token.find());
        return token.group(1);
    }

    private static String form(String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    /** A pooled patent and a non-member's request for it, referred to the secretariat; returns the request's id. */
    private String referredRequest(Http http, String patent, String organisation, String licensorEmail)
            throws Exception {
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String licensor = memberAdmin(identity, identity.createTenant("Licensor of " + patent), licensorEmail);
        assertEquals(201, http.post("/api/patentpool/patents", licensor, JSON_TYPE,
                PatentPoolIT.patent(patent, "Heat pump for the licensing page")).status());
        Http.Response referred = http.post(REQUESTS, null, JSON_TYPE, nonMemberRequest(patent, organisation));
        assertEquals(referred.body(), 201, referred.status());
        assertEquals("under-review", json(referred).get("state").asText());
        return json(referred).get("id").asText();
    }

    @Test
    public void pageHasItsSectionsAndServesItsOwnScripts() throws Exception {
        Http http = http();
        String page = page(http);
        for (String part : new String[] {"Requests awaiting review", "<h2>Licences</h2>", "Defensive termination",
                "Licences granted per month", "Active licences by climate tag", "id='lc-assertion'",
                "<script src='" + PAGE + "/res/uPlot.iife.min.js'></script>",
                "<script src='" + PAGE + "/res/licensing.js'></script>", PAGE + "/res/licensing.css"}) {
            assertTrue(part + " in " + page, page.contains(part));
        }
        String own = page.substring(page.indexOf("<div id='licensing'"), page.indexOf("<script src='" + PAGE));
        assertFalse("no inline script", own.contains("<script"));
        assertFalse("no inline style", own.contains("style="));

        Http.Response script = http.get(PAGE + "/res/licensing.js", operator());
        assertEquals(200, script.status());
        assertTrue(script.body().contains("chart.json"));
        assertEquals("uPlot is inlined into the bundle", 200, http.get(PAGE + "/res/uPlot.iife.min.js", operator())
                .status());
        assertEquals(200, http.get(PAGE + "/res/uPlot.min.css", operator()).status());
        assertEquals(404, http.get(PAGE + "/res/LicensingPage.class", operator()).status());
        assertEquals(401, http.get(PAGE + "/chart.json").status());
    }

    @Test
    public void aReferredRequestIsShownEscapedAndGrantedThroughThePageWithItsToken() throws Exception {
        Http http = http();
        String name = "<script>alert(1)</script> Page Test Lab";
        String id = referredRequest(http, "CN190000101B", name, "admin@lic-page-a.example");

        String page = page(http);
        assertTrue(page, page.contains("data-request='" + id + "'"));
        assertTrue("the policy's reason", page.contains("not a member: the secretariat reviews requests from "
                + "non-members") && page.contains("members-in-good-standing"));
        assertFalse("markup is never rendered", page.contains("<script>alert(1)"));
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Page Test Lab"));
        String token = token(page);

        assertEquals("no token", 403, http.consolePost(PAGE, operator(), form("action", "grant", "id", id)).status());
        assertEquals("a forged token", 403, http.consolePost(PAGE, operator(), form("action", "grant", "id", id,
                "csrf", "00ff")).status());
        assertEquals("another site, even with the token", 403, http.post(PAGE, operator(),
                "application/x-www-form-urlencoded", form("action", "grant", "id", id, "csrf", token)).status());
        assertEquals("not logged in", 401, http.consolePost(PAGE, null, form("action", "grant", "id", id, "csrf",
                token)).status());
        assertEquals("refused posts changed nothing", "under-review",
                json(http.get(REQUESTS + "/" + id, operator())).get("state").asText());

        Http.Response granted = http.consolePost(PAGE, operator(), form("action", "grant", "id", id, "csrf", token));
        assertEquals(granted.body(), 200, granted.status());
        assertTrue(granted.body(), granted.body().contains("id='lc-notice'") && granted.body().contains("Granted to"));
        JsonNode request = json(http.get(REQUESTS + "/" + id, operator()));
        assertEquals("granted", request.get("state").asText());
        String licence = request.get("licenceId").asText();
        assertTrue("in the licences table", granted.body().contains("data-licence='" + licence + "'"));
        assertTrue(granted.body().contains(LICENCES + "/" + licence + "/verify"));
        assertFalse("no longer awaiting review", granted.body().contains("data-request='" + id + "'"));
        assertFalse(granted.body().contains("<script>alert(1)"));

        Http.Response again = http.consolePost(PAGE, operator(), form("action", "grant", "id", id, "csrf", token));
        assertEquals(200, again.status());
        assertTrue(again.body(), again.body().contains("ui-state-error") && again.body().contains("already granted"));
        assertFalse("a message, not a trace", again.body().contains("Exception"));

        JsonNode chart = json(http.get(PAGE + "/chart.json", operator()));
        JsonNode months = chart.get("grantedPerMonth");
        assertEquals(chart.toString(), 24, months.size());
        JsonNode thisMonth = months.get(23);
        assertEquals(YearMonth.now(ZoneOffset.UTC).toString(), thisMonth.get("label").asText());
        assertTrue(chart.toString(), thisMonth.get("count").asLong() >= 1);
        assertTrue(chart.toString(), chart.get("activeLicences").asLong() >= 1);
        assertTrue(chart.toString(), chart.get("byClimateTag").toString().contains("\"label\":\"Y02E\""));
    }

    @Test
    public void refusalNeedsAReasonAndDefensiveTerminationIsConfirmedSeparately() throws Exception {
        Http http = http();
        String refused = referredRequest(http, "CN190000102B", "Page Refusal Institute", "admin@lic-page-b.example");
        String granted = referredRequest(http, "CN190000103B", "Page Assertion Institute", "admin@lic-page-c.example");
        String token = token(page(http));

        Http.Response noReason = http.consolePost(PAGE, operator(), form("action", "refuse", "id", refused, "csrf",
                token));
        assertTrue(noReason.body(), noReason.body().contains("ui-state-error") && noReason.body().contains("reason:"));
        Http.Response refusal = http.consolePost(PAGE, operator(), form("action", "refuse", "id", refused, "reason",
                "Outside the pool's climate purpose.", "csrf", token));
        assertTrue(refusal.body(), refusal.body().contains("Refused the request of Page Refusal Institute"));
        assertEquals("refused", json(http.get(REQUESTS + "/" + refused, operator())).get("state").asText());

        assertEquals(200, http.consolePost(PAGE, operator(), form("action", "grant", "id", granted, "csrf", token))
                .status());
        String licence = json(http.get(REQUESTS + "/" + granted, operator())).get("licenceId").asText();
        Http.Response recorded = http.consolePost(PAGE, operator(), form("action", "record", "licenseeName",
                "Page Assertion Institute", "against", "CN190000103B", "evidenceLink", "https://court.example/9",
                "csrf", token));
        assertTrue(recorded.body(), recorded.body().contains("id='lc-confirm'")
                && recorded.body().contains("<li data-licence='" + licence + "'"));
        assertEquals("recording ends nothing", "active", json(http.get(LICENCES + "/" + licence, operator()))
                .get("state").asText());
        Matcher assertion = Pattern.compile("name='action' value='confirm'><input type='hidden' name='id' "
                + "value='([0-9a-f-]+)'").matcher(recorded.body());
        assertTrue(recorded.body(), assertion.find());

        Http.Response confirmed = http.consolePost(PAGE, operator(), form("action", "confirm", "id",
                assertion.group(1), "csrf", token));
        assertTrue(confirmed.body(), confirmed.body().contains("Confirmed: 1 licence(s)"));
        assertEquals("terminated", json(http.get(LICENCES + "/" + licence, operator())).get("state").asText());
    }
}
