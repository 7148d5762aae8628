package org.carbonalliance.platform.features.plugins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.features.plugins.PluginStaging.Staged;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PluginStagingTest {

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2030-01-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final TestClock clock = new TestClock();
    private Path dir;
    private PluginStaging staging;

    @Before
    public void setUp() {
        dir = folder.getRoot().toPath().resolve("plugin-uploads");
        staging = new PluginStaging(dir, Duration.ofHours(1), clock);
    }

    private static ByteArrayInputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private long files() throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }

    @Test
    public void anUploadIsKeptAsItsIdWithTheKindAsExtensionForAnHour() throws Exception {
        byte[] jar = PluginInspectorTest.jar(PluginInspectorTest.bundle("org.example.a", "1.0.0"), Map.of());
        Staged staged = staging.store(in(jar), 1 << 20);
        assertEquals(dir.resolve(staged.id() + ".jar"), staged.file());
        assertEquals("bundle", staged.kind());
        assertTrue(java.util.Arrays.equals(jar, Files.readAllBytes(staged.file())));
        assertEquals(clock.now.plus(Duration.ofHours(1)), staged.expiresAt());
        assertEquals(staged, staging.find(staged.id()).orElseThrow());

        Staged feature = staging.store(in("{\"id\":\"g:a:1\"}".getBytes(StandardCharsets.UTF_8)), 1 << 20);
        assertEquals(dir.resolve(feature.id() + ".json"), feature.file());

        clock.now = clock.now.plus(Duration.ofMinutes(59));
        assertTrue(staging.find(staged.id()).isPresent());
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertFalse("expired", staging.find(staged.id()).isPresent());
        assertFalse("and deleted", Files.exists(staged.file()));
        staging.clean();
        assertEquals(0, files());
    }

    @Test
    public void idsThatAreNoUuidFindNothing() throws Exception {
        Staged staged = staging.store(in("{}".getBytes(StandardCharsets.UTF_8)), 100);
        for (String id : new String[] {null, "", "..", "../" + staged.id(), staged.id().toUpperCase(),
                staged.id() + ".json", staged.id() + "/..", "%2e%2e"}) {
            assertFalse(String.valueOf(id), staging.find(id).isPresent());
        }
        assertTrue(staging.find(staged.id()).isPresent());
    }

    @Test
    public void refusedUploadsLeaveNothingBehind() throws Exception {
        ApiException neither = assertThrows(ApiException.class,
                () -> staging.store(in("garbage".getBytes(StandardCharsets.UTF_8)), 100));
        assertEquals(400, neither.status());
        byte[] large = new byte[200_000];
        System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, large, 0, 4);
        ApiException tooLarge = assertThrows(ApiException.class, () -> staging.store(in(large), 100_000));
        assertEquals(413, tooLarge.status());
        assertEquals(0, files());
    }

    @Test
    public void onlySoManyUploadsAwaitReview() throws Exception {
        for (int i = 0; i < PluginStaging.MAX_STAGED; i++) {
            staging.store(in("{}".getBytes(StandardCharsets.UTF_8)), 100);
        }
        ApiException full = assertThrows(ApiException.class,
                () -> staging.store(in("{}".getBytes(StandardCharsets.UTF_8)), 100));
        assertEquals(409, full.status());
        clock.now = clock.now.plus(Duration.ofHours(2));
        staging.store(in("{}".getBytes(StandardCharsets.UTF_8)), 100);
        assertEquals("the expired ones were cleaned", 1, files());
    }

    @Test
    public void otherFilesInTheFolderAreLeftAlone() throws Exception {
        Files.createDirectories(dir);
        Path foreign = Files.writeString(dir.resolve("notes.txt"), "x");
        clock.now = clock.now.plus(Duration.ofDays(3));
        staging.clean();
        assertTrue(Files.exists(foreign));
    }

    @Test
    public void theLimitHoldsForUploadsArrivingAtOnce() throws Exception {
        int callers = PluginStaging.MAX_STAGED * 3;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        try {
            for (int round = 0; round < 10; round++) {
                Path roundDir = folder.getRoot().toPath().resolve("round-" + round);
                PluginStaging shared = new PluginStaging(roundDir, Duration.ofHours(1), clock);
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.atomic.AtomicInteger stored = new java.util.concurrent.atomic.AtomicInteger();
                java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    done.add(pool.submit(() -> {
                        start.await();
                        try {
                            shared.store(in("{\"id\":\"g:a:1\"}".getBytes(StandardCharsets.UTF_8)), 100);
                            stored.incrementAndGet();
                        } catch (ApiException e) {
                            assertEquals(409, e.status());
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (java.util.concurrent.Future<?> f : done) {
                    f.get();
                }
                assertEquals("round " + round, PluginStaging.MAX_STAGED, stored.get());
                try (Stream<Path> list = Files.list(roundDir)) {
                    assertEquals(PluginStaging.MAX_STAGED, list.count());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void aFeatureMayBeAMegabyteWhateverTheUploadLimit() throws Exception {
        byte[] json = new byte[PluginInspector.MAX_FEATURE_BYTES + 1];
        java.util.Arrays.fill(json, (byte) ' ');
        json[0] = '{';
        ApiException tooLarge = assertThrows(ApiException.class, () -> staging.store(in(json), 50L << 20));
        assertEquals(413, tooLarge.status());
        assertTrue(tooLarge.getMessage(), tooLarge.getMessage().contains("feature file may be at most"));
        assertEquals(0, files());
        Staged fits = staging.store(in(java.util.Arrays.copyOf(json, PluginInspector.MAX_FEATURE_BYTES)), 50L << 20);
        assertEquals("feature", fits.kind());
        byte[] jar = new byte[PluginInspector.MAX_FEATURE_BYTES * 2];
        System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, jar, 0, 4);
        assertEquals("a jar has the upload limit", "bundle", staging.store(in(jar), 50L << 20).kind());
        ApiException smallLimit = assertThrows(ApiException.class, () -> staging.store(in(json), 1000));
        assertTrue(smallLimit.getMessage(), smallLimit.getMessage().contains("limit of 1000 bytes"));
    }

    @Test
    public void symbolicLinksInTheFolderAreNoUploads() throws Exception {
        Files.createDirectories(dir);
        Path target = Files.writeString(folder.newFile("elsewhere.json").toPath(), "{\"id\":\"g:a:1\"}");
        String id = "0123abcd-0123-4567-89ab-0123456789ab";
        Files.createSymbolicLink(dir.resolve(id + ".json"), target);
        assertFalse(staging.find(id).isPresent());
        assertEquals(0, staging.list().size());
        clock.now = clock.now.plus(Duration.ofDays(30));
        staging.clean();
        assertTrue("neither followed nor deleted", Files.exists(target));
    }
}
