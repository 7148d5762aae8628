package org.carbonalliance.platform.api.persistence;

import java.util.function.Supplier;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Operations of several steps that must commit all or nothing, across persistence units and bundles (for example:
 * approving an application creates a tenant and an invitation in the identity store and a member in membership).
 * <p>
 * Inside {@link #atomically}, every {@link Database#inTransaction} and {@link Database#read} on the same thread, in any
 * unit, runs on one database connection; their commits take effect together when {@code work} returns, and none of
 * them does when it throws. Row locks taken inside (for example {@code LockModeType.PESSIMISTIC_WRITE}) are held until
 * then, which is how "exactly once under concurrency" is had.
 *
 * @since 1.1
 */
@ProviderType
public interface Transactions {

    /**
     * Runs {@code work} as one transaction. A nested call joins the enclosing one.
     *
     * @throws RuntimeException what {@code work} threw, after everything it wrote was rolled back
     */
    <T> T atomically(Supplier<T> work);

    /**
     * Runs {@code action} once the enclosing {@link #atomically} work has committed, and never if it rolls back; at once
     * when no atomic work is open on this thread. For side effects outside the database: events, files, caches.
     */
    void afterCommit(Runnable action);
}
