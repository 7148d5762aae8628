package org.carbonalliance.platform.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.carbonalliance.platform.api.health.HealthCheck;
import org.carbonalliance.platform.api.health.HealthResult;
import org.junit.After;
import org.junit.Test;

/** The health checks of a report: at once, within 2 s, a hung one never twice; failures named with their bundle. */
public class HealthChecksTest {

    private final List<String> overdue = new CopyOnWriteArrayList<>();
    private final HealthChecks runner = new HealthChecks(PluginCallsImpl::pluginName,
            (check, what, message) -> overdue.add(what + ": " + message));
    private final CountDownLatch release = new CountDownLatch(1);

    @After
    public void stop() {
        release.countDown();
        runner.stop();
    }

    private static HealthCheck check(String name, java.util.function.Supplier<HealthResult> result) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public HealthResult check() {
                return result.get();
            }
        };
    }

    @Test
    public void aHungCheckCannotHoldTheReportAndIsNotStartedTwice() throws Exception {
        AtomicInteger started = new AtomicInteger();
        HealthCheck hung = check("soil-sensors", () -> {
            started.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HealthResult.up("late");
        });
        HealthCheck quick = check("emission-factors", () -> HealthResult.up("3 factor sources"));
        for (int poll = 0; poll < 2; poll++) {
            long start = System.nanoTime();
            Map<String, HealthResult> results = runner.run(List.of(hung, quick));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue("answered in " + millis + " ms", millis < 3000);
            assertEquals(HealthResult.up("3 factor sources"), results.get("emission-factors"));
            HealthResult soil = results.get("soil-sensors");
            assertEquals(HealthResult.Status.DEGRADED, soil.status());
            assertTrue(soil.message(), soil.message().startsWith("The health check 'soil-sensors' of "
                    + hung.getClass().getName() + " did not answer within 2 s"));
        }
        assertEquals("one copy runs, however often health is asked", 1, started.get());
        assertEquals("reported once per run", List.of("HealthCheck 'soil-sensors'.check: did not answer within 2 s"),
                overdue);

        release.countDown();
        Thread.sleep(200);
        assertEquals(HealthResult.up("late"), runner.run(List.of(hung)).get("soil-sensors"));
        assertEquals("a new run once the old one ended", 2, started.get());
    }

    @Test
    public void aThrowingOrEmptyCheckIsDegradedButTheDatabaseIsDown() {
        HealthCheck database = check("database", () -> {
            throw new IllegalStateException("no connection");
        });
        HealthCheck empty = check("deploy", () -> null);
        HealthCheck broken = check("telemetry-broker", () -> {
            throw new NoClassDefFoundError("io/netty/Channel");
        });
        HealthCheck nameless = new HealthCheck() {
            @Override
            public String name() {
                throw new UnsupportedOperationException("no name");
            }

            @Override
            public HealthResult check() {
                return HealthResult.up("fine");
            }
        };
        Map<String, HealthResult> results = runner.run(List.of(database, empty, broken, nameless));
        assertEquals(HealthResult.Status.DOWN, results.get("database").status());
        assertTrue(results.get("database").message(), results.get("database").message().contains(
                "failed: java.lang.IllegalStateException: no connection"));
        assertEquals(HealthResult.Status.DEGRADED, results.get("deploy").status());
        assertTrue(results.get("deploy").message().endsWith("gave no result."));
        assertEquals("an Error too", HealthResult.Status.DEGRADED, results.get("telemetry-broker").status());
        HealthResult unnamed = results.get(nameless.getClass().getName());
        assertEquals(HealthResult.Status.DEGRADED, unnamed.status());
        assertTrue(unnamed.message(), unnamed.message().startsWith("The health check of "
                + nameless.getClass().getName() + " failed: ") && unnamed.message().contains("no name"));
        assertEquals("failures are reported by the check itself, not as hung", List.of(), overdue);
    }

    @Test
    public void thePluginsCheckNamesAPluginThatFailed() throws Exception {
        PluginCallsImpl calls = new PluginCallsImpl();
        try {
            Object plugin = new Object() {
            };
            calls.recordFailure(plugin, "FactorSource 'soil'.factors", "failed: broken");
            HealthResult plugins = runner.run(List.of(calls)).get("plugins");
            assertEquals(HealthResult.Status.DEGRADED, plugins.status());
            assertTrue(plugins.message(), plugins.message().startsWith(plugin.getClass().getName() + ": 1 failure"));
        } finally {
            calls.stop();
        }
    }

    @Test
    public void aPluginsCheckCannotTakeThePlatformsNameNorTurnHealthDown() {
        HealthCheck platformDatabase = check("database", () -> HealthResult.up("H2"));
        HealthCheck impostor = check("database", () -> {
            throw new IllegalStateException("down, says the plugin");
        });
        HealthChecks named = new HealthChecks(c -> c == impostor ? "org.example.soil 1.0.0"
                : "org.carbonalliance.platform.persistence 0.1.0", (check, what, message) -> { });
        try {
            Map<String, HealthResult> results = named.run(List.of(impostor, platformDatabase));
            assertEquals(HealthResult.Status.UP, results.get("database").status());
            HealthResult plugin = results.get("database (org.example.soil 1.0.0)");
            assertEquals("a plugin's failing check degrades, never downs, the platform", HealthResult.Status.DEGRADED,
                    plugin.status());
        } finally {
            named.stop();
        }
    }
}
