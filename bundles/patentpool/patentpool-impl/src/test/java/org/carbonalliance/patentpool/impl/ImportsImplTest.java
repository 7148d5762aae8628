package org.carbonalliance.patentpool.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.carbonalliance.patentpool.impl.Imports.ImportView;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceUnit;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.persistence.InMemoryPersistence;
import org.carbonalliance.platform.testkit.FakeIdentityService;
import org.carbonalliance.platform.testkit.RecordingAuditLog;
import org.carbonalliance.platform.testkit.RecordingPluginCalls;
import org.junit.After;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Import jobs without Felix: batches, re-imports, refusals, and resuming after a crash at the last committed item. */
public class ImportsImplTest {

    private final InMemoryPersistence persistence = new InMemoryPersistence();
    private final Database database = persistence.open(new PersistenceUnit("patents", "db/patentpool/changelog.xml",
            List.of(PooledPatent.class, ImportJob.class, ImportRejection.class)));
    private final FakeIdentityService identity = new FakeIdentityService();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final PatentsImpl patents = new PatentsImpl(database, persistence.transactions(), identity, audit,
            new EventAdmin() {
                @Override
                public void postEvent(Event event) {
                }

                @Override
                public void sendEvent(Event event) {
                }
            }, Clock.systemUTC(), 90, n -> { }, record -> List.of());
    private final String tenant = identity.createTenant("Tencent").id();
    private final AlliancePrincipal member = new AlliancePrincipal("a@tencent.example", tenant,
            Set.of(Roles.MEMBER_ADMIN));
    private final Path directory;
    private final RecordingPluginCalls pluginCalls = new RecordingPluginCalls();
    private final PatentSources sources = new PatentSources(pluginCalls);
    private final ImportsImpl imports;

    public ImportsImplTest() throws Exception {
        directory = Files.createTempDirectory("imports");
        imports = new ImportsImpl(database, patents, sources, identity, persistence.transactions(), audit,
                directory);
    }

    @After
    public void close() throws Exception {
        imports.stop();
        persistence.close();
    }

    private static String csv(int rows, int badRow) {
        StringBuilder csv = new StringBuilder("\"Display Key\",\"Application Date\",\"Title\",\"Applicants\","
                + "\"CPC Classifications\"\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("CN").append(140_000_000 + i).append("B,").append(i == badRow ? "2020-02-30" : "2020-02-01")
                    .append(",Solar panel ").append(i).append(",Import Co,Y02E 10/50\n");
        }
        return csv.toString();
    }

    private ImportView awaitEnd(String id) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            ImportView view = imports.find(id, member).orElseThrow();
            if (view.state().equals("done") || view.state().equals("failed")) {
                return view;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the import did not end");
    }

    private long pooled() {
        return database.readAcrossTenants("test", em -> em.createQuery("select count(p) from PooledPatent p",
                Long.class).getSingleResult());
    }

    @Test
    public void importsInBatchesReportsBrokenRowsAndAReimportChangesNothing() throws Exception {
        byte[] file = csv(450, 7).getBytes(StandardCharsets.UTF_8);
        ImportView done = awaitEnd(imports.start("lens-csv", "a.csv", new ByteArrayInputStream(file), member).id());
        assertEquals(done.toString(), 450, done.itemsRead());
        assertEquals(449, done.imported());
        assertEquals(1, done.rejected());
        assertEquals(8, done.rejections().get(0).item()); // line 8: the header is line 1
        assertEquals(449, pooled());
        ImportView again = awaitEnd(imports.start("lens-csv", "a.csv", new ByteArrayInputStream(file), member).id());
        assertEquals(0, again.imported());
        assertEquals(449, again.unchanged());
        assertEquals(449, pooled());
        try (var left = Files.list(directory)) {
            assertEquals("uploads are deleted when their job ends", 0, left.count());
        }
    }

    @Test
    public void aJobInterruptedByACrashResumesAfterTheLastCommittedItem() throws Exception {
        String id = "00000000-0000-0000-0000-000000000001";
        Files.writeString(directory.resolve(id + ".upload"), csv(450, -1));
        // As a kill leaves it: running, the first 200 items (lines 2-201) committed with their counters.
        persistence.transactions().atomically(() -> database.inTransaction(em -> {
            ImportJob job = new ImportJob(id, tenant, member.username(), "lens-csv", "a.csv", 1, Instant.now());
            job.running();
            job.progress(200, 200, 0, 0, 0, 201);
            em.persist(job);
            return null;
        }));
        imports.resumeUnfinished();
        ImportView done = awaitEnd(id);
        assertEquals(done.toString(), "done", done.state());
        assertEquals(450, done.itemsRead());
        assertEquals(450, done.imported());
        assertEquals("only the items after the last committed one were read again", 250, pooled());
        assertTrue(patents.find("CN140000201B").isPresent());
        assertFalse(patents.find("CN140000199B").isPresent());
    }

    @Test
    public void unreadableFilesUnknownFormatsAndBombsAreRefusedBeforeAJobExists() throws Exception {
        assertEquals(400, assertThrows(ApiException.class, () -> imports.start("lens-csv", null,
                new ByteArrayInputStream(new byte[] {0, 1, 2, 3, (byte) 0xff, 10, 0}), member)).status());
        assertEquals(400, assertThrows(ApiException.class, () -> imports.start("docx", null,
                new ByteArrayInputStream("x".getBytes()), member)).status());
        java.io.ByteArrayOutputStream bomb = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bomb)) {
            gzip.write(new byte[40 << 20]);
        }
        assertEquals(413, assertThrows(ApiException.class, () -> imports.start("lens-csv", null,
                new ByteArrayInputStream(bomb.toByteArray()), member)).status());
        assertEquals(0, imports.recent(member).size());
        try (var left = Files.list(directory)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    public void theExportImportedIntoAnEmptyPoolGivesTheSameRecords() throws Exception {
        String other = identity.createTenant("Baidu").id();
        AlliancePrincipal secretariat = new AlliancePrincipal("admin", null, Set.of(Roles.ALLIANCE_ADMIN));
        List<org.carbonalliance.patentpool.api.PatentData> originals = List.of(
                PatentsImplTest.data("CN150000001B", tenant, "Battery, \"storage\" and more", null),
                PatentsImplTest.data("US15000002B2", other, null, "储能电池调度方法"),
                PatentsImplTest.data("EP1500003B1", tenant, "Heat pump", "热泵"));
        for (var patent : originals) {
            patents.store(patent, patent.member(), new AlliancePrincipal("admin", patent.member(),
                    Set.of(Roles.MEMBER_ADMIN)), false);
        }
        java.io.StringWriter exported = new java.io.StringWriter();
        ExportServlet.write(database, exported);

        InMemoryPersistence empty = new InMemoryPersistence();
        try {
            Database emptyDatabase = empty.open(new PersistenceUnit("patents", "db/patentpool/changelog.xml",
                    List.of(PooledPatent.class, ImportJob.class, ImportRejection.class)));
            PatentsImpl emptyPool = new PatentsImpl(emptyDatabase, empty.transactions(), identity, audit,
                    new EventAdmin() {
                        @Override
                        public void postEvent(Event event) {
                        }

                        @Override
                        public void sendEvent(Event event) {
                        }
                    }, Clock.systemUTC(), 90, n -> { }, record -> List.of());
            ImportsImpl emptyImports = new ImportsImpl(emptyDatabase, emptyPool,
                    new PatentSources(new RecordingPluginCalls()), identity, empty.transactions(), audit,
                    Files.createTempDirectory("imports-empty"));
            try {
                String id = emptyImports.start("lens-csv", "pool.csv", new ByteArrayInputStream(exported.toString()
                        .getBytes(StandardCharsets.UTF_8)), secretariat).id();
                ImportView done = null;
                for (int i = 0; i < 200 && (done == null || !done.state().equals("done")); i++) {
                    Thread.sleep(50);
                    done = emptyImports.find(id, secretariat).orElseThrow();
                }
                assertEquals(done.toString(), 3, done.imported());
                java.io.StringWriter again = new java.io.StringWriter();
                ExportServlet.write(emptyDatabase, again);
                assertEquals(exported.toString(), again.toString());
                assertTrue(exported.toString(), exported.toString().contains("储能电池调度方法"));
            } finally {
                emptyImports.stop();
            }
        } finally {
            empty.close();
        }
    }

    @Test
    public void aPluginReaderThatThrowsAnErrorFailsItsJobInsteadOfLeavingItRunning() throws Exception {
        sources.addSource(new org.carbonalliance.patentpool.api.PatentSource() {
            private final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();

            @Override
            public String format() {
                return "explodes";
            }

            @Override
            public String description() {
                return "reads one record, then fails hard on the second read";
            }

            @Override
            public void read(java.io.InputStream in, Sink sink) {
                if (reads.incrementAndGet() > 1) {
                    throw new StackOverflowError("simulated");
                }
                sink.accept(1, PatentsImplTest.data("CN160000001B", null, "Probe", null));
            }
        });
        ImportView failed = awaitEnd(imports.start("explodes", null, new ByteArrayInputStream("x".getBytes()), member)
                .id());
        assertEquals(failed.toString(), "failed", failed.state());
        assertTrue(failed.message(), failed.message().contains("simulated"));
        assertTrue("the plugin's failure is reported for health", pluginCalls.problems().stream().anyMatch(p ->
                p.startsWith("PatentSource 'explodes'.read of ") && p.contains("StackOverflowError: simulated")));
        try (var left = Files.list(directory)) {
            assertEquals("the upload of a failed job is deleted", 0, left.count());
        }
    }
}
