package org.carbonalliance.patentpool.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.carbonalliance.patentpool.impl.PatentSearch.SearchQuery;
import org.carbonalliance.patentpool.impl.SearchRecords.SearchResult;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceUnit;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.persistence.InMemoryPersistence;
import org.carbonalliance.platform.testkit.FakeIdentityService;
import org.carbonalliance.platform.testkit.RecordingAuditLog;
import org.junit.After;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The search index without Felix: English and Chinese, facets, and rebuilding after the index is lost or damaged. */
public class PatentSearchTest {

    private final InMemoryPersistence persistence = new InMemoryPersistence();
    private final Database database = persistence.open(new PersistenceUnit("patents", "db/patentpool/changelog.xml",
            List.of(PooledPatent.class, ImportJob.class, ImportRejection.class)));
    private final FakeIdentityService identity = new FakeIdentityService();
    private final Path directory;
    private PatentIndex index;
    private final String tenant = identity.createTenant("Tencent").id();
    private final AlliancePrincipal admin = new AlliancePrincipal("a@tencent.example", tenant,
            Set.of(Roles.MEMBER_ADMIN));

    public PatentSearchTest() throws Exception {
        directory = Files.createTempDirectory("patent-index");
        index = new PatentIndex(database, directory);
    }

    @After
    public void close() throws Exception {
        index.close();
        persistence.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private void contribute(String number, String titleEn, String titleZh, String cpc) throws Exception {
        PatentsImpl patents = new PatentsImpl(database, persistence.transactions(), identity, new RecordingAuditLog(),
                new EventAdmin() {
                    @Override
                    public void postEvent(Event event) {
                    }

                    @Override
                    public void sendEvent(Event event) {
                    }
                }, Clock.systemUTC(), 90, n -> index.changed(n), record -> List.of());
        PatentRecords.PatentRequest r = new PatentRecords.PatentRequest(number, null, null,
                LocalDate.parse("2020-03-01"), null, null, null, null, null, titleEn, titleZh, null, null,
                List.of("Tencent"), null, List.of("Li Wei"), List.of(cpc), null, null, null, null);
        CurrentPrincipal.runAs(admin, () -> patents.contribute(r, admin));
    }

    private void awaitIdle() throws InterruptedException {
        for (int i = 0; i < 200 && !index.idle(); i++) {
            Thread.sleep(50);
        }
        assertTrue("the indexer caught up", index.idle());
    }

    private List<String> find(String text) {
        SearchResult result = new PatentSearch(index, identity).search(new SearchQuery(text, Map.of(), null, null,
                "relevance", 0, 20, false, false), LocalDate.now());
        return result.items().stream().map(SearchRecords.SearchHit::publicationNumber).sorted().toList();
    }

    @Test
    public void findsEnglishByStemAndChineseByWordNotByCharacter() throws Exception {
        contribute("CN110000001B", "Battery energy storage scheduling", null, "Y02E 60/10");
        contribute("CN110000002B", null, "储能电池热管理方法", "Y02E 60/10");
        contribute("CN110000003B", null, "能源储备与调度系统", "Y02E 60/10"); // 储 and 能 apart: not 储能
        awaitIdle();
        assertEquals(List.of("CN110000001B"), find("batteries scheduled"));
        assertEquals(List.of("CN110000002B"), find("储能"));
        assertEquals(List.of("CN110000001B"), find("cn110000001b"));
        assertEquals(List.of("CN110000001B", "CN110000002B", "CN110000003B"), find("li wei"));
        SearchResult all = new PatentSearch(index, identity).search(new SearchQuery("", Map.of("climateTag", List.of("Y02E")),
                null, null, "number", 0, 2, false, false), LocalDate.now());
        assertEquals(3, all.total());
        assertEquals(2, all.items().size());
        assertEquals("Y02E", all.facets().climateTag().get(0).value());
        assertEquals(3, all.facets().climateTag().get(0).count());
    }

    @Test
    public void aDeletedOrDamagedIndexIsRebuiltFromTheDatabase() throws Exception {
        contribute("CN110000001B", "Battery energy storage scheduling", null, "Y02E 60/10");
        contribute("CN110000002B", "Wind turbine blade de-icing", null, "Y02E 10/72");
        awaitIdle();
        index.close();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        index = new PatentIndex(database, directory);
        awaitIdle();
        assertEquals(List.of("CN110000002B"), find("turbine"));

        index.close();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".cfs")
                    || f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(f, new byte[] {1, 2, 3, 4});
            }
        }
        index = new PatentIndex(database, directory);
        awaitIdle();
        assertEquals(List.of("CN110000001B"), find("storage"));
        assertEquals(List.of("CN110000002B"), find("turbine"));
    }
}
