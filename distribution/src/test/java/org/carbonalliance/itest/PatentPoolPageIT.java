package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.carbonalliance.platform.api.security.IdentityService;
import org.carbonalliance.platform.api.security.Tenant;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The console's Patent pool page: its sections and served scripts, the chart data, search messages for bad
 * parameters, and uploads that need the page's CSRF token and the console's own origin.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PatentPoolPageIT extends PlatformTestSupport {

    private static final String PAGE = "/system/console/patentpool";

    @Inject
    private IdentityService identity;

    private RawHttp raw() {
        return new RawHttp(Integer.parseInt(context.getProperty("org.osgi.service.http.port")));
    }

    private String self() {
        return "Origin: http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port");
    }

    private String page(Http http, String query) throws Exception {
        Http.Response page = http.poll(PAGE + query, operator(), r -> r.status() == 200, Duration.ofSeconds(30));
        assertEquals(page.body(), 200, page.status());
        return page.body();
    }

    @Test
    public void pageHasItsSectionsAndServesItsOwnScripts() throws Exception {
        Http http = http();
        String page = page(http, "");
        for (String part : new String[] {"Search the pool", "Expiring within 12 months", "<h2>Imports</h2>",
                "Pooled patents by climate tag", "Pooled patents by member", "id='pp-upload'", "id='pp-results'",
                "every row must name its member", "<script src='" + PAGE + "/res/uPlot.iife.min.js'></script>",
                "<script src='" + PAGE + "/res/patentpool.js'></script>", PAGE + "/res/patentpool.css"}) {
            assertTrue(part + " in " + page, page.contains(part));
        }
        String own = page.substring(page.indexOf("<div id='patentpool'"), page.indexOf("<script src='" + PAGE));
        assertFalse("no inline script", own.contains("<script"));
        assertFalse("no inline style", own.contains("style="));

        Http.Response script = http.get(PAGE + "/res/patentpool.js", operator());
        assertEquals(200, script.status());
        assertTrue(script.contentType(), script.contentType().startsWith("text/javascript"));
        assertTrue(script.body().contains("imports.json"));
        Http.Response uplot = http.get(PAGE + "/res/uPlot.iife.min.js", operator());
        assertEquals("uPlot is inlined into the bundle", 200, uplot.status());
        assertTrue(uplot.body().contains("uPlot"));
        assertEquals(200, http.get(PAGE + "/res/uPlot.min.css", operator()).status());
        assertEquals(404, http.get(PAGE + "/res/PatentPoolPage.class", operator()).status());
        assertEquals(401, http.get(PAGE + "/chart.json").status());
    }

    @Test
    public void chartCountsPooledPatentsByClimateTagAndMember() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        Tenant tenant = identity.createTenant("Chart member (page test)");
        String admin = memberAdmin(identity, tenant, "admin@page-chart.example");
        Http.Response created = http.post("/api/patentpool/patents", admin, "application/json",
                PatentPoolIT.patent("CN113000001B", "Battery storage for the page chart"));
        assertEquals(created.body(), 201, created.status());

        Http.Response chart = http.poll(PAGE + "/chart.json", operator(), r -> r.body().contains(tenant.id()),
                Duration.ofSeconds(10));
        assertTrue(chart.contentType(), chart.contentType().startsWith("application/json"));
        JsonNode counts = json(chart);
        assertTrue(counts.toString(), counts.get("total").asLong() >= 1);
        assertTrue(counts.toString(), counts.get("climateTag").toString().contains("\"value\":\"Y02E\""));
        assertTrue(counts.toString(), counts.get("member").toString()
                .contains("{\"value\":\"" + tenant.id() + "\",\"label\":\"" + tenant.name() + "\",\"count\":1}"));

        String found = page(http, "?q=battery&member=" + URLEncoder.encode(tenant.id(), StandardCharsets.UTF_8));
        assertTrue(found, found.contains("CN113000001B") && found.contains("<mark>"));
    }

    @Test
    public void badSearchParametersShowAMessageNotATrace() throws Exception {
        Http http = http();
        String page = page(http, "?q=" + URLEncoder.encode("<img src=x>", StandardCharsets.UTF_8)
                + "&climateTag=Y99X");
        assertTrue(page, page.contains("id='pp-search-message'") && page.contains("climateTag: unknown tag"));
        assertFalse("the words are escaped", page.contains("<img src=x>"));
        assertFalse(page.contains("Exception"));
        String dates = page(http, "?filedFrom=2021-01-01&filedTo=2020-01-01");
        assertTrue(dates, dates.contains("filedFrom: 2021-01-01 is after filedTo 2020-01-01"));
        String notADate = page(http, "?filedFrom=yesterday&status=alive");
        assertTrue(notADate, notADate.contains("2 parameters are invalid")
                && notADate.contains("not a date such as 2021-03-31") && notADate.contains("is not one of pending"));
    }

    @Test
    public void uploadNeedsTheTokenAndTheConsolesOriginAndShowsInImports() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        Tenant tenant = identity.createTenant("Import member (page test)");
        Matcher token = Pattern.compile("name='csrf' value='([0-9a-f]+)'").matcher(page(http, ""));
        assertTrue(token.find());
        String csv = "\"Jurisdiction\",\"Kind\",\"Display Key\",\"Application Date\",\"Title\",\"Applicants\","
                + "\"CPC Classifications\",\"Member\"\nKR,B1,KR10900001B1,2018-01-01,Heat recovery unit from the page,"
                + "Page Test Co,Y02B 30/00," + tenant.id() + "\n";
        String auth = "Authorization: " + operator();
        String csvType = "Content-Type: text/csv";
        String tokenHeader = "X-CSRF-Token: " + token.group(1);

        assertEquals("no token", 403, raw().send("POST", PAGE + "/import?format=lens-csv&fileName=no-token.csv", csv,
                auth, csvType, self()).status());
        assertEquals("a forged token", 403, raw().send("POST", PAGE + "/import?format=lens-csv&fileName=forged.csv",
                csv, auth, csvType, self(), "X-CSRF-Token: 00ff").status());
        assertEquals("another site", 403, raw().send("POST", PAGE + "/import?format=lens-csv&fileName=foreign.csv",
                csv, auth, csvType, tokenHeader, "Origin: http://evil.example").status());
        assertEquals("not logged in", 401, raw().send("POST", PAGE + "/import?format=lens-csv&fileName=anon.csv",
                csv, csvType, tokenHeader, self()).status());
        RawHttp.Response unknown = raw().send("POST", PAGE + "/import?format=word-doc&fileName=word.csv", csv, auth,
                csvType, tokenHeader, self());
        assertEquals(unknown.body(), 400, unknown.status());

        RawHttp.Response accepted = raw().send("POST", PAGE + "/import?format=lens-csv&fileName=page-import.csv", csv,
                auth, csvType, tokenHeader, self());
        assertEquals(accepted.body(), 202, accepted.status());
        Http.Response jobs = http.poll(PAGE + "/imports.json", operator(), r -> r.body().contains("page-import.csv")
                && r.body().contains("\"state\":\"done\""), Duration.ofSeconds(30));
        JsonNode job = null;
        for (JsonNode j : json(jobs).get("items")) {
            String name = j.get("fileName").asText();
            assertFalse("refused uploads created no job: " + name,
                    name.matches("(no-token|forged|foreign|anon|word)\\.csv"));
            if (name.equals("page-import.csv")) {
                job = j;
            }
        }
        assertTrue(jobs.body(), job != null && job.get("state").asText().equals("done"));
        assertEquals(job.toString(), 1, job.get("imported").asInt());
        assertEquals(200, http.get("/api/patentpool/patents/KR10900001B1").status());
        assertTrue("the page lists the job", page(http, "").contains("page-import.csv"));
    }
}
