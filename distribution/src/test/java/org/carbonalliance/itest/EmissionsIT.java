package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.carbonalliance.emissions.api.EmissionFactor;
import org.carbonalliance.emissions.api.FactorSource;
import org.carbonalliance.platform.api.security.IdentityService;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.security.Tenant;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/**
 * Emissions over HTTP in the real bundles: one member's full cycle (facilities, activities in all three scopes,
 * calculation with published factors, submission, verification, publication, correction as a new version), bad input,
 * a superseded factor still used by an old report, and a verifier limited to what it was granted.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EmissionsIT extends PlatformTestSupport {

    static final String JSON_TYPE = "application/json";
    static final String E = "/api/emissions";

    @Inject
    private IdentityService identity;

    /** Waits until the four shipped factor sources are loaded. */
    static void awaitFactors(Http http) throws Exception {
        http.poll(E + "/factors/sources", null, r -> r.status() == 200 && r.body().split("\"state\":\"active\"",
                -1).length - 1 >= 4, Duration.ofSeconds(60));
    }

    static String post(Http http, String path, String login, String body, int expected) throws Exception {
        Http.Response r = http.post(path, login, JSON_TYPE, body);
        assertEquals("POST " + path + " " + body + ": " + r.body(), expected, r.status());
        return r.body();
    }

    static JsonNode postJson(Http http, String path, String login, String body, int expected) throws Exception {
        return JSON.readTree(post(http, path, login, body, expected));
    }

    static String activity(String facility, int scope, String category, String type, String gas, String quantity,
            String unit, String year) {
        return "{\"facilityId\":\"" + facility + "\",\"scope\":" + scope + (category == null ? ""
                : ",\"category\":\"" + category + "\"") + ",\"activityType\":\"" + type + "\"" + (gas == null ? ""
                        : ",\"gas\":\"" + gas + "\"") + ",\"quantity\":" + quantity + ",\"unit\":\"" + unit
                + "\",\"startsOn\":\"" + year + "-01-01\",\"endsOn\":\"" + year + "-12-31\",\"evidence\":\"invoice "
                + type + "\",\"dataQuality\":\"metered\"}";
    }

    static void assertTonnes(String what, String expected, JsonNode actual) {
        BigDecimal e = new BigDecimal(expected);
        BigDecimal a = actual.decimalValue();
        assertTrue(what + ": expected " + e + " within 0.1 %, was " + a,
                a.subtract(e).abs().compareTo(e.abs().movePointLeft(3)) <= 0);
    }

    @Test
    public void aMembersReportGoesFromActivitiesToAPublishedVerifiedInventoryAndIsCorrectedAsANewVersion()
            throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        awaitFactors(http);
        Tenant member = identity.createTenant("Cycle Member");
        String admin = memberAdmin(identity, member, "admin@cycle.example");
        String ownAuditor = user(identity, member, "auditor@cycle.example", Set.of(Roles.VERIFIER));
        Tenant body = identity.createTenant("Accredited Verifier Ltd");
        String verifier = user(identity, body, "auditor@verifier.example", Set.of(Roles.VERIFIER));

        assertEquals(200, http.request("PUT", E + "/profile", admin, "{\"boundary\":\"operational-control\","
                + "\"country\":\"CN\",\"sector\":\"technology\",\"disclose\":true}").status());
        String plant = postJson(http, E + "/facilities", admin, "{\"name\":\"Shenzhen data centre\","
                + "\"country\":\"CN\"}", 201).get("id").asText();
        String london = postJson(http, E + "/facilities", admin, "{\"name\":\"London office\",\"country\":\"GB\"}",
                201).get("id").asText();
        String period = postJson(http, E + "/periods", admin, "{\"year\":2022}", 201).get("id").asText();
        String activities = E + "/periods/" + period + "/activities";

        // Bad input: a clear 400 naming the problem, and nothing written.
        assertTrue(post(http, activities, admin, activity(plant, 2, null, "electricity", null, "-5", "MWh", "2022"),
                400).contains("quantity"));
        assertTrue(post(http, activities, admin, activity(plant, 2, null, "electricity", null, "\"lots\"", "MWh",
                "2022"), 400).contains("quantity"));
        String wrongUnit = post(http, activities, admin, activity(plant, 2, null, "electricity", null, "5", "l",
                "2022"), 400);
        assertTrue(wrongUnit, wrongUnit.contains("'l'") && wrongUnit.contains("MWh"));
        assertTrue(post(http, activities, admin, activity(plant, 2, null, "electricity", null, "5", "furlong",
                "2022"), 400).contains("'furlong' is not a known unit"));
        assertTrue(post(http, activities, admin, activity(plant, 1, null, "stationary-combustion/unobtainium", null,
                "5", "t", "2022"), 400).contains("no emission factor is available"));
        assertTrue(post(http, E + "/periods", admin, "{\"startsOn\":\"2030-12-31\",\"endsOn\":\"2030-01-01\"}", 400)
                .contains("endsOn"));
        // A 10 MB field: refused from the declared length, before anything is read.
        assertEquals(413, http.postDeclaringLength(activities, admin, 10_000_100).status());
        assertEquals(0, json(http.get(activities, admin)).get("items").size());

        // All three scopes.
        post(http, activities, admin, activity(plant, 1, null, "stationary-combustion/natural-gas", null, "100",
                "TJ", "2022"), 201);
        post(http, activities, admin, activity(plant, 1, null, "refrigerant-loss", "R-410A", "10", "kg", "2022"),
                201);
        String electricity = postJson(http, activities, admin, activity(plant, 2, null, "electricity", null,
                "1000", "MWh", "2022"), 201).get("id").asText();
        post(http, activities, admin, activity(london, 3, "6", "travel/air-long-haul", null, "100000",
                "passenger-km", "2022"), 201);
        String useOfProducts = postJson(http, activities, admin, activity(plant, 3, "11", "direct-emission", "CO2e",
                "1000", "t", "2022"), 201).get("id").asText();
        post(http, E + "/periods/" + period + "/instruments", admin, "{\"facilityId\":\"" + plant + "\",\"year\":2022,"
                + "\"type\":\"certificate\",\"mwh\":400,\"reference\":\"GEC-2022-0001\"}", 201);

        // A CSV with a broken row is refused whole, naming the line; a good one is taken whole.
        String csvHeader = "facility,scope,category,activity_type,gas,quantity,unit,starts_on,ends_on,evidence\n";
        Http.Response broken = http.post(activities + "/import", admin, "text/csv", csvHeader
                + "Shenzhen data centre,1,,stationary-combustion/diesel,,10,TJ,2022-01-01,2022-06-30,fuel log\n"
                + "Shenzhen data centre,1,,stationary-combustion/diesel,,ten,TJ,2022-07-01,2022-12-31,fuel log\n");
        assertEquals(broken.body(), 400, broken.status());
        assertTrue(broken.body(), broken.body().contains("line 3") && broken.body().contains("quantity"));
        assertEquals(5, json(http.get(activities, admin)).get("items").size());
        Http.Response imported = http.post(activities + "/import", admin, "text/csv", csvHeader
                + "Shenzhen data centre,1,,stationary-combustion/diesel,,0.5,TJ,2022-01-01,2022-06-30,fuel log\n"
                + "Shenzhen data centre,1,,stationary-combustion/diesel,,0.5,TJ,2022-07-01,2022-12-31,fuel log\n");
        assertEquals(imported.body(), 201, imported.status());
        assertEquals(7, json(http.get(activities + "?limit=1000", admin)).get("items").size());

        String report = postJson(http, E + "/reports", admin, "{\"periodId\":\"" + period + "\"}", 201).get("id")
                .asText();
        JsonNode calculated = postJson(http, E + "/reports/" + report + "/calculate", admin, "{}", 200);
        assertEquals("AR5", calculated.get("gwpSet").asText());
        JsonNode totals = calculated.get("totals");
        // 1,000 MWh at China's 2022 national grid factor 0.5366 t/MWh.
        assertTonnes("scope 2 location-based", "536.6", totals.get("scope2Location"));
        // 400 MWh covered by a certificate (0), 600 MWh at the 2022 national factor without market-traded
        // non-fossil power, 0.5856 t/MWh: only the market-based figure falls.
        assertTonnes("scope 2 market-based", "351.36", totals.get("scope2Market"));
        // 100 TJ natural gas (IPCC 56,100 kg CO2/TJ, 1 kg CH4, 0.1 kg N2O) + 1 TJ diesel (74,100 / 3 / 0.6)
        // + 10 kg R-410A (GWP 1,923.5).
        assertTonnes("scope 1", String.valueOf(5610 + 2.8 + 2.65 + 74.1 + 0.084 + 0.159 + 19.235),
                totals.get("scope1"));
        JsonNode calculation = json(http.get(E + "/reports/" + report + "/calculation", admin)).get("result");
        assertTonnes("CO2 of fuels and electricity, tonnes of gas", "6220.7", calculation.get("gasTonnes").get("CO2"));
        String lines = calculation.get("lines").toString();
        assertTrue(lines, lines.contains("china-mee-grid:cn-grid-national-2022@1")
                && lines.contains("1000 MWh × 0.5366 t CO2/MWh = 536.6 t CO2"));
        assertTrue(lines, lines.contains("ipcc-2006-stationary:ipcc-stationary-natural-gas-co2@1"));
        assertTrue(lines, lines.contains("the factor describes 2024, not 2022"));
        assertTrue(calculation.get("byIsoCategory").has("3") && calculation.get("byIsoCategory").has("5"));

        // A verifier sees nothing before the grant, then only the granted report.
        assertEquals(404, http.get(E + "/reports/" + report, verifier).status());
        assertEquals(403, http.get(E + "/periods", verifier).status());
        assertEquals(200, postJson(http, E + "/reports/" + report + "/submit", admin, "", 200).get("state").asText()
                .equals("submitted") ? 200 : 500);
        assertEquals(409, http.post(activities, admin, JSON_TYPE, activity(plant, 2, null, "electricity", null,
                "1", "MWh", "2022")).status());
        post(http, E + "/verification/grants", admin, "{\"verifier\":\"auditor@verifier.example\",\"reportId\":\""
                + report + "\"}", 201);
        assertEquals(200, http.get(E + "/reports/" + report, verifier).status());
        assertEquals(200, http.get(E + "/reports/" + report + "/activities?limit=1000", verifier).status());
        // The member's own user with the verifier role is no verifier of its own report, even when granted.
        post(http, E + "/verification/grants", admin, "{\"verifier\":\"auditor@cycle.example\",\"reportId\":\""
                + report + "\"}", 201);
        assertEquals(404, http.post(E + "/reports/" + report + "/verification", ownAuditor, JSON_TYPE, "").status());
        assertEquals(1, json(http.get(E + "/verification/assignments", verifier)).get("items").size());
        postJson(http, E + "/reports/" + report + "/verification", verifier, "", 200);
        post(http, E + "/reports/" + report + "/findings", verifier, "{\"step\":\"data-testing\",\"severity\":"
                + "\"observation\",\"description\":\"Meter readings agree with invoices.\"}", 201);
        JsonNode verified = postJson(http, E + "/reports/" + report + "/opinion", verifier, "{\"assurance\":"
                + "\"reasonable\",\"materialityPercent\":5,\"conclusion\":\"unmodified\",\"statement\":\"Fairly "
                + "stated.\"}", 200);
        assertEquals("verified", verified.get("state").asText());
        assertEquals("reasonable", verified.get("opinion").get("assurance").asText());
        assertEquals("published", postJson(http, E + "/reports/" + report + "/publish", admin, "", 200)
                .get("state").asText());

        // Exports: every line as CSV; a printable page in English and Chinese; for the member and the verifier.
        Http.Response csv = http.get(E + "/exports/" + report + ".csv", admin);
        assertEquals(csv.body(), 200, csv.status());
        assertTrue(csv.body().startsWith("line,scope,category,basis") && csv.body().contains(
                "china-mee-grid:cn-grid-national-2022@1"));
        Http.Response zh = http.get(E + "/exports/" + report + ".html?lang=zh", verifier);
        assertEquals(200, zh.status());
        assertTrue(zh.body().contains("温室气体排放清单") && zh.body().contains("Cycle Member")
                && zh.body().contains("reasonable"));
        assertTrue(http.get(E + "/exports/" + report + ".html", admin).body().contains("Scope 2 (market-based)"));
        assertEquals(400, http.get(E + "/exports/" + report + ".html?lang=fr", admin).status());

        // A second report of the member, not granted: invisible to the verifier.
        String period2021 = postJson(http, E + "/periods", admin, "{\"year\":2021}", 201).get("id").asText();
        String report2021 = postJson(http, E + "/reports", admin, "{\"periodId\":\"" + period2021 + "\"}", 201)
                .get("id").asText();
        assertEquals(404, http.get(E + "/reports/" + report2021, verifier).status());
        assertEquals(404, http.post(E + "/reports/" + report2021 + "/findings", verifier, JSON_TYPE, "{}").status());
        assertEquals(404, http.get(E + "/exports/" + report2021 + ".csv", verifier).status());

        // A correction opens version 2; version 1 stays published with its own data and recalculates the same.
        JsonNode v2 = postJson(http, E + "/reports/" + report + "/corrections", admin,
                "{\"reason\":\"Electricity meter recalibrated\"}", 201);
        assertEquals(2, v2.get("version").asInt());
        assertEquals("draft", v2.get("state").asText());
        Http.Response changed = http.request("PUT", activities + "/" + electricity, admin, activity(plant, 2, null,
                "electricity", null, "1200", "MWh", "2022"));
        assertEquals(changed.body(), 200, changed.status());
        JsonNode v2Totals = postJson(http, E + "/reports/" + v2.get("id").asText() + "/calculate", admin, "{}", 200)
                .get("totals");
        assertTonnes("corrected scope 2", "643.92", v2Totals.get("scope2Location"));
        BigDecimal scope3 = v2Totals.get("scope3").decimalValue();
        assertEquals(204, http.delete(activities + "/" + useOfProducts, admin).status());
        assertTonnes("scope 3 without the removed record", scope3.subtract(new BigDecimal("1000")).toPlainString(),
                postJson(http, E + "/reports/" + v2.get("id").asText() + "/calculate", admin, "{}", 200)
                        .get("totals").get("scope3"));
        JsonNode v1 = json(http.get(E + "/reports/" + report, admin));
        assertEquals("published", v1.get("state").asText());
        assertEquals(v2.get("id").asText(), v1.get("supersededBy").asText());
        assertTonnes("version 1 unchanged", "536.6", v1.get("totals").get("scope2Location"));
        assertTrue(json(http.get(E + "/reports/" + report + "/recalculation", admin)).get("matches").asBoolean());
        assertTrue(http.get(E + "/reports/" + report + "/activities?limit=1000", admin).body().contains(
                "\"quantity\":1000"));
        // Verification and publication apply to the newest version only.
        assertEquals(409, http.post(E + "/reports/" + report + "/publish", admin, JSON_TYPE, "").status());
    }

    @Test
    public void aSupersededFactorStaysWithTheReportThatUsedIt() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        awaitFactors(http);
        ServiceRegistration<FactorSource> first = context.registerService(FactorSource.class, kiln("0.52"), null);
        http.poll(E + "/factors?activityType=process/test-clinker", null, r -> r.body().contains("\"total\":1"),
                Duration.ofSeconds(30));
        String admin = memberAdmin(identity, identity.createTenant("Kiln Member"), "admin@kiln.example");
        String plant = postJson(http, E + "/facilities", admin, "{\"name\":\"Kiln\",\"country\":\"CN\"}", 201)
                .get("id").asText();
        String period = postJson(http, E + "/periods", admin, "{\"year\":2023}", 201).get("id").asText();
        post(http, E + "/periods/" + period + "/activities", admin, activity(plant, 1, null, "process/test-clinker",
                null, "1000", "t", "2023"), 201);
        String report = postJson(http, E + "/reports", admin, "{\"periodId\":\"" + period + "\"}", 201).get("id")
                .asText();
        assertTonnes("old factor", "520", postJson(http, E + "/reports/" + report + "/calculate", admin, "{}", 200)
                .get("totals").get("scope1"));
        post(http, E + "/reports/" + report + "/submit", admin, "", 200);

        // The publisher corrects the figure: version 2 supersedes version 1, which the submitted report keeps.
        first.unregister();
        ServiceRegistration<FactorSource> second = context.registerService(FactorSource.class, kiln("0.53"), null);
        try {
            JsonNode page = json(http.poll(E + "/factors?activityType=process/test-clinker&history=true", null,
                    r -> r.body().contains("\"total\":2") && r.body().contains("\"supersededBy\":\"test-kiln:clinker@2\""),
                    Duration.ofSeconds(30)));
            assertEquals("test-kiln:clinker@1", page.get("items").get(0).get("id").asText());
            assertEquals("test-kiln:clinker@2", page.get("items").get(0).get("supersededBy").asText());
            JsonNode check = json(http.get(E + "/reports/" + report + "/recalculation", admin));
            assertTrue(check.toString(), check.get("matches").asBoolean());
            assertEquals("[\"test-kiln:clinker@1\"]", check.get("factorIds").toString());
            String v2 = postJson(http, E + "/reports/" + report + "/corrections", admin, "{\"reason\":\"new "
                    + "factor\"}", 201).get("id").asText();
            assertTonnes("new factor", "530", postJson(http, E + "/reports/" + v2 + "/calculate", admin, "{}", 200)
                    .get("totals").get("scope1"));
            // Choosing the old version is explicit, and recorded.
            JsonNode explicit = postJson(http, E + "/reports/" + v2 + "/calculate", admin,
                    "{\"factorIds\":[\"test-kiln:clinker@1\"]}", 200);
            assertTonnes("chosen factor", "520", explicit.get("totals").get("scope1"));
            assertEquals("[\"test-kiln:clinker@1\"]", explicit.get("factorChoices").toString());
        } finally {
            second.unregister();
        }
        // The source gone, its factors leave new calculations but the old report still recalculates.
        http.poll(E + "/factors?activityType=process/test-clinker", null, r -> r.body().contains("\"total\":0"),
                Duration.ofSeconds(30));
        assertTrue(json(http.get(E + "/reports/" + report + "/recalculation", admin)).get("matches").asBoolean());
        JsonNode old = json(http.get(E + "/factors/versions/test-kiln:clinker@1"));
        assertEquals("test-kiln:clinker@2", old.get("supersededBy").asText());
        assertFalse(old.get("available").asBoolean());
    }

    @Test
    public void theSampleFactorPluginIsHotDeployedAndItsRemovalKeepsTheFactorsUsed() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        awaitFactors(http);
        java.nio.file.Path staged = deployDir().getParent().resolve("carbonates.jar");
        java.nio.file.Files.copy(systemJar("example-carbonate-factors"), staged,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Jars.deploy(staged, deployDir(), "carbonates.jar");
        http.poll(E + "/factors/sources", null, r -> r.body().contains("\"id\":\"ipcc-2006-carbonates\"")
                && r.body().matches("(?s).*ipcc-2006-carbonates[^}]*\"state\":\"active\".*"), Duration.ofSeconds(30));
        String admin = memberAdmin(identity, identity.createTenant("Lime Member"), "admin@lime.example");
        String kiln = postJson(http, E + "/facilities", admin, "{\"name\":\"Lime kiln\",\"country\":\"CN\"}", 201)
                .get("id").asText();
        String period = postJson(http, E + "/periods", admin, "{\"year\":2024}", 201).get("id").asText();
        post(http, E + "/periods/" + period + "/activities", admin, activity(kiln, 1, null,
                "process/calcination-calcite", null, "1000", "t", "2024"), 201);
        String report = postJson(http, E + "/reports", admin, "{\"periodId\":\"" + period + "\"}", 201).get("id")
                .asText();
        // 1,000 t of calcite at the stoichiometric 0.43971 t CO2/t (IPCC 2006 Vol. 3 Table 2.1).
        assertTonnes("calcination", "439.71", postJson(http, E + "/reports/" + report + "/calculate", admin, "{}",
                200).get("totals").get("scope1"));
        post(http, E + "/reports/" + report + "/submit", admin, "", 200);

        java.nio.file.Files.delete(deployDir().resolve("carbonates.jar"));
        http.poll(E + "/factors?activityType=process/calcination-calcite", null, r -> r.body().contains(
                "\"total\":0"), Duration.ofSeconds(30));
        assertTrue(http.get(E + "/factors/sources").body().matches(
                "(?s).*ipcc-2006-carbonates[^}]*\"state\":\"removed\".*"));
        assertTrue(json(http.get(E + "/reports/" + report + "/recalculation", admin)).get("matches").asBoolean());
        assertEquals(400, http.post(E + "/periods/" + postJson(http, E + "/periods", admin, "{\"year\":2025}", 201)
                .get("id").asText() + "/activities", admin, JSON_TYPE, activity(kiln, 1, null,
                        "process/calcination-calcite", null, "1", "t", "2025")).status());
    }

    /** Takes a member's report on {@code year} (one direct scope 3 entry) through verification to publication. */
    private void publish(Http http, String name, String sector, boolean disclose, int year, String tonnes,
            String verifierEmail, String verifier) throws Exception {
        String login = memberAdmin(identity, identity.createTenant(name), "admin@" + name.replace(' ', '-')
                .toLowerCase() + ".example");
        assertEquals(200, http.request("PUT", E + "/profile", login, "{\"boundary\":\"operational-control\","
                + "\"country\":\"CN\",\"sector\":\"" + sector + "\",\"disclose\":" + disclose + "}").status());
        String site = postJson(http, E + "/facilities", login, "{\"name\":\"HQ\",\"country\":\"CN\"}", 201)
                .get("id").asText();
        String period = postJson(http, E + "/periods", login, "{\"year\":" + year + "}", 201).get("id").asText();
        post(http, E + "/periods/" + period + "/activities", login, activity(site, 3, "1", "direct-emission", "CO2e",
                tonnes, "t", String.valueOf(year)), 201);
        String report = postJson(http, E + "/reports", login, "{\"periodId\":\"" + period + "\"}", 201).get("id")
                .asText();
        post(http, E + "/reports/" + report + "/calculate", login, "{}", 200);
        post(http, E + "/reports/" + report + "/submit", login, "", 200);
        post(http, E + "/verification/grants", login, "{\"verifier\":\"" + verifierEmail + "\"}", 201);
        post(http, E + "/reports/" + report + "/verification", verifier, "", 200);
        post(http, E + "/reports/" + report + "/opinion", verifier, "{\"assurance\":\"limited\","
                + "\"materialityPercent\":5,\"conclusion\":\"unmodified\",\"statement\":\"No exceptions.\"}", 200);
        post(http, E + "/reports/" + report + "/publish", login, "", 200);
    }

    @Test
    public void theRollupShowsOnlyGroupsThatRevealNoMember() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String verifier = user(identity, identity.createTenant("Rollup Verifier"), "v@rollup-verifier.example",
                Set.of(Roles.VERIFIER));
        String v = "v@rollup-verifier.example";
        publish(http, "Roll Tech One", "technology", true, 2019, "100", v, verifier);
        publish(http, "Roll Tech Two", "technology", false, 2019, "200", v, verifier);
        publish(http, "Roll Tech Three", "technology", false, 2019, "300", v, verifier);
        publish(http, "Roll Cement", "cement", false, 2019, "1000", v, verifier);
        publish(http, "Roll Lonely A", "technology", false, 2018, "50", v, verifier);
        publish(http, "Roll Lonely B", "technology", false, 2018, "60", v, verifier);

        JsonNode rollup = json(http.get(E + "/rollup"));
        JsonNode y2019 = null;
        for (JsonNode year : rollup.get("years")) {
            assertTrue("2018 has only two members: " + year, year.get("year").asInt() != 2018);
            if (year.get("year").asInt() == 2019) {
                y2019 = year;
            }
        }
        assertEquals(4, y2019.get("members").asInt());
        assertTonnes("2019 scope 3", "1600", y2019.get("totals").get("scope3"));
        assertTrue(rollup.get("notes").toString().contains("2018: fewer than 3 members"));
        // cement (one member) is hidden, and so is technology: total minus technology would reveal cement.
        StringBuilder sectors = new StringBuilder();
        for (JsonNode g : rollup.get("groups")) {
            if (g.get("year").asInt() == 2019 && g.get("dimension").asText().equals("sector")) {
                sectors.append(g.get("group").asText()).append('=').append(g.get("members").asInt()).append(';');
            }
        }
        assertEquals("other (smaller groups merged)=4;", sectors.toString());
        String body = http.get(E + "/rollup").body();
        assertTrue(body.contains("Roll Tech One"));
        assertFalse(body.contains("Roll Tech Two") || body.contains("Roll Cement") || body.contains("Roll Lonely"));
    }

    private static FactorSource kiln(String value) {
        return new FactorSource() {
            @Override
            public String id() {
                return "test-kiln";
            }

            @Override
            public String title() {
                return "Test kiln factors";
            }

            @Override
            public List<EmissionFactor> factors() {
                return List.of(new EmissionFactor("clinker", "process/test-clinker", "GLOBAL", "CO2",
                        new BigDecimal(value), "t", "t", null, 2026, "Test publisher", "Test guideline", "Table 1",
                        null));
            }
        };
    }

    @Test
    public void refusedWithoutLoginAndForOperators() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        assertEquals(401, http.get(E + "/facilities", null).status());
        assertEquals(403, http.get(E + "/facilities", operator()).status());
        assertEquals(200, http.get(E + "/rollup", null).status());
        assertFalse(http.get(E + "/factors?history=maybe", null).status() == 200);
    }
}
