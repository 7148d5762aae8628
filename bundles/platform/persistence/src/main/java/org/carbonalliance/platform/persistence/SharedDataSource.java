package org.carbonalliance.platform.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.LoggerFactory;

/**
 * The pooled DataSource all bundles share, built from the driver's OSGi DataSourceFactory so no driver is loaded by
 * class name. Closing it on deactivation closes the embedded database cleanly.
 */
@Component(service = DataSource.class, configurationPid = "org.carbonalliance.persistence",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = "alliance.datasource=default")
@Designate(ocd = DataSourceConfig.class)
public class SharedDataSource implements DataSource {

    private final HikariDataSource pool;

    @Activate
    public SharedDataSource(BundleContext context, DataSourceConfig config,
            @Reference(target = "(osgi.jdbc.driver.class=org.h2.Driver)", name = "driver") DataSourceFactory driver)
            throws SQLException {
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, resolve(config.url(), context));
        props.setProperty(DataSourceFactory.JDBC_USER, config.user());
        props.setProperty(DataSourceFactory.JDBC_PASSWORD, config.password());
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("alliance");
        hikari.setDataSource(driver.createDataSource(props));
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setMinimumIdle(1);
        pool = new HikariDataSource(hikari);
        LoggerFactory.getLogger(SharedDataSource.class).info("Database ready at {}", props.get(DataSourceFactory.JDBC_URL));
    }

    /** Replaces ${alliance.data} by the framework's data folder. */
    static String resolve(String url, BundleContext context) {
        String data = context.getProperty("alliance.data");
        return url.replace("${alliance.data}", data == null ? "data" : data);
    }

    @Deactivate
    void close() {
        pool.close();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return pool.isWrapperFor(iface);
    }
}
