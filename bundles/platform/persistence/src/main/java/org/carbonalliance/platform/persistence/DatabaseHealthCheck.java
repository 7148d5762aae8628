package org.carbonalliance.platform.persistence;

import java.sql.Connection;
import javax.sql.DataSource;
import org.carbonalliance.platform.api.health.HealthCheck;
import org.carbonalliance.platform.api.health.HealthResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reports whether the shared database answers. */
@Component
public class DatabaseHealthCheck implements HealthCheck {

    private final DataSource dataSource;

    @Activate
    public DatabaseHealthCheck(@Reference(target = "(alliance.datasource=default)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthResult check() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? HealthResult.up(connection.getMetaData().getDatabaseProductName())
                    : HealthResult.down("The database did not answer within 2 s.");
        } catch (Exception e) {
            return HealthResult.down("No connection: " + e.getMessage());
        }
    }
}
