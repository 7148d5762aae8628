package org.carbonalliance.patentpool.impl.imports;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.carbonalliance.patentpool.api.LegalStatus;
import org.carbonalliance.patentpool.api.PatentData;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@link UsptoGrantXml}. The sample {@code imports/uspto-bulk-sample.xml} is made up, in the structure of the USPTO's
 * weekly full-text files: a grant (DTD v4.7), a broken grant and an application (v4.6), one after the other.
 */
public class UsptoGrantXmlTest {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final UsptoGrantXml xml = new UsptoGrantXml();

    @Test
    public void readsABulkFileDocumentByDocument() throws IOException {
        RecordingSink sink = new RecordingSink();
        try (InputStream in = getClass().getResourceAsStream("/imports/uspto-bulk-sample.xml")) {
            xml.read(in, sink);
        }
        assertEquals(List.of(1L, 2L, 3L), sink.items);
        assertEquals(new PatentData("US11999001B2", null, "17500001", LocalDate.of(2021, 10, 13),
                LocalDate.of(2020, 10, 14), LocalDate.of(2023, 3, 14), null, null, LegalStatus.GRANTED,
                "Sulfide solid electrolyte for Li2S-based secondary batteries", null,
                "A sulfide solid electrolyte contains Li2S, P2S5 and a halide. A battery 10 made with it keeps 95% of "
                        + "its capacity \u2014 after 1000 cycles.",
                null, List.of("Example Battery Corporation"), List.of("Example Battery Corporation"),
                List.of("Hanako Sato", "John Q. Doe"), List.of("H01M 10/0562", "Y02E 60/10"), List.of(),
                List.of("H01M 10/0562", "H01M 10/0525"),
                "https://ppubs.uspto.gov/pubwebapp/external.html?q=(11999001).pn.&db=USPAT", null),
                sink.accepted.get(1L));

        String broken = sink.rejected.get(2L);
        assertTrue(broken, broken.startsWith("malformed XML at line 15 of the document: "));
        assertTrue(broken, broken.contains("invention-title"));

        PatentData application = sink.accepted.get(3L);
        assertEquals("US20230100001A1", application.publicationNumber());
        assertEquals(LegalStatus.PENDING, application.legalStatus());
        assertNull(application.grantDate());
        assertEquals(LocalDate.of(2021, 9, 21), application.applicationDate());
        assertEquals("provisional application", LocalDate.of(2020, 9, 22), application.priorityDate());
        assertEquals("DIRECT AIR CAPTURE SORBENT", application.titleEn());
        assertEquals("A sorbent for capturing CO2 from ambient air comprises an amine on a porous support.",
                application.abstractEn());
        assertEquals(List.of("B01D 53/02", "Y02C 20/40"), application.cpcCodes());
        assertEquals(List.of("Richard Roe"), application.inventors());
        assertEquals(List.of(), application.owners());
        assertEquals("https://ppubs.uspto.gov/pubwebapp/external.html?q=(20230100001).pn.&db=US-PGPUB",
                application.officeLink());
    }

    @Test
    public void neverResolvesExternalEntities() throws IOException {
        Path secret = folder.newFile("secret.txt").toPath();
        Files.writeString(secret, "TOPSECRET-FILE");
        Path dtd = folder.newFile("secret.dtd").toPath();
        Files.writeString(dtd, "<!ENTITY secret \"TOPSECRET-DTD\">");
        String file = document("<!DOCTYPE us-patent-grant [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
                "11000001", "a &xxe; b")
                + document("<!DOCTYPE us-patent-grant [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>",
                        "11000002", "a &xxe; b")
                + document("<!DOCTYPE us-patent-grant [<!ENTITY % p SYSTEM \"" + dtd.toUri() + "\"> %p;]>",
                        "11000003", "a &secret; b")
                + document("<!DOCTYPE us-patent-grant SYSTEM \"" + dtd.toUri() + "\">", "11000004", "a &secret; b")
                + document("<!DOCTYPE us-patent-grant SYSTEM \"" + dtd.toUri() + "\">", "11000005", "no entity");
        RecordingSink sink = read(file);

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), sink.items);
        assertEquals(List.of(1L, 2L, 3L, 4L), List.copyOf(sink.rejected.keySet()));
        assertTrue(sink.rejected.get(1L), sink.rejected.get(1L).endsWith("The entity \"xxe\" was referenced, but not "
                + "declared."));
        assertEquals("no entity", sink.accepted.get(5L).titleEn());
        String everything = sink.accepted.values().toString() + sink.rejected.values();
        assertFalse(everything, everything.contains("TOPSECRET"));
        assertFalse(everything, everything.contains("root:"));
    }

    @Test(timeout = 10_000)
    public void refusesTheBillionLaughs() throws IOException {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        RecordingSink sink = read(document("<!DOCTYPE us-patent-grant [" + entities + "]>", "11000001", "&lol9;")
                + document("", "11000002", "after the laughs"));
        assertTrue(sink.rejected.get(1L), sink.rejected.get(1L).contains("\"lol9\" was referenced, but not declared"));
        assertEquals("after the laughs", sink.accepted.get(2L).titleEn());
    }

    @Test
    public void neverFetchesTheDtd() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String dtd = "http://127.0.0.1:" + server.getLocalPort() + "/us-patent-grant-v47-2022-02-17.dtd";
            RecordingSink sink = read(document("<!DOCTYPE us-patent-grant SYSTEM \"" + dtd + "\">", "11000001", "t")
                    + document("<!DOCTYPE us-patent-grant SYSTEM \"us-patent-grant-v47-2022-02-17.dtd\" [ ]>",
                            "11000002", "t"));
            assertEquals(List.of(1L, 2L), List.copyOf(sink.accepted.keySet()));
            server.setSoTimeout(200);
            try {
                server.accept().close();
                fail("the parser asked for the DTD");
            } catch (SocketTimeoutException expected) {
                // nobody called
            }
        }
    }

    @Test
    public void rejectsWhatThePoolCannotTakeAndReadsOn() throws IOException {
        String design = DECLARATION + "<us-patent-grant><us-bibliographic-data-grant><publication-reference>"
                + "<document-id><country>US</country><doc-number>D0912345</doc-number><kind>S1</kind>"
                + "<date>20210302</date></document-id></publication-reference></us-bibliographic-data-grant>"
                + "</us-patent-grant>\n";
        String noNumber = DECLARATION + "<us-patent-grant><us-bibliographic-data-grant><invention-title>x"
                + "</invention-title></us-bibliographic-data-grant></us-patent-grant>\n";
        String html = DECLARATION + "<html><body>not a patent</body></html>\n";
        String badDate = document("", "11000009", "t").replace("<date>20220201</date>", "<date>20220231</date>");
        RecordingSink sink = read(document("", "07654321", "old number") + design + noNumber + html + badDate);

        assertEquals("US7654321B2", sink.accepted.get(1L).publicationNumber());
        assertEquals("US D0912345 S1: numbers with letters (designs, plants, reissues) are not taken",
                sink.rejected.get(2L));
        assertEquals("no <publication-reference> with a country and a doc-number", sink.rejected.get(3L));
        assertEquals("the root element is <html>, not <us-patent-grant>, <us-patent-application> or "
                + "<patent-document>", sink.rejected.get(4L));
        assertEquals("<publication-reference> date is not a date (yyyyMMdd): '20220231'", sink.rejected.get(5L));
    }

    @Test
    public void refusesFilesThatAreNotPatentXml() {
        assertFails("#,Jurisdiction,Kind\n1,US,B2\n", "not a USPTO or WIPO ST.36 XML file: malformed XML at line 1");
        assertFails("", "not a USPTO or WIPO ST.36 XML file: the file is empty");
        assertFails(DECLARATION + "<html/>\n" + document("", "11000001", "t"),
                "not a USPTO or WIPO ST.36 XML file: the root element is <html>");
    }

    @Test
    public void readsWipoSt36AndOlderUsFiles() throws IOException {
        String st36 = DECLARATION + "<patent-document lang=\"de\" country=\"EP\"><bibliographic-data>"
                + "<publication-reference><document-id><country>EP</country><doc-number>3500001</doc-number>"
                + "<kind>B1</kind><date>20200101</date></document-id></publication-reference>"
                + "<classifications-ipcr><classification-ipcr><text>F25B  30/02        20060101AFI20200101BHEP</text>"
                + "</classification-ipcr></classifications-ipcr>"
                + "<invention-title lang=\"de\">Wärmepumpe</invention-title>"
                + "<invention-title lang=\"en\">Heat pump</invention-title>"
                + "<parties><applicants><applicant sequence=\"1\"><addressbook><name>HeatCo GmbH</name>"
                + "</addressbook></applicant></applicants></parties></bibliographic-data>"
                + "<abstract lang=\"de\"><p>Eine Wärmepumpe.</p></abstract><abstract lang=\"en\"><p>A heat pump.</p>"
                + "</abstract></patent-document>\n";
        String v40 = DECLARATION + "<us-patent-grant><us-bibliographic-data-grant><publication-reference><document-id>"
                + "<country>US</country><doc-number>07000001</doc-number><kind>B2</kind><date>20060221</date>"
                + "</document-id></publication-reference><parties><applicants>"
                + "<applicant sequence=\"001\" app-type=\"applicant-inventor\" designation=\"us-only\"><addressbook>"
                + "<last-name>Inventor</last-name><first-name>Ann</first-name></addressbook></applicant>"
                + "</applicants></parties></us-bibliographic-data-grant></us-patent-grant>\n";
        RecordingSink sink = read(st36 + v40);

        PatentData ep = sink.accepted.get(1L);
        assertEquals(new PatentData("EP3500001B1", null, null, null, null, null, null, null, null, "Heat pump", null,
                "A heat pump.", null, List.of("HeatCo GmbH"), List.of(), List.of(), List.of(), List.of(),
                List.of("F25B 30/02"), null, null), ep);
        PatentData old = sink.accepted.get(2L);
        assertEquals("US7000001B2", old.publicationNumber());
        assertEquals(List.of("Ann Inventor"), old.applicants());
        assertEquals(List.of("Ann Inventor"), old.inventors());
    }

    @Test
    public void streamsAndStopsWhenTheSinkSaysSo() throws IOException {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            file.append(document("<!DOCTYPE us-patent-grant SYSTEM \"us-patent-grant-v47-2022-02-17.dtd\" [ ]>",
                    String.valueOf(11_000_000 + i), "title " + i));
        }
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        long[] read = {0};
        boolean[] closed = {false};
        InputStream in = new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read[0] += Math.max(n, 0);
                return n;
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        RecordingSink sink = new RecordingSink(3);
        xml.read(in, sink);
        assertEquals(List.of(1L, 2L, 3L), sink.items);
        assertTrue("read " + read[0] + " of " + bytes.length + " bytes", read[0] < 100_000 && bytes.length > 1_000_000);
        assertFalse(closed[0]);

        RecordingSink all = new RecordingSink();
        xml.read(new ByteArrayInputStream(bytes), all);
        assertEquals(5_000, all.accepted.size());
        assertEquals("title 4999", all.accepted.get(5_000L).titleEn());
    }

    @Test
    public void splitsAtDeclarationsThatStartALine() throws IOException {
        String first = "<?xml version=\"1.0\"?>\r\n<a>one <?xml-stylesheet href=\"x\"?>\r\n"
                + "<?xml-stylesheet type=\"text/xsl\" href=\"y\"?>\r\n<![CDATA[ <?xml version=\"1.0\"?> ]]></a>\r\n";
        String second = "<?xml version=\"1.0\"?>\n<b/>";
        XmlDocumentSplitter splitter = new XmlDocumentSplitter(new ByteArrayInputStream(
                ("\n\n" + first + "\n  \n" + second + "\n\n").getBytes(StandardCharsets.UTF_8)));
        List<String> documents = new ArrayList<>();
        for (InputStream document = splitter.next(); document != null; document = splitter.next()) {
            documents.add(new String(document.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(List.of(first + "\n  \n", second + "\n\n"), documents);
    }

    @Test
    public void aDocumentOfMillionsOfElementsIsRejectedNotHeldInMemory() throws IOException {
        String inventors = "<inventor><addressbook><last-name>X</last-name></addressbook></inventor>".repeat(100_000);
        String file = document("", "11000006", "Many inventors</invention-title><inventors>" + inventors
                + "</inventors><invention-title>x") + document("", "11000007", "After it");
        RecordingSink sink = read(file);
        assertTrue(sink.rejected.get(1L), sink.rejected.get(1L).contains("more than"));
        assertEquals("After it", sink.accepted.get(2L).titleEn());
    }

    private static String document(String doctype, String number, String title) {
        return DECLARATION + doctype + "\n<us-patent-grant lang=\"EN\"><us-bibliographic-data-grant>"
                + "<publication-reference><document-id><country>US</country><doc-number>" + number + "</doc-number>"
                + "<kind>B2</kind><date>20220201</date></document-id></publication-reference>"
                + "<invention-title id=\"t\">" + title + "</invention-title></us-bibliographic-data-grant>"
                + "</us-patent-grant>\n";
    }

    private RecordingSink read(String file) throws IOException {
        RecordingSink sink = new RecordingSink();
        xml.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), sink);
        return sink;
    }

    private void assertFails(String file, String message) {
        try {
            read(file);
            fail("read a file that is not patent XML: " + message);
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(message));
        }
    }
}
