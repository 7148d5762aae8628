package org.carbonalliance.platform.api.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.Test;

public class RateLimitTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
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
    };

    @Test
    public void limitsPerAddressWithinTheWindow() {
        RateLimit limit = new RateLimit(clock, 2, Duration.ofHours(1));
        assertTrue(limit.tryAcquire("10.0.0.1"));
        assertTrue(limit.tryAcquire("10.0.0.1"));
        assertFalse(limit.tryAcquire("10.0.0.1"));
        assertTrue("other addresses are not affected", limit.tryAcquire("10.0.0.2"));
        now = now.plus(Duration.ofMinutes(61));
        assertTrue("the window slides", limit.tryAcquire("10.0.0.1"));
    }

    @Test
    public void retryAfterIsTheTimeUntilTheOldestSubmissionLeavesTheWindow() {
        RateLimit limit = new RateLimit(clock, 2, Duration.ofHours(1));
        assertEquals(Duration.ZERO, limit.retryAfter("10.0.0.1"));
        limit.tryAcquire("10.0.0.1");
        now = now.plus(Duration.ofMinutes(10));
        limit.tryAcquire("10.0.0.1");
        assertEquals(Duration.ofMinutes(50), limit.retryAfter("10.0.0.1"));
        now = now.plus(Duration.ofMinutes(50));
        assertEquals(Duration.ZERO, limit.retryAfter("10.0.0.1"));
    }
}
