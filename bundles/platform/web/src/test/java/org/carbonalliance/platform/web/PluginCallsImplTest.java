package org.carbonalliance.platform.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.carbonalliance.platform.api.health.HealthResult;
import org.carbonalliance.platform.api.plugin.PluginCallException;
import org.carbonalliance.platform.api.plugin.PluginCalls;
import org.junit.After;
import org.junit.Test;

/** Plugin calls without OSGi: a plugin is named by its class; time-outs, failures, refusals and the health check. */
public class PluginCallsImplTest {

    private static final Duration SHORT = Duration.ofMillis(100);

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        final AtomicLong millis = new AtomicLong(Instant.parse("2030-01-01T00:00:00Z").toEpochMilli());

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
            return Instant.ofEpochMilli(millis.get());
        }
    }

    /** Plugins: one class each, as if from a bundle each. */
    private static final class SoilCheck {
    }

    private static final class HungPolicy {
    }

    private final TestClock clock = new TestClock();
    private final PluginCallsImpl calls = new PluginCallsImpl(clock);
    private final CountDownLatch release = new CountDownLatch(1);

    @After
    public void stop() {
        release.countDown();
        calls.stop();
    }

    /** Waits for the latch, ignoring interrupts: a hostile plugin. Counts the interrupts it ignored. */
    private String hang(CountDownLatch interrupted) {
        while (true) {
            try {
                if (release.await(10, TimeUnit.SECONDS)) {
                    return "late";
                }
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        }
    }

    @Test
    public void anAnswerComesBackOnAPlatformThread() throws Exception {
        String thread = calls.call(new SoilCheck(), "OnboardingCheck 'soil'.check", SHORT.multipliedBy(10),
                () -> Thread.currentThread().getName());
        assertTrue(thread, thread.startsWith("plugin-call-"));
        assertEquals("UP", calls.check().status().name());
        assertEquals("No plugin call failed or timed out in the last 15 minutes.", calls.check().message());
    }

    @Test
    public void aFailureIsRecordedAgainstThePluginAndNamedInHealth() {
        SoilCheck plugin = new SoilCheck();
        PluginCallException failed = assertThrows(PluginCallException.class, () -> calls.call(plugin,
                "OnboardingCheck 'soil'.check", SHORT.multipliedBy(10), () -> {
                    throw new IllegalStateException("no soil data");
                }));
        assertEquals(PluginCallException.Kind.FAILED, failed.kind());
        assertEquals(SoilCheck.class.getName(), failed.plugin());
        assertEquals("OnboardingCheck 'soil'.check of " + SoilCheck.class.getName()
                + " failed: java.lang.IllegalStateException: no soil data", failed.getMessage());
        assertTrue(failed.getCause() instanceof IllegalStateException);

        PluginCallException error = assertThrows(PluginCallException.class, () -> calls.call(plugin,
                "OnboardingCheck 'soil'.check", SHORT.multipliedBy(10), () -> {
                    throw new StackOverflowError("deep");
                }));
        assertEquals("an Error is a failure too", PluginCallException.Kind.FAILED, error.kind());

        HealthResult health = calls.check();
        assertEquals(HealthResult.Status.DEGRADED, health.status());
        assertTrue(health.message(), health.message().startsWith(SoilCheck.class.getName()
                + ": 2 failures in the last 15 minutes (OnboardingCheck 'soil'.check); 0 calls still running past "
                + "their limit; last: OnboardingCheck 'soil'.check of "));
        assertTrue(health.message(), health.message().endsWith("java.lang.StackOverflowError: deep"));
        assertEquals("plugins", calls.name());
    }

    @Test
    public void aHangingCallTimesOutIsInterruptedAndCountsUntilItEnds() throws Exception {
        HungPolicy plugin = new HungPolicy();
        CountDownLatch interrupted = new CountDownLatch(1);
        long start = System.nanoTime();
        PluginCallException late = assertThrows(PluginCallException.class, () -> calls.call(plugin,
                "LicencePolicy 'slow'.evaluate", SHORT, () -> hang(interrupted)));
        assertTrue("waited no longer than the limit (and a little)",
                System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
        assertEquals(PluginCallException.Kind.TIMED_OUT, late.kind());
        assertEquals("LicencePolicy 'slow'.evaluate of " + HungPolicy.class.getName()
                + " did not answer within 100 ms", late.getMessage());
        assertTrue("the call was interrupted", interrupted.await(5, TimeUnit.SECONDS));
        assertEquals(1, calls.overdue(plugin));
        String message = calls.check().message();
        assertTrue(message, message.contains("1 time-out in the last 15 minutes (LicencePolicy 'slow'.evaluate); 1 "
                + "call still running past its limit; last: LicencePolicy 'slow'.evaluate of "
                + HungPolicy.class.getName() + " did not answer within 100 ms"));

        release.countDown();
        for (int i = 0; i < 100 && calls.overdue(plugin) > 0; i++) {
            Thread.sleep(20);
        }
        assertEquals("the count goes down when the call finally ends", 0, calls.overdue(plugin));
        assertTrue(calls.check().message().contains("0 calls still running past their limit"));
    }

    @Test
    public void aPluginWithFourCallsHangingIsRefusedAtOnceWithoutAnotherThread() throws Exception {
        HungPolicy plugin = new HungPolicy();
        CountDownLatch interrupted = new CountDownLatch(PluginCalls.MAX_OVERDUE_CALLS);
        for (int i = 0; i < PluginCalls.MAX_OVERDUE_CALLS; i++) {
            assertEquals(PluginCallException.Kind.TIMED_OUT, assertThrows(PluginCallException.class,
                    () -> calls.call(plugin, "LicencePolicy 'slow'.evaluate", SHORT, () -> hang(interrupted)))
                    .kind());
        }
        assertEquals(PluginCalls.MAX_OVERDUE_CALLS, calls.overdue(plugin));
        long threadsBefore = pluginThreads();
        AtomicBoolean ran = new AtomicBoolean();
        long start = System.nanoTime();
        PluginCallException refused = assertThrows(PluginCallException.class, () -> calls.call(plugin,
                "LicencePolicy 'slow'.evaluate", Duration.ofSeconds(30), () -> ran.getAndSet(true)));
        assertTrue("refused at once", System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
        assertEquals(PluginCallException.Kind.HUNG, refused.kind());
        assertTrue(refused.getMessage(), refused.getMessage().contains("was not called: 4 earlier calls to this "
                + "plugin are still running past their time limit"));
        assertFalse("the plugin code was not run", ran.get());
        assertEquals("no thread was started for it", threadsBefore, pluginThreads());
        assertTrue(calls.check().message(), calls.check().message().contains("4 time-outs, 1 call refused as hung"));

        assertEquals("another plugin is called as usual", "ok", calls.call(new SoilCheck(), "OnboardingCheck "
                + "'soil'.check", SHORT.multipliedBy(10), () -> "ok"));
        assertEquals("a quick getter falls back", "fallback", calls.callOr(plugin, "LicencePolicy.name", SHORT,
                () -> "slow", "fallback"));

        release.countDown();
        for (int i = 0; i < 100 && calls.overdue(plugin) > 0; i++) {
            Thread.sleep(20);
        }
        assertEquals(0, calls.overdue(plugin));
        assertEquals("called again once its calls ended", Boolean.FALSE, calls.call(plugin,
                "LicencePolicy 'slow'.evaluate", SHORT.multipliedBy(10), () -> ran.getAndSet(true)));
    }

    private static long pluginThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("plugin-call-"))
                .count();
    }

    @Test
    public void problemsAreForgottenAfterFifteenMinutesAndTheHealthIsUpAgain() throws Exception {
        SoilCheck plugin = new SoilCheck();
        calls.recordFailure(plugin, "PatentSource 'soil'.read", "gave nothing for 10 minutes and was abandoned");
        HealthResult degraded = calls.check();
        assertEquals(HealthResult.Status.DEGRADED, degraded.status());
        assertTrue(degraded.message(), degraded.message().contains("1 failure in the last 15 minutes "
                + "(PatentSource 'soil'.read)") && degraded.message().contains("gave nothing for 10 minutes"));
        assertEquals(1, calls.remembered());

        clock.millis.addAndGet(Duration.ofMinutes(14).toMillis());
        assertEquals(HealthResult.Status.DEGRADED, calls.check().status());
        clock.millis.addAndGet(Duration.ofMinutes(2).toMillis());
        assertEquals(HealthResult.Status.UP, calls.check().status());
        assertEquals("nothing is kept about it", 0, calls.remembered());
        assertSame("answers still come back", plugin, calls.call(plugin, "x", SHORT.multipliedBy(10), () -> plugin));
    }

    @Test
    public void limitsAreSaidAsPeopleSayThem() {
        assertEquals("5 s", PluginCallsImpl.describe(Duration.ofSeconds(5)));
        assertEquals("1500 ms", PluginCallsImpl.describe(Duration.ofMillis(1500)));
        assertEquals("10 min", PluginCallsImpl.describe(Duration.ofMinutes(10)));
        assertThrows(IllegalArgumentException.class, () -> calls.call(new SoilCheck(), "x", Duration.ZERO, () -> 1));
    }
}
