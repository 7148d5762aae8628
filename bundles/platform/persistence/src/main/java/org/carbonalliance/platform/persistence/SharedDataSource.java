package org.carbonalliance.platform.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        props.setProperty(DataSourceFactory.JDBC_URL, resolve(config.url(), context::getProperty));
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

    static final String DEFAULT_URL = "jdbc:h2:file:${alliance.data}/db/alliance;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

    /** The configured URL, else the alliance.db.url framework property, else H2 in data/; with ${name} replaced. */
    static String resolve(String configured, UnaryOperator<String> frameworkProperty) {
        String url = configured;
        if (url == null || url.isBlank()) {
            url = frameworkProperty.apply("alliance.db.url");
        }
        if (url == null || url.isBlank()) {
            url = DEFAULT_URL;
        }
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(url);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = frameworkProperty.apply(m.group(1));
            if (value == null && m.group(1).equals("alliance.data")) {
                value = "data";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Deactivate
    void close() {
        pool.close();
    }

    @Override
    public Connection getConnection() throws SQLException {
        ThreadTransactions.Scope atomic = ThreadTransactions.current();
        return atomic != null ? atomic.connection(pool) : pool.getConnection();
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
