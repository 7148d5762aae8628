package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.audit.AuditRecord;
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
 * The console's Devices page: its sections and served scripts on a fresh server with no device, operators only; a
 * member's device, registered and fed over REST, in the table with its state and in the chart data; token rotation
 * through the page's form (which needs its CSRF token and the console's origin), the old token refused at once and the
 * new one shown once; bad chart parameters a message, typed markup escaped.
 * <p>
 * The methods run in name order: the first sees the server before any member has a device.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DevicesPageIT extends PlatformTestSupport {

    private static final String PAGE = "/system/console/devices";
    private static final String DEVICES = "/api/telemetry/devices";
    private static final String INGEST = "/api/telemetry/ingest";
    private static final String SENML = "application/senml+json";
    private static final String[] SECTIONS = {"<h2>Members' devices</h2>", "<h2>Readings</h2>"};

    @Inject
    private IdentityService identity;

    @Inject
    private AuditLog audit;

    private String page(Http http, String query) throws Exception {
        Http.Response page = http.poll(PAGE + query, operator(), r -> r.status() == 200, Duration.ofSeconds(30));
        assertEquals(page.body(), 200, page.status());
        assertFalse("a message, not a trace: " + page.body(), page.body().contains("Exception"));
        assertFalse("no section failed: " + page.body(), page.body().contains("could not be shown"));
        for (String part : SECTIONS) {
            assertTrue(part + " in " + page.body(), page.body().contains(part));
        }
        return page.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String form(String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(i == 0 ? "" : "&").append(pairs[i]).append('=').append(encode(pairs[i + 1]));
        }
        return form.toString();
    }

    private static String csrf(String page) {
        Matcher token = Pattern.compile("name='csrf' value='([0-9a-f]+)'").matcher(page);
        assertTrue(page, token.find());
        return token.group(1);
    }

    /** @return the table row of {@code device}, up to its end */
    private static String row(String page, String device) {
        int at = page.indexOf("<tr data-device='" + device + "'>");
        assertTrue(device + " in the table: " + page, at >= 0);
        return page.substring(at, page.indexOf("</tr>", at));
    }

    @Test
    public void a_aFreshServerShowsTheEmptyPageOnlyToOperators() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String page = page(http, "");
        for (String part : new String[] {"id='tm-devices-none'", "id='tm-chart-form'", "id='tm-chart-none'",
                "<script src='" + PAGE + "/res/uPlot.iife.min.js'></script>",
                "<script src='" + PAGE + "/res/devices.js'></script>", PAGE + "/res/devices.css",
                PAGE + "/res/uPlot.min.css"}) {
            assertTrue(part + " in " + page, page.contains(part));
        }
        assertFalse("no device, no chart", page.contains("id='tm-chart'"));
        String own = page.substring(page.indexOf("<div id='devices'"), page.indexOf("<script src='" + PAGE));
        assertFalse("no inline script", own.contains("<script"));
        assertFalse("no inline style", own.contains("style="));

        Http.Response script = http.get(PAGE + "/res/devices.js", operator());
        assertEquals(200, script.status());
        assertTrue(script.body().contains("chart.json"));
        assertEquals("uPlot is inlined into the bundle", 200, http.get(PAGE + "/res/uPlot.iife.min.js", operator())
                .status());
        assertEquals(200, http.get(PAGE + "/res/uPlot.min.css", operator()).status());
        assertEquals(200, http.get(PAGE + "/res/devices.css", operator()).status());
        assertEquals(404, http.get(PAGE + "/res/DevicesPage.class", operator()).status());

        Http.Response noDevice = http.get(PAGE + "/chart.json", operator());
        assertEquals(noDevice.body(), 400, noDevice.status());
        assertTrue(noDevice.contentType(), noDevice.contentType().startsWith("application/json"));
        Http.Response unknown = http.get(PAGE + "/chart.json?device=d-nosuchdevice", operator());
        assertEquals(unknown.body(), 400, unknown.status());
        assertTrue(unknown.body(), unknown.body().contains("no device d-nosuchdevice"));
        String unknownPage = page(http, "?device=d-nosuchdevice");
        assertTrue("an unknown device is a message, not an error page: " + unknownPage,
                unknownPage.contains("id='tm-chart-message'") && unknownPage.contains("no device d-nosuchdevice"));

        // Anonymous, and a member's own login: refused (the console logs in alliance-admins only).
        assertEquals(401, http.get(PAGE).status());
        assertEquals(401, http.get(PAGE + "/chart.json").status());
        String member = memberAdmin(identity, identity.createTenant("Devices page outsider"),
                "admin@tm-page-outsider.example");
        for (String path : new String[] {PAGE, PAGE + "/chart.json?device=d-x"}) {
            Http.Response refused = http.get(path, member);
            assertTrue(path + " for a member: " + refused.status(), refused.status() == 401
                    || refused.status() == 403);
            assertFalse(refused.body().contains("Members' devices"));
        }
    }

    @Test
    public void b_aMembersDeviceIsListedChartedAndItsTokenRotatedFromThePage() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        Tenant tenant = identity.createTenant("Devices Page Member");
        String admin = memberAdmin(identity, tenant, "admin@tm-page.example");
        Http.Response createdResponse = http.post(DEVICES, admin, "application/json", "{\"name\":\"Main meter\","
                + "\"type\":\"electricity-meter\",\"metrics\":{\"energy\":\"kWh\",\"power\":\"W\"}}");
        assertEquals(createdResponse.body(), 201, createdResponse.status());
        JsonNode created = json(createdResponse);
        String id = created.get("device").get("id").asText();
        String oldToken = created.get("token").asText();
        assertTrue(oldToken.startsWith("dev_"));

        String before = page(http, "");
        assertTrue(row(before, id), row(before, id).contains("never-seen"));

        // Three readings two hours ago: inside the default range of the last 7 days.
        long base = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
        String pack = "[{\"bn\":\"x:\",\"bt\":" + base + ",\"n\":\"energy\",\"u\":\"kWh\",\"v\":1},"
                + "{\"n\":\"energy\",\"u\":\"kWh\",\"t\":60,\"v\":2.5},{\"n\":\"energy\",\"u\":\"kWh\",\"t\":120,\"v\":4}]";
        Http.Response stored = http.post(INGEST, "Bearer " + oldToken, SENML, pack);
        assertEquals(stored.body(), 200, stored.status());
        assertEquals(3, json(stored).get("stored").asInt());

        String page = page(http, "");
        String row = row(page, id);
        for (String part : new String[] {"Devices Page Member", "Main meter", "<code>" + id + "</code>",
                "electricity-meter", ">active</td>", "energy (kWh)", "power (W)", "value='rotate'"}) {
            assertTrue(part + " in " + row, row.contains(part));
        }
        assertTrue(page, page.contains("<option value='" + id + "'>Devices Page Member: Main meter</option>"));

        // The chart, by default the device's first metric (energy) over the last 7 days: raw, three points.
        JsonNode chart = json(http.get(PAGE + "/chart.json?device=" + encode(id), operator()));
        assertEquals(chart.toString(), "energy", chart.get("metric").asText());
        assertEquals("kWh", chart.get("unit").asText());
        assertEquals("raw", chart.get("resolution").asText());
        assertEquals("Devices Page Member", chart.get("member").asText());
        JsonNode points = chart.get("points");
        assertEquals(chart.toString(), 3, points.size());
        assertEquals(Instant.ofEpochSecond(base).toString(), points.get(0).get("t").asText());
        assertEquals(1, points.get(0).get("value").asDouble(), 1e-9);
        assertEquals(2.5, points.get(1).get("value").asDouble(), 1e-9);
        assertEquals(4, points.get(2).get("value").asDouble(), 1e-9);
        assertTrue("7 days", Duration.between(Instant.parse(chart.get("from").asText()),
                Instant.parse(chart.get("to").asText())).equals(Duration.ofDays(7)));

        // An explicit range that holds the second reading only; a metric without readings; a bad metric.
        String range = "&from=" + encode(Instant.ofEpochSecond(base + 30).toString()) + "&to="
                + encode(Instant.ofEpochSecond(base + 90).toString());
        JsonNode one = json(http.get(PAGE + "/chart.json?device=" + encode(id) + "&metric=energy" + range,
                operator()));
        assertEquals(one.toString(), 1, one.get("points").size());
        assertEquals(2.5, one.get("points").get(0).get("value").asDouble(), 1e-9);
        assertEquals(0, json(http.get(PAGE + "/chart.json?device=" + encode(id) + "&metric=power", operator()))
                .get("points").size());
        Http.Response badMetric = http.get(PAGE + "/chart.json?device=" + encode(id) + "&metric=voltage", operator());
        assertEquals(badMetric.body(), 400, badMetric.status());
        assertTrue(badMetric.body(), badMetric.body().contains("metric: one of energy, power"));

        // The page with the device chosen: the chart's place, its parameters, the resolution.
        String charted = page(http, "?device=" + encode(id));
        assertTrue(charted, charted.contains("data-device='" + id + "'") && charted.contains("data-metric='energy'")
                && charted.contains("id='tm-chart'"));
        assertTrue(charted, charted.contains("<option value='" + id + "' selected>"));
        assertTrue(charted, charted.contains("<option value='energy' selected>"));
        assertTrue(charted, charted.contains("id='tm-resolution'>Resolution: <strong>raw</strong>; 3 readings"));
        String rangePage = page(http, "?device=" + encode(id) + "&metric=energy" + range);
        assertTrue(rangePage, rangePage.contains("<strong>raw</strong>; 1 reading, 1 point"));

        // Bad parameters: a message, the chart not drawn.
        String badFrom = page(http, "?device=" + encode(id) + "&from=yesterday");
        assertTrue(badFrom, badFrom.contains("id='tm-chart-message'") && badFrom.contains("from: a time such as"));
        assertFalse(badFrom.contains("id='tm-chart'"));
        assertFalse("no chart parameters for the script", badFrom.contains("data-metric="));
        String reversed = page(http, "?device=" + encode(id) + "&from=2026-02-01&to=2026-01-01");
        assertTrue(reversed, reversed.contains("id='tm-chart-message'") && reversed.contains("from: before to"));
        String wrongMetric = page(http, "?device=" + encode(id) + "&metric=voltage");
        assertTrue(wrongMetric, wrongMetric.contains("metric: one of energy, power"));

        // Rotation needs the page's token, the console's origin and an operator; refused posts change nothing.
        String csrf = csrf(page);
        String rotate = form("action", "rotate", "id", id, "csrf", csrf);
        assertEquals("no token", 403, http.consolePost(PAGE, operator(), form("action", "rotate", "id", id))
                .status());
        assertEquals("a forged token", 403, http.consolePost(PAGE, operator(), form("action", "rotate", "id", id,
                "csrf", "00ff")).status());
        assertEquals("another site, even with the token", 403, http.post(PAGE, operator(),
                "application/x-www-form-urlencoded", rotate).status());
        assertEquals("not logged in", 401, http.consolePost(PAGE, null, rotate).status());
        int byMember = http.consolePost(PAGE, admin, rotate).status();
        assertTrue("a member: " + byMember, byMember == 401 || byMember == 403);
        String reading = "[{\"n\":\"energy\",\"u\":\"kWh\",\"v\":5}]";
        assertEquals("refused posts left the token", 200, http.post(INGEST, "Bearer " + oldToken, SENML, reading)
                .status());

        Http.Response rotated = http.consolePost(PAGE, operator(), rotate);
        assertEquals(rotated.body(), 200, rotated.status());
        assertTrue(rotated.body(), rotated.body().contains("id='tm-notice'")
                && rotated.body().contains("Rotated the token of Main meter"));
        Matcher shown = Pattern.compile("<code id='tm-new-token'>(dev_[A-Za-z0-9_-]+)</code>").matcher(rotated.body());
        assertTrue(rotated.body(), shown.find());
        String newToken = shown.group(1);
        assertFalse(newToken.equals(oldToken));
        assertEquals("the old token is refused at once", 401, http.post(INGEST, "Bearer " + oldToken, SENML, reading)
                .status());
        assertEquals("the new token works", 200, http.post(INGEST, "Bearer " + newToken, SENML, reading).status());
        String after = page(http, "");
        assertFalse("the token is shown once", after.contains(newToken));
        assertTrue(row(after, id), row(after, id).contains(">active</td>"));
        AuditRecord entry = audit.recent(200).stream().filter(r -> r.action().equals("telemetry.token-rotated")
                && id.equals(r.target())).findFirst().orElseThrow();
        assertEquals("the audit log names the operator", "admin", entry.actor());
        assertEquals(tenant.id(), entry.tenantId());

        Http.Response unknown = http.consolePost(PAGE, operator(), form("action", "rotate", "id", "d-nosuchdevice",
                "csrf", csrf));
        assertEquals(200, unknown.status());
        assertTrue(unknown.body(), unknown.body().contains("ui-state-error") && unknown.body().contains(
                "no device d-nosuchdevice"));
    }

    @Test
    public void c_markupInParametersComesBackEscaped() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String injected = page(http, "?device=" + encode("<script>alert(1)</script>") + "&from="
                + encode("'><script>alert(2)</script>") + "&metric=" + encode("\"><img src=x onerror=alert(3)>"));
        assertFalse("markup is never rendered: " + injected, injected.contains("<script>alert("));
        assertFalse(injected, injected.contains("<img src=x"));
        assertTrue(injected, injected.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(injected, injected.contains("id='tm-chart-message'"));
        Http.Response chart = http.get(PAGE + "/chart.json?device=" + encode("<script>alert(1)</script>"),
                operator());
        assertEquals(400, chart.status());
        assertTrue(chart.contentType(), chart.contentType().startsWith("application/json"));
    }
}
