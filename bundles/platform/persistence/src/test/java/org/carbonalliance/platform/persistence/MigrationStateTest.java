package org.carbonalliance.platform.persistence;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Test;

public class MigrationStateTest {

    /** Serves one changelog text under any name. */
    private static ClassLoader serving(String text) {
        return new ClassLoader(null) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    @Test
    public void anUnchangedChangelogIsCurrentAndAChangedOneIsNot() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:state" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        String v1 = MigrationState.checksum(serving("<databaseChangeLog><changeSet id='1'/></databaseChangeLog>"), "x");
        String v2 = MigrationState.checksum(serving("<databaseChangeLog><changeSet id='1'/><changeSet id='2'/>"
                + "</databaseChangeLog>"), "x");
        assertNotNull(v1);
        assertFalse("never migrated", MigrationState.isCurrent(db, "bundle:x", v1));
        MigrationState.record(db, "bundle:x", v1);
        assertTrue(MigrationState.isCurrent(db, "bundle:x", v1));
        assertFalse("a new change set must run", MigrationState.isCurrent(db, "bundle:x", v2));
        assertFalse("another bundle's changelog of the same name is its own", MigrationState.isCurrent(db, "other:x",
                v1));
        MigrationState.record(db, "bundle:x", v2);
        assertTrue(MigrationState.isCurrent(db, "bundle:x", v2));
    }

    @Test
    public void changelogsThatIncludeOthersAreAlwaysRun() {
        assertNull(MigrationState.checksum(serving("<databaseChangeLog><include file='a.xml'/></databaseChangeLog>"),
                "x"));
    }
}
