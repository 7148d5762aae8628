package org.carbonalliance.platform.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.carbonalliance.platform.api.persistence.PersistenceException;
import org.carbonalliance.platform.api.persistence.Transactions;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Atomic work across persistence units: while it runs, {@link SharedDataSource} (the one pool every unit of every
 * bundle uses) hands every session on this thread the same connection, whose commit, rollback and close are deferred
 * to the end of the work.
 */
@Component
public class ThreadTransactions implements Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadTransactions.class);
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();
    /**
     * What a session may do to its connection without ending the shared transaction (a rollback to a savepoint still
     * goes through).
     */
    private static final Set<String> DEFERRED = Set.of("commit", "rollback", "close", "setAutoCommit", "setReadOnly");

    /** The open atomic work of this thread, if any. */
    static Scope current() {
        return CURRENT.get();
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
        Scope outer = CURRENT.get();
        if (outer != null) {
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                outer.markRollbackOnly(); // even if the outer work catches this and carries on
                throw e;
            }
        }
        Scope scope = new Scope();
        CURRENT.set(scope);
        T result;
        try {
            result = work.get();
            if (scope.rollbackOnly) {
                throw new IllegalStateException("A step of this operation failed; nothing of it was written.");
            }
            scope.commit();
        } finally {
            CURRENT.remove();
            scope.end();
        }
        scope.afterCommit.forEach(ThreadTransactions::runQuietly);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        Scope scope = CURRENT.get();
        if (scope == null) {
            action.run();
        } else {
            scope.afterCommit.add(action);
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.error("An action after commit failed; the committed data stays", e);
        }
    }

    /** One atomic unit of work: its real connection (borrowed on first use) and what waits for its commit. */
    static final class Scope {
        private Connection real;
        private Connection shared;
        private boolean rollbackOnly;
        private boolean committed;
        private final List<Runnable> afterCommit = new ArrayList<>();

        /** A step failed: the whole work rolls back even if the caller carries on. */
        void markRollbackOnly() {
            rollbackOnly = true;
        }

        /** @param pool where the real connection comes from on first use */
        Connection connection(DataSource pool) throws SQLException {
            if (shared == null) {
                real = pool.getConnection();
                real.setAutoCommit(false);
                shared = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, deferring(real));
            }
            return shared;
        }

        private void commit() {
            if (real != null) {
                try {
                    real.commit();
                    committed = true;
                } catch (SQLException e) {
                    throw new PersistenceException("The transaction could not be committed: " + e.getMessage(), e);
                }
            }
        }

        /** Rolls back unless committed (whatever was thrown, checked or not), then returns the connection. */
        private void end() {
            if (real == null) {
                return;
            }
            try {
                if (!committed) {
                    real.rollback();
                }
            } catch (SQLException e) {
                LOG.warn("Rolling back failed: {}", e.getMessage());
            } finally {
                try {
                    real.close(); // the pool resets auto-commit and discards a connection in doubt
                } catch (SQLException e) {
                    LOG.warn("Returning a connection to the pool failed: {}", e.getMessage());
                }
            }
        }
    }

    private static InvocationHandler deferring(Connection real) {
        return (proxy, method, args) -> {
            String name = method.getName();
            boolean noArguments = args == null || args.length == 0;
            if (DEFERRED.contains(name) && (noArguments || !name.equals("rollback"))) {
                return null;
            }
            if (name.equals("getAutoCommit")) {
                return false;
            }
            if (name.equals("isClosed")) {
                return real.isClosed();
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
