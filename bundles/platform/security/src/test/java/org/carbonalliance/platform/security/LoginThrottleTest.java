package org.carbonalliance.platform.security;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.Test;

public class LoginThrottleTest {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofSeconds(10), Duration.ofSeconds(60));

    @Test
    public void locksAfterFreeAttemptsAndUnlocksLater() {
        throttle.failed("k");
        throttle.failed("k");
        assertFalse(throttle.isLocked("k"));
        throttle.failed("k");
        assertTrue(throttle.isLocked("k"));
        clock.now = clock.now.plusSeconds(11);
        assertFalse(throttle.isLocked("k"));
    }

    @Test
    public void lockoutDoublesUpToTheMaximum() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("k");
        }
        clock.now = clock.now.plusSeconds(15);
        assertTrue("second lockout lasts 20 s", throttle.isLocked("k"));
        for (int i = 0; i < 20; i++) {
            throttle.failed("k");
        }
        clock.now = clock.now.plusSeconds(61);
        assertFalse("never longer than the maximum", throttle.isLocked("k"));
    }

    @Test
    public void successClearsAndKeysAreIndependent() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("a");
        }
        assertFalse(throttle.isLocked("b"));
        throttle.succeeded("a");
        assertFalse(throttle.isLocked("a"));
    }
}
