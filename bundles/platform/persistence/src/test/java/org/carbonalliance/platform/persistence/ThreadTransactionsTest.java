package org.carbonalliance.platform.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Before;
import org.junit.Test;

/** Several "units" writing on their own connections inside one atomic work: all commit, or none does. */
public class ThreadTransactionsTest {

    private final ThreadTransactions transactions = new ThreadTransactions();
    private final JdbcDataSource pool = new JdbcDataSource();

    @Before
    public void database() throws SQLException {
        pool.setURL("jdbc:h2:mem:tx" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table t (name varchar(20))");
        }
    }

    /** What a persistence unit does: borrow, write, "commit", "close". */
    private void unitWrites(String name) {
        try {
            ThreadTransactions.Scope scope = ThreadTransactions.current();
            Connection c = scope == null ? pool.getConnection() : scope.connection(pool);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("insert into t values ('" + name + "')");
            }
            c.commit();
            c.setAutoCommit(true);
            c.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> rows() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select name from t order by name")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    @Test
    public void everyStepCommitsTogether() throws Exception {
        List<String> after = new ArrayList<>();
        transactions.atomically(() -> {
            unitWrites("tenant");
            unitWrites("member");
            transactions.afterCommit(() -> after.add("event"));
            assertEquals("nothing visible to others before the end", List.of(), uncheckedRows());
            return null;
        });
        assertEquals(List.of("member", "tenant"), rows());
        assertEquals(List.of("event"), after);
        assertNull("the scope is gone", ThreadTransactions.current());
    }

    @Test
    public void aFailingStepLeavesNothingAndNoAfterCommitAction() throws Exception {
        List<String> after = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> transactions.atomically(() -> {
            unitWrites("tenant");
            transactions.afterCommit(() -> after.add("event"));
            throw new IllegalStateException("the invitation failed");
        }));
        assertEquals(List.of(), rows());
        assertEquals(List.of(), after);
    }

    @Test
    public void aStepMarkedFailedRollsBackEvenWhenTheCallerCarriesOn() throws Exception {
        assertThrows(IllegalStateException.class, () -> transactions.atomically(() -> {
            unitWrites("tenant");
            ThreadTransactions.current().markRollbackOnly();
            return null;
        }));
        assertEquals(List.of(), rows());
    }

    @Test
    public void aNestedFailureCaughtByTheOuterWorkStillRollsEverythingBack() throws Exception {
        assertThrows(IllegalStateException.class, () -> transactions.atomically(() -> {
            unitWrites("tenant");
            try {
                transactions.atomically(() -> {
                    unitWrites("member");
                    throw new IllegalArgumentException("the member step failed");
                });
            } catch (IllegalArgumentException e) {
                // the caller carries on regardless
            }
            return null;
        }));
        assertEquals(List.of(), rows());
    }

    @Test
    public void nestedWorkJoinsAndOneConnectionIsShared() throws Exception {
        transactions.atomically(() -> {
            try {
                Connection first = ThreadTransactions.current().connection(pool);
                transactions.atomically(() -> {
                    unitWrites("inner");
                    return null;
                });
                assertSame(first, ThreadTransactions.current().connection(pool));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        assertEquals(List.of("inner"), rows());
    }

    @Test
    public void withoutAtomicWorkAfterCommitRunsAtOnce() {
        List<String> after = new ArrayList<>();
        transactions.afterCommit(() -> after.add("now"));
        assertEquals(List.of("now"), after);
    }

    private List<String> uncheckedRows() {
        try {
            return rows();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
