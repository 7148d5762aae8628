package org.carbonalliance.telemetry.impl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Deletes a tenant's raw readings older than a cutoff, but only readings whose day rollup exists: rollups are written
 * in the same transaction as the readings, so this never drops a reading the rollups have not absorbed, even if that
 * rule were broken by a failed migration or a hand-made insert.
 */
public final class Retention {

    private Retention() {
    }

    /** @return how many raw readings were deleted */
    public static int purge(Connection c, String tenant, long cutoff) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from tm_reading where tenant_id = ? and ts < ? "
                + "and exists (select 1 from tm_rollup u where u.device_id = tm_reading.device_id and u.metric = "
                + "tm_reading.metric and u.resolution = 'day' and u.tenant_id = tm_reading.tenant_id and u.bucket = "
                + "tm_reading.ts - mod(tm_reading.ts, 86400000))")) {
            delete.setString(1, tenant);
            delete.setLong(2, cutoff);
            return delete.executeUpdate();
        }
    }
}
