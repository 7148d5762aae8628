package org.carbonalliance.platform.api.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} actions per client address within a sliding {@code window}: for public operations anyone may
 * call (an application, a licence request). Answer a refusal with {@link ApiException#tooManyRequests} and
 * {@link #retryAfter}.
 *
 * @since 2.1
 */
public final class RateLimit {

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public RateLimit(Clock clock, int limit, Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** @return how long until {@code address} may submit again: zero when it may now */
    public Duration retryAfter(String address) {
        Deque<Instant> times = recent.get(address);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            if (times.size() < limit || times.isEmpty()) {
                return Duration.ZERO;
            }
            Duration wait = Duration.between(clock.instant(), times.peekFirst().plus(window));
            return wait.isNegative() ? Duration.ZERO : wait;
        }
    }

    /** @return whether one more submission from {@code address} is allowed now; counts it when it is */
    public boolean tryAcquire(String address) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
