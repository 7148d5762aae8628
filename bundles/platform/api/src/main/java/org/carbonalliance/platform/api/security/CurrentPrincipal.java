package org.carbonalliance.platform.api.security;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The principal of the request being served on this thread.
 * <p>
 * The platform's web layer binds it after authentication; the persistence layer reads the tenant from it. Code that works
 * for a principal outside a request (a scheduled job, a Gogo command) binds one itself with {@link #runAs}.
 */
public final class CurrentPrincipal {

    private static final ThreadLocal<AlliancePrincipal> CURRENT = new ThreadLocal<>();

    private CurrentPrincipal() {
    }

    /** @return the principal bound to this thread, if any */
    public static Optional<AlliancePrincipal> get() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** @return the tenant of the bound principal, or {@code null} when there is none or it acts for the alliance */
    public static String tenantId() {
        AlliancePrincipal principal = CURRENT.get();
        return principal == null ? null : principal.tenantId();
    }

    /**
     * Runs {@code work} with {@code principal} bound, restoring whatever was bound before.
     */
    public static <T> T runAs(AlliancePrincipal principal, Callable<T> work) throws Exception {
        return bound(principal, work::call);
    }

    /**
     * {@link #runAs} for work that throws no checked exception.
     *
     * @since 1.2
     */
    public static <T> T supplyAs(AlliancePrincipal principal, Supplier<T> work) {
        return bound(principal, work::get);
    }

    /** Work that may throw what its caller declares. */
    private interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private static <T, E extends Exception> T bound(AlliancePrincipal principal, Work<T, E> work) throws E {
        AlliancePrincipal previous = CURRENT.get();
        CURRENT.set(principal);
        try {
            return work.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
