package org.carbonalliance.itest;

import static org.carbonalliance.itest.EmissionsIT.E;
import static org.carbonalliance.itest.EmissionsIT.activity;
import static org.carbonalliance.itest.EmissionsIT.assertTonnes;
import static org.carbonalliance.itest.EmissionsIT.awaitFactors;
import static org.carbonalliance.itest.EmissionsIT.post;
import static org.carbonalliance.itest.EmissionsIT.postJson;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.inject.Inject;
import org.carbonalliance.platform.api.security.IdentityService;
import org.carbonalliance.platform.api.security.Tenant;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The console's Emissions page: its sections and served scripts on a fresh server with no data, operators only, the
 * factor library's search on the page (bad input a message, typed markup escaped), a submitted report in the awaiting
 * table, and the chart data of a member without a target and of one with an absolute target.
 * <p>
 * The methods run in name order: the first sees the server before any member has data.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class EmissionsPageIT extends PlatformTestSupport {

    private static final String PAGE = "/system/console/emissions";
    private static final String[] SECTIONS = {"<h2>Reports awaiting verification</h2>", "<h2>Factor library</h2>",
        "<h2>Member emissions</h2>", "<h2>Alliance roll-up</h2>"};

    @Inject
    private IdentityService identity;

    private String page(Http http, String query) throws Exception {
        Http.Response page = http.poll(PAGE + query, operator(), r -> r.status() == 200, Duration.ofSeconds(30));
        assertEquals(page.body(), 200, page.status());
        assertFalse("a message, not a trace: " + page.body(), page.body().contains("Exception"));
        assertFalse("no section failed: " + page.body(), page.body().contains("could not be shown"));
        return page.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A member with a facility in China and a period of {@code year} with 1,000 MWh of electricity, calculated. */
    private String calculatedReport(Http http, String admin, int year) throws Exception {
        assertEquals(200, http.request("PUT", E + "/profile", admin, "{\"boundary\":\"operational-control\","
                + "\"country\":\"CN\",\"sector\":\"technology\",\"disclose\":false}").status());
        String plant = postJson(http, E + "/facilities", admin, "{\"name\":\"Page test plant\",\"country\":\"CN\"}",
                201).get("id").asText();
        String period = postJson(http, E + "/periods", admin, "{\"year\":" + year + "}", 201).get("id").asText();
        post(http, E + "/periods/" + period + "/activities", admin, activity(plant, 2, null, "electricity", null,
                "1000", "MWh", String.valueOf(year)), 201);
        String report = postJson(http, E + "/reports", admin, "{\"periodId\":\"" + period + "\"}", 201).get("id")
                .asText();
        postJson(http, E + "/reports/" + report + "/calculate", admin, "{}", 200);
        return report;
    }

    @Test
    public void a_freshServerShowsEverySectionEmptyAndOnlyToOperators() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String page = page(http, "");
        for (String part : SECTIONS) {
            assertTrue(part + " in " + page, page.contains(part));
        }
        for (String part : new String[] {"id='em-awaiting-none'", "id='em-members-none'", "id='em-rollup-none'",
                "id='em-factor-search'", "id='em-chart-rollup'", "id='em-factors-none'",
                "<script src='" + PAGE + "/res/uPlot.iife.min.js'></script>",
                "<script src='" + PAGE + "/res/emissions.js'></script>", PAGE + "/res/emissions.css"}) {
            assertTrue(part + " in " + page, page.contains(part));
        }
        String own = page.substring(page.indexOf("<div id='emissions'"), page.indexOf("<script src='" + PAGE));
        assertFalse("no inline script", own.contains("<script"));
        assertFalse("no inline style", own.contains("style="));

        Http.Response script = http.get(PAGE + "/res/emissions.js", operator());
        assertEquals(200, script.status());
        assertTrue(script.body().contains("chart.json"));
        assertEquals("uPlot is inlined into the bundle", 200, http.get(PAGE + "/res/uPlot.iife.min.js", operator())
                .status());
        assertEquals(200, http.get(PAGE + "/res/uPlot.min.css", operator()).status());
        assertEquals(200, http.get(PAGE + "/res/emissions.css", operator()).status());
        assertEquals(404, http.get(PAGE + "/res/EmissionsPage.class", operator()).status());

        Http.Response chart = http.get(PAGE + "/chart.json", operator());
        assertEquals(chart.body(), 200, chart.status());
        assertTrue(chart.contentType(), chart.contentType().startsWith("application/json"));
        JsonNode empty = json(chart);
        assertEquals(empty.toString(), 0, empty.get("rollup").size());
        assertTrue(empty.toString(), empty.get("member").isNull());
        JsonNode nobody = json(http.get(PAGE + "/chart.json?member=" + encode("no such member"), operator()));
        assertEquals(nobody.toString(), 0, nobody.get("member").get("years").size());
        assertTrue(nobody.toString(), nobody.get("member").get("target").isNull());
        assertTrue("an unknown member is a note, not an error", page(http, "?member=" + encode("no such member"))
                .contains("id='em-member-empty'"));

        // Anonymous, and a member's own login: refused (the console logs in alliance-admins only).
        assertEquals(401, http.get(PAGE).status());
        assertEquals(401, http.get(PAGE + "/chart.json").status());
        String member = memberAdmin(identity, identity.createTenant("Emissions page outsider"),
                "admin@em-page-outsider.example");
        for (String path : new String[] {PAGE, PAGE + "/chart.json", PAGE + "?activityType=electricity"}) {
            Http.Response refused = http.get(path, member);
            assertTrue(path + " for a member: " + refused.status(), refused.status() == 401
                    || refused.status() == 403);
            assertFalse(refused.body().contains("Reports awaiting verification"));
        }
    }

    @Test
    public void b_theFactorSearchFindsEscapesAndExplains() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        awaitFactors(http);

        String found = page(http, "?activityType=electricity&region=CN&year=2022");
        assertTrue(found, found.contains("id='em-factors'") && found.contains("cn-grid-national-2022"));
        assertTrue(found, found.contains("id='em-factor-total'"));
        assertTrue("the form keeps the criteria", found.contains("name='region' maxlength='200' value='CN'"));

        String badYear = page(http, "?activityType=electricity&year=twenty");
        assertTrue(badYear, badYear.contains("id='em-factor-message'") && badYear.contains("year:"));
        assertFalse(badYear.contains("id='em-factors'"));
        assertTrue(page(http, "?year=1800").contains("id='em-factor-message'"));

        String injected = page(http, "?q=" + encode("<script>alert(1)</script>") + "&member="
                + encode("'><script>alert(2)</script>"));
        assertFalse("markup is never rendered", injected.contains("<script>alert("));
        assertTrue(injected, injected.contains("&lt;script"));
        assertTrue(injected, injected.contains("id='em-factor-total'>0 factors"));
        for (String part : SECTIONS) {
            assertTrue(part, injected.contains(part));
        }
    }

    @Test
    public void c_aSubmittedReportAwaitsAndMembersChartsShowTotalsAndTargetLine() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        awaitFactors(http);
        Tenant submitting = identity.createTenant("Emissions Page Submitter");
        String adminA = memberAdmin(identity, submitting, "admin@em-page-a.example");
        String submitted = calculatedReport(http, adminA, 2022);
        assertEquals("submitted", postJson(http, E + "/reports/" + submitted + "/submit", adminA, "", 200)
                .get("state").asText());
        Tenant targeted = identity.createTenant("Emissions Page Target Setter");
        String adminB = memberAdmin(identity, targeted, "admin@em-page-b.example");
        String draft = calculatedReport(http, adminB, 2022);
        post(http, E + "/targets", adminB, "{\"name\":\"Halve grid power\",\"scopes\":[\"scope2\"],"
                + "\"scope2Basis\":\"location\",\"kind\":\"absolute\",\"baseYear\":2022,\"targetYear\":2025,"
                + "\"reductionPercent\":30}", 201);

        String page = page(http, "");
        assertTrue(page, page.contains("<tr data-report='" + submitted + "'>"));
        String row = page.substring(page.indexOf("<tr data-report='" + submitted + "'>"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row, row.contains("Emissions Page Submitter") && row.contains("<td>2022</td>")
                && row.contains("<td>submitted</td>") && row.contains("536.600"));
        assertFalse("a draft does not await verification", page.contains("data-report='" + draft + "'"));
        assertTrue("both members in the selector", page.contains("<option value='" + submitting.id() + "'")
                && page.contains("<option value='" + targeted.id() + "'"));

        // A member without a target: its year, no line.
        String pageA = page(http, "?member=" + encode(submitting.id()));
        assertTrue(pageA, pageA.contains("data-member='" + submitting.id() + "'")
                && pageA.contains("id='em-chart-member'") && pageA.contains("No target set."));
        assertTrue(pageA, pageA.contains("<option value='" + submitting.id() + "' selected>"));
        JsonNode seriesA = json(http.get(PAGE + "/chart.json?member=" + encode(submitting.id()), operator()))
                .get("member");
        assertEquals(seriesA.toString(), "Emissions Page Submitter", seriesA.get("name").asText());
        assertEquals(seriesA.toString(), 1, seriesA.get("years").size());
        JsonNode yearA = seriesA.get("years").get(0);
        assertEquals(2022, yearA.get("year").asInt());
        assertTonnes("scope 2 location-based", "536.6", yearA.get("scope2Location"));
        assertTrue(seriesA.toString(), yearA.get("target").isNull() && seriesA.get("target").isNull());

        // A member with an absolute target: 30 % from 2022 to 2025, a straight line from the base-year value.
        String pageB = page(http, "?member=" + encode(targeted.id()));
        assertTrue(pageB, pageB.contains("Halve grid power") && pageB.contains("id='em-chart-member'"));
        JsonNode seriesB = json(http.get(PAGE + "/chart.json?member=" + encode(targeted.id()), operator()))
                .get("member");
        assertTrue(seriesB.toString(), seriesB.get("target").get("drawn").asBoolean());
        JsonNode years = seriesB.get("years");
        assertEquals(seriesB.toString(), 4, years.size());
        assertEquals(2022, years.get(0).get("year").asInt());
        assertEquals(2025, years.get(3).get("year").asInt());
        assertTonnes("base year", "536.6", years.get(0).get("target"));
        assertTonnes("a third of the way", "482.94", years.get(1).get("target"));
        assertTonnes("the target", "375.62", years.get(3).get("target"));
        assertTrue("no report for 2023", years.get(1).get("scope1").isNull());

        // The roll-up counts published reports only: nothing yet, and the chart still answers.
        JsonNode chart = json(http.get(PAGE + "/chart.json", operator()));
        assertTrue(chart.toString(), chart.get("rollup").isArray());
        assertTrue(page, page.contains("id='em-rollup-none'") && page.contains("not netted"));
    }
}
