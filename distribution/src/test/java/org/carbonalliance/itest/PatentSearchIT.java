package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.inject.Inject;
import org.carbonalliance.platform.api.security.IdentityService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The pool's search (English and Chinese, facets, filters, families) and its imports and export, over HTTP. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PatentSearchIT extends PlatformTestSupport {

    private static final String PATENTS = "/api/patentpool/patents";
    private static final String IMPORTS = "/api/patentpool/imports";

    @Inject
    private IdentityService identity;

    private static String patent(String number, String family, String titleEn, String titleZh, String cpc,
            String filed) {
        return "{\"publicationNumber\":\"" + number + "\",\"familyId\":" + (family == null ? "null" : "\"" + family
                + "\"") + ",\"applicationDate\":\"" + filed + "\"," + (titleEn == null ? "" : "\"titleEn\":\""
                + titleEn + "\",\"abstractEn\":\"" + titleEn + " for carbon neutral operation.\",")
                + (titleZh == null ? "" : "\"titleZh\":\"" + titleZh + "\",") + "\"applicants\":[\"Search Test Co\"],"
                + "\"inventors\":[\"Zhang San\"],\"cpcCodes\":[\"" + cpc + "\"]}";
    }

    private JsonNode search(Http http, String query) throws Exception {
        Http.Response r = http.get("/api/patentpool/search?" + query);
        assertEquals(r.body(), 200, r.status());
        return json(r);
    }

    private static List<String> numbers(JsonNode result) {
        List<String> numbers = new ArrayList<>();
        result.get("items").forEach(i -> numbers.add(i.get("publicationNumber").asText()));
        return numbers;
    }

    @Test
    public void searchFindsEnglishAndChineseWithFacetsAndFamilies() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String a = memberAdmin(identity, identity.createTenant("Search member A"), "admin@search-a.example");
        for (String body : List.of(
                patent("CN110000001B", "FAM-1", "Battery energy storage scheduling", null, "Y02E 60/10", "2019-05-01"),
                patent("US11000002B2", "FAM-1", "Battery energy storage scheduling", null, "Y02E 60/10", "2020-05-01"),
                patent("CN110000003B", null, null, "储能电池热管理方法", "Y02E 60/10", "2021-03-01"),
                patent("US11000004B1", null, "Data centre cooling with outside air", null, "Y02D 10/00",
                        "2018-01-10"))) {
            Http.Response created = http.post(PATENTS, a, "application/json", body);
            assertEquals(created.body(), 201, created.status());
        }
        // Written patents become searchable within a second; allow a slow machine some more.
        http.poll("/api/patentpool/search?q=cooling", null, r -> r.body().contains("US11000004B1"),
                Duration.ofSeconds(10));

        JsonNode english = search(http, "q=" + enc("energy storage"));
        assertEquals(List.of("CN110000001B", "US11000002B2"), sorted(numbers(english)));
        assertTrue(english.toString(), english.get("items").get(0).get("highlights").get("titleEn").asText()
                .contains("<mark>"));
        JsonNode chinese = search(http, "q=" + enc("储能"));
        assertEquals(List.of("CN110000003B"), numbers(chinese));
        assertTrue(chinese.toString(), chinese.get("items").get(0).get("highlights").get("titleZh").asText()
                .contains("<mark>储能</mark>"));

        String member = "member=" + json(http.get(PATENTS + "/CN110000001B")).get("memberTenantId").asText();
        JsonNode all = search(http, member);
        assertEquals(4, all.get("total").asInt());
        String facets = all.get("facets").toString();
        assertTrue(facets, facets.contains("{\"value\":\"Y02E\",\"label\":\"Y02E\",\"count\":3}"));
        assertTrue(facets, facets.contains("{\"value\":\"US\",\"label\":\"US\",\"count\":2}"));
        assertTrue(facets, facets.contains("\"label\":\"Search member A\",\"count\":4}"));
        assertEquals(List.of("US11000004B1"), numbers(search(http, member + "&q=&jurisdiction=US&climateTag=Y02D")));
        assertEquals(List.of("CN110000003B"), numbers(search(http, member + "&filedFrom=2021-01-01"
                + "&filedTo=2021-12-31&climateTag=Y02E")));

        JsonNode grouped = search(http, "q=" + enc("energy storage") + "&groupByFamily=true");
        assertEquals(1, grouped.get("total").asInt());
        assertEquals(2, grouped.get("items").get(0).get("familyPublications").size());
        assertEquals("[\"US11000002B2\"]", json(http.get(PATENTS + "/CN110000001B")).get("familyPublications")
                .toString());

        for (String bad : List.of("climateTag=Y99X", "filedFrom=2021-01-01&filedTo=2020-01-01",
                "filedFrom=yesterday", "status=alive", "sort=random", "limit=1000", "groupByFamily=maybe")) {
            Http.Response refused = http.get("/api/patentpool/search?" + bad);
            assertEquals(bad + ": " + refused.body(), 400, refused.status());
            assertTrue(refused.body(), refused.body().contains("\"message\""));
        }
    }

    @Inject
    private org.osgi.service.cm.ConfigurationAdmin configurations;

    @Test
    public void aWithdrawalLeavesSearchesWhenItTakesEffectAndADeletedIndexIsRebuilt() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String f = memberAdmin(identity, identity.createTenant("Search member F"), "admin@search-f.example");
        String member = "member=" + identity.tenantsNamed("Search member F").get(0).id();
        for (String number : List.of("CN180000001B", "CN180000002B")) {
            assertEquals(201, http.post(PATENTS, f, "application/json", patent(number, null,
                    "Geothermal heat exchanger " + number, null, "Y02E 10/10", "2019-01-01")).status());
        }
        http.poll("/api/patentpool/search?" + member, null, r -> r.body().contains("\"total\":2,"),
                Duration.ofSeconds(10));

        // Notice of 0 days: the withdrawal takes effect at once, and the patent leaves the searches.
        org.osgi.service.cm.Configuration pool = configurations.getConfiguration("org.carbonalliance.patentpool", "?");
        java.util.Dictionary<String, Object> settings = pool.getProperties();
        settings.put("withdrawalNoticeDays", 0);
        pool.update(settings);
        try {
            // The pool's service is registered again with the new setting among its properties.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!noticeDays(0) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue("the new notice period is in effect", noticeDays(0));
            Http.Response withdrawn;
            do { // its endpoints are registered again a moment later
                Thread.sleep(50);
                withdrawn = http.post(PATENTS + "/CN180000002B/withdraw", f, "application/json",
                        "{\"reason\":\"Sold to a company outside the alliance.\"}");
            } while ((withdrawn.status() == 503 || withdrawn.body().contains("There is no endpoint"))
                    && System.nanoTime() < deadline);
            assertEquals(withdrawn.body(), 200, withdrawn.status());
            assertTrue(withdrawn.body(), withdrawn.body().contains("\"poolState\":\"withdrawn\""));
        } finally {
            settings.put("withdrawalNoticeDays", 90);
            pool.update(settings);
        }
        Http.Response after = http.poll("/api/patentpool/search?" + member, null,
                r -> r.body().contains("\"total\":1,"), Duration.ofSeconds(10));
        assertEquals(List.of("CN180000001B"), numbers(json(after)));
        assertEquals(2, search(http, member + "&includeWithdrawn=true").get("total").asInt());

        // The index deleted while the bundle is stopped is rebuilt from the database when it starts.
        org.osgi.framework.Bundle impl = java.util.Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.carbonalliance.patentpool.impl")).findFirst().orElseThrow();
        impl.stop();
        java.nio.file.Path index = java.nio.file.Path.of(context.getProperty("alliance.data"), "patentpool", "index");
        try (var files = java.nio.file.Files.walk(index)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertFalse(java.nio.file.Files.exists(index));
        impl.start();
        Http.Response rebuilt = http.poll("/api/patentpool/search?" + member + "&includeWithdrawn=true", null,
                r -> r.body().contains("\"total\":2,"), Duration.ofSeconds(30));
        assertTrue(rebuilt.body(), rebuilt.body().contains("\"total\":2,"));
        assertEquals(List.of("CN180000001B"), numbers(search(http, member + "&q=geothermal")));
    }

    private boolean noticeDays(int days) {
        org.osgi.framework.ServiceReference<?> pool = context.getServiceReference(
                "org.carbonalliance.patentpool.impl.Patents");
        return pool != null && Integer.valueOf(days).equals(pool.getProperty("withdrawalNoticeDays"));
    }

    private static final String LENS_HEADER = "\"#\",\"Jurisdiction\",\"Kind\",\"Display Key\",\"Application Number\","
            + "\"Application Date\",\"Title\",\"Abstract\",\"Applicants\",\"Inventors\",\"CPC Classifications\"\n";

    private static String lensRow(int n, String number, String date, String title) {
        return n + ",CN,B,\"" + number + "\",\"CN2019100" + n + "\",\"" + date + "\",\"" + title + "\",\"An abstract, "
                + "with a comma.\",\"Import Test Co;;Second Applicant\",\"Wang Wu\",\"Y02E 10/50;;H01L 31/04\"\n";
    }

    @Test
    public void importsCsvAndXmlReportBrokenItemsAndReimportChangesNothing() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String b = memberAdmin(identity, identity.createTenant("Import member B"), "admin@import-b.example");
        String csv = LENS_HEADER + lensRow(1, "CN 120000001 B", "2019-02-01", "Solar cell with a front grid")
                + lensRow(2, "CN 120000002 B", "2019-02-31", "Broken date")
                + lensRow(3, "CN 120000003 B", "2019-03-01", "Photovoltaic tracking mount");
        JsonNode job = finished(http, b, http.postBytes(IMPORTS + "?format=lens-csv&fileName=lens.csv", b,
                "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(job.toString(), "done", job.get("state").asText());
        assertEquals(2, job.get("imported").asInt());
        assertEquals(1, job.get("rejected").asInt());
        assertEquals(3, job.get("rejections").get(0).get("item").asInt());
        assertTrue(job.toString(), job.get("rejections").get(0).get("reason").asText().contains("Application Date"));
        assertEquals("Solar cell with a front grid", json(http.get(PATENTS + "/CN120000001B")).get("titleEn")
                .asText());

        // Another member neither sees the job nor can read it by its id.
        String other = memberAdmin(identity, identity.createTenant("Import member E"), "admin@import-e.example");
        assertEquals(404, http.get(IMPORTS + "/" + job.get("id").asText(), other).status());
        assertFalse(http.get(IMPORTS, other).body().contains(job.get("id").asText()));
        assertEquals(401, http.get(IMPORTS + "/" + job.get("id").asText()).status());

        JsonNode again = finished(http, b, http.postBytes(IMPORTS + "?format=lens-csv", b, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(again.toString(), 0, again.get("imported").asInt());
        assertEquals(2, again.get("unchanged").asInt());

        // The export reads back as the same records: importing it changes nothing.
        Http.Response export = http.get("/api/patentpool/export", b);
        assertEquals(200, export.status());
        assertTrue(export.body().contains("CN120000001B"));
        JsonNode roundTrip = finished(http, b, http.postBytes(IMPORTS + "?format=lens-csv", b, "text/csv",
                export.body().getBytes(StandardCharsets.UTF_8)));
        assertEquals(roundTrip.toString(), 0, roundTrip.get("imported").asInt() + roundTrip.get("updated").asInt());
        assertTrue(roundTrip.toString(), roundTrip.get("unchanged").asInt() >= 2);

        String xml = grant("US12000004", "Wind turbine blade de-icing", "Y02E 10/72")
                + "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<us-patent-grant><broken></us-patent-grant>\n"
                + grant("US12000005", "Hydrogen electrolyser stack", "Y02E 60/36");
        JsonNode xmlJob = finished(http, b, http.postBytes(IMPORTS + "?format=st36-xml", b, "application/xml",
                xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(xmlJob.toString(), 2, xmlJob.get("imported").asInt());
        assertEquals(2, xmlJob.get("rejections").get(0).get("item").asInt());
        assertEquals("Wind turbine blade de-icing", json(http.get(PATENTS + "/US12000004B2")).get("titleEn").asText());
    }

    @Test
    public void badUploadsAreRefusedAndWriteNothing() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String c = memberAdmin(identity, identity.createTenant("Import member C"), "admin@import-c.example");
        byte[] notCsv = new byte[4096];
        new java.util.Random(1).nextBytes(notCsv);
        assertRefused(http.postBytes(IMPORTS + "?format=lens-csv", c, "text/csv", notCsv), 400);
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE us-patent-grant [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "\n" + grant("US12000009", "&xxe;", "Y02E 10/72").replaceFirst("<\\?xml[^>]*>\\n", "");
        Http.Response entity = http.postBytes(IMPORTS + "?format=st36-xml", c, "application/xml",
                xxe.getBytes(StandardCharsets.UTF_8));
        assertRefused(entity, 400);
        assertFalse(entity.body(), entity.body().contains("root:"));
        assertEquals(404, http.get(PATENTS + "/US12000009B2").status());
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gzip.write(zeros);
            }
        }
        assertRefused(http.postBytes(IMPORTS + "?format=lens-csv", c, "application/gzip", bomb.toByteArray()), 413);
        assertRefused(http.postBytes(IMPORTS + "?format=word-doc", c, "text/csv", "x".getBytes()), 400);
        assertEquals(401, http.postBytes(IMPORTS + "?format=lens-csv", null, "text/csv", "x".getBytes()).status());
        assertEquals(0, json(http.get(IMPORTS, c)).get("items").size());
        assertEquals(0, json(http.get(PATENTS, c)).get("items").size());
    }

    @Test
    public void aPluginFormatIsHotDeployedAndRemovedKeepingWhatItImported() throws Exception {
        Http http = http();
        http.poll("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(30));
        String d = memberAdmin(identity, identity.createTenant("Import member D"), "admin@import-d.example");
        java.nio.file.Path staged = deployDir().getParent().resolve("jsonl.jar");
        java.nio.file.Files.copy(systemJar("example-jsonl-patents"), staged);
        Jars.deploy(staged, deployDir(), "jsonl.jar");
        Http.Response formats = http.poll(IMPORTS + "/formats", d, r -> r.body().contains("\"jsonl\""),
                Duration.ofSeconds(20));
        assertTrue(formats.body(), formats.body().contains("\"jsonl\""));
        String lines = "{\"publicationNumber\":\"CN130000001B\",\"applicationDate\":\"2020-01-02\",\"titleEn\":"
                + "\"Heat pump defrost control\",\"applicants\":[\"Plugin Co\"],\"cpcCodes\":[\"Y02B 30/00\"]}\n"
                + "{\"publicationNumber\":\"CN130000002B\",\"applicationDate\":\"not a date\"}\n";
        JsonNode job = finished(http, d, http.postBytes(IMPORTS + "?format=jsonl", d, "application/x-ndjson",
                lines.getBytes(StandardCharsets.UTF_8)));
        assertEquals(job.toString(), 1, job.get("imported").asInt());
        assertEquals(2, job.get("rejections").get(0).get("item").asInt());

        java.nio.file.Files.delete(deployDir().resolve("jsonl.jar"));
        Http.Response gone = http.poll(IMPORTS + "/formats", d, r -> !r.body().contains("\"jsonl\""),
                Duration.ofSeconds(20));
        assertFalse(gone.body(), gone.body().contains("\"jsonl\""));
        assertEquals(400, http.postBytes(IMPORTS + "?format=jsonl", d, "application/x-ndjson",
                lines.getBytes(StandardCharsets.UTF_8)).status());
        assertEquals("Heat pump defrost control", json(http.get(PATENTS + "/CN130000001B")).get("titleEn").asText());
    }

    private static void assertRefused(Http.Response response, int status) {
        assertEquals(response.body(), status, response.status());
        assertTrue(response.body(), response.body().contains("\"message\"") && !response.body().contains("at org."));
    }

    private JsonNode finished(Http http, String login, Http.Response started) throws Exception {
        assertEquals(started.body(), 202, started.status());
        String id = json(started).get("id").asText();
        Http.Response done = http.poll(IMPORTS + "/" + id, login, r -> r.body().contains("\"state\":\"done\"")
                || r.body().contains("\"state\":\"failed\""), Duration.ofSeconds(30));
        return json(done);
    }

    static String grant(String number, String title, String cpc) {
        String[] c = cpc.split("[ /]");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE us-patent-grant SYSTEM "
                + "\"us-patent-grant-v47-2022-02-17.dtd\" [ ]>\n<us-patent-grant><us-bibliographic-data-grant>"
                + "<publication-reference><document-id><country>US</country><doc-number>" + number.substring(2)
                + "</doc-number><kind>B2</kind><date>20230103</date></document-id></publication-reference>"
                + "<application-reference appl-type=\"utility\"><document-id><country>US</country><doc-number>"
                + "17000001</doc-number><date>20210105</date></document-id></application-reference>"
                + "<classifications-cpc><main-cpc><classification-cpc><section>" + c[0].charAt(0) + "</section>"
                + "<class>" + c[0].substring(1, 3) + "</class><subclass>" + c[0].substring(3) + "</subclass>"
                + "<main-group>" + c[1] + "</main-group><subgroup>" + c[2] + "</subgroup></classification-cpc>"
                + "</main-cpc></classifications-cpc><invention-title id=\"d2e1\">" + title + "</invention-title>"
                + "<us-parties><us-applicants><us-applicant sequence=\"001\" app-type=\"applicant\"><addressbook>"
                + "<orgname>Grant Test Corp</orgname></addressbook></us-applicant></us-applicants><inventors>"
                + "<inventor sequence=\"001\"><addressbook><last-name>Smith</last-name><first-name>Jane</first-name>"
                + "</addressbook></inventor></inventors></us-parties></us-bibliographic-data-grant>"
                + "<abstract id=\"abstract\"><p id=\"p-0001\">" + title + " abstract.</p></abstract>"
                + "</us-patent-grant>\n";
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }
}
