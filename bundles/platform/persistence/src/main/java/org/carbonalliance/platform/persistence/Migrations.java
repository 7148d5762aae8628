package org.carbonalliance.platform.persistence;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.carbonalliance.platform.api.persistence.PersistenceException;

/** Applies a bundle's Liquibase changelog, read through that bundle's class loader. */
final class Migrations {

    private Migrations() {
    }

    /**
     * @param key identifies the bundle's changelog across restarts (bundle symbolic name and changelog path)
     * @return whether Liquibase ran (false: the changelog is unchanged since it last ran, so it was skipped)
     */
    static boolean apply(DataSource dataSource, ClassLoader bundleLoader, String changelog, String key) {
        String checksum = MigrationState.checksum(bundleLoader, changelog);
        try {
            if (MigrationState.isCurrent(dataSource, key, checksum)) {
                return false;
            }
        } catch (java.sql.SQLException e) {
            throw new PersistenceException("Migration state of " + changelog + " could not be read: " + e.getMessage(),
                    e);
        }
        run(dataSource, bundleLoader, changelog);
        try {
            MigrationState.record(dataSource, key, checksum);
        } catch (java.sql.SQLException e) {
            throw new PersistenceException("Migration state of " + changelog + " could not be recorded: "
                    + e.getMessage(), e);
        }
        return true;
    }

    private static void run(DataSource dataSource, ClassLoader bundleLoader, String changelog) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Liquibase finds its own database and change implementations through the context class loader.
        thread.setContextClassLoader(Liquibase.class.getClassLoader());
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(bundleLoader), database)) {
                // Progress and the update summary go to the log, not to standard output.
                Map<String, Object> scope = Map.of(Scope.Attr.ui.name(), new LoggerUIService(),
                        "liquibase.showSummaryOutput", UpdateSummaryOutputEnum.LOG,
                        "liquibase.command.showSummaryOutput", UpdateSummaryOutputEnum.LOG);
                Scope.child(scope, () -> liquibase.update(new Contexts(), new LabelExpression()));
            }
        } catch (Exception e) {
            throw new PersistenceException("Migration " + changelog + " failed: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
