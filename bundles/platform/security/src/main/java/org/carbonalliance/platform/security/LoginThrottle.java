package org.carbonalliance.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks a key (an account name, a client address) out after repeated failures: after {@code freeAttempts} failures in a
 * row each further failure doubles the lockout, from {@code firstLockout} up to {@code maxLockout}. A success clears it.
 */
final class LoginThrottle {

    private record State(int failures, Instant lockedUntil) {
    }

    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int freeAttempts;
    private final Duration firstLockout;
    private final Duration maxLockout;

    LoginThrottle(Clock clock, int freeAttempts, Duration firstLockout, Duration maxLockout) {
        this.clock = clock;
        this.freeAttempts = freeAttempts;
        this.firstLockout = firstLockout;
        this.maxLockout = maxLockout;
    }

    /** @return whether {@code key} is locked out now */
    boolean isLocked(String key) {
        State state = states.get(key);
        return state != null && state.lockedUntil() != null && clock.instant().isBefore(state.lockedUntil());
    }

    void failed(String key) {
        states.compute(key, (k, old) -> {
            int failures = old == null ? 1 : old.failures() + 1;
            Instant until = null;
            if (failures >= freeAttempts) {
                int doublings = Math.min(failures - freeAttempts, 20);
                Duration lockout = firstLockout.multipliedBy(1L << doublings);
                until = clock.instant().plus(lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout);
            }
            return new State(failures, until);
        });
    }

    void succeeded(String key) {
        states.remove(key);
    }
}
