package org.carbonalliance.platform.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceService;
import org.carbonalliance.platform.api.persistence.PersistenceUnit;
import org.carbonalliance.platform.api.persistence.Transactions;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The platform's persistence without Felix, for unit tests: an in-memory H2 database, the unit's real Liquibase
 * migrations, Hibernate with the same tenant filtering (the tenant comes from {@code CurrentPrincipal}, so wrap calls
 * in {@code CurrentPrincipal.runAs}), and {@link #transactions()} that spans units as in the server.
 * <pre>
 * InMemoryPersistence persistence = new InMemoryPersistence();
 * Database db = persistence.open(new PersistenceUnit("notes", "db/notes/changelog.xml", List.of(Note.class)));
 * ...
 * persistence.close();
 * </pre>
 */
public final class InMemoryPersistence implements PersistenceService, AutoCloseable {

    private final JdbcDataSource h2 = new JdbcDataSource();
    private final DataSource dataSource = new ScopedDataSource();
    private final ThreadTransactions transactions = new ThreadTransactions();
    private final List<HibernateDatabase> opened = new ArrayList<>();
    private final Connection keepAlive;

    public InMemoryPersistence() {
        h2.setURL("jdbc:h2:mem:testkit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try {
            keepAlive = h2.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("H2 in memory did not start", e);
        }
    }

    /** Opens the unit with the classes' own class loader: the test's class path. */
    @Override
    public Database open(PersistenceUnit unit) {
        ClassLoader loader = unit.entities().isEmpty() ? getClass().getClassLoader()
                : unit.entities().get(0).getClassLoader();
        Migrations.apply(dataSource, loader, unit.changelog(), "test:" + unit.changelog());
        HibernateDatabase database = new HibernateDatabase(unit, loader, dataSource);
        opened.add(database);
        return database;
    }

    /** @return atomic work across every unit opened here, as the server's {@code Transactions} service */
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public void close() {
        opened.forEach(HibernateDatabase::close);
        try {
            keepAlive.close();
        } catch (SQLException e) {
            // the database goes with the JVM anyway
        }
    }

    /** Hands the atomic work's shared connection out, as the server's pooled DataSource does. */
    private final class ScopedDataSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            ThreadTransactions.Scope atomic = ThreadTransactions.current();
            return atomic != null ? atomic.connection(h2) : h2.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // not logged
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // not used
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
