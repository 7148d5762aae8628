package org.carbonalliance.platform.web;

import java.util.Set;

/**
 * Recognises a write that lost a race (an optimistic-lock version conflict, a lock that could not be had, a unique
 * key taken meanwhile) anywhere in an exception's causes, by class name: the web layer does not depend on JPA or
 * Hibernate. Such a request is answered 409, not 500: the client can read again and retry.
 */
final class ConcurrentChange {

    private static final Set<String> NAMES = Set.of("OptimisticLockException", "PessimisticLockException",
            "LockTimeoutException", "StaleObjectStateException", "StaleStateException", "LockAcquisitionException",
            "PessimisticLockingFailureException", "ConstraintViolationException");

    private ConcurrentChange() {
    }

    static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // jakarta.validation's ConstraintViolationException is a client error handled before dispatch, never here.
            if (NAMES.contains(t.getClass().getSimpleName()) && !t.getClass().getName().startsWith("jakarta.validation")) {
                return true;
            }
        }
        return false;
    }
}
