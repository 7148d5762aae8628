package org.carbonalliance.emissions.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carbonalliance.emissions.api.EmissionFactor;
import org.carbonalliance.emissions.api.FactorSource;
import org.carbonalliance.platform.api.health.HealthResult;
import org.carbonalliance.platform.persistence.InMemoryPersistence;
import org.carbonalliance.platform.testkit.RecordingPluginCalls;
import org.junit.After;
import org.junit.Test;

/** The loader thread calls sources only with limits: one that hangs in id() cannot hold the others. */
public class FactorLibraryTest {

    private final InMemoryPersistence persistence = new InMemoryPersistence();
    private final EmissionsDatabase database = new EmissionsDatabase(persistence);
    private final RecordingPluginCalls calls = new RecordingPluginCalls();
    private final FactorLibrary library = new FactorLibrary(database, calls);
    private final CountDownLatch release = new CountDownLatch(1);

    @After
    public void close() {
        release.countDown();
        library.stop();
        persistence.close();
    }

    private String hang() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "too-late";
    }

    @Test
    public void aSourceThatHangsInItsIdFailsWithinItsLimitAndTheNextOneLoads() {
        FactorSource hanging = new FactorSource() {
            @Override
            public String id() {
                return hang();
            }

            @Override
            public String title() {
                return "never asked";
            }

            @Override
            public List<EmissionFactor> factors() {
                throw new AssertionError("never asked");
            }
        };
        FactorSource untitled = new FactorSource() {
            @Override
            public String id() {
                return "untitled-source";
            }

            @Override
            public String title() {
                throw new IllegalStateException("no title");
            }

            @Override
            public List<EmissionFactor> factors() {
                return List.of();
            }
        };
        long start = System.nanoTime();
        library.addSource(hanging);
        library.addSource(untitled);
        library.awaitLoaded();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertTrue("loaded in " + seconds + " s", seconds < 10);

        Map<String, FactorLibrary.SourceStatus> sources = library.sources().stream()
                .collect(Collectors.toMap(FactorLibrary.SourceStatus::id, Function.identity()));
        FactorLibrary.SourceStatus failed = sources.values().stream().filter(s -> s.id().startsWith("invalid-"))
                .findFirst().orElseThrow();
        assertEquals("failed", failed.state());
        assertTrue(failed.message(), failed.message().startsWith("did not tell its id within 5 s"));
        assertEquals("active", sources.get("untitled-source").state());
        assertEquals("the id stands in for a title that failed", "untitled-source",
                sources.get("untitled-source").title());
        HealthResult health = library.check();
        assertEquals(HealthResult.Status.DEGRADED, health.status());
        assertEquals(calls.problems().toString(), 2, calls.problems().size());

        library.removeSource(hanging);
        library.awaitLoaded();
        assertEquals("removed", library.sources().stream().filter(s -> s.id().equals(failed.id())).findFirst()
                .orElseThrow().state());
    }
}
