package org.carbonalliance.platform.persistence;

import static org.junit.Assert.assertEquals;

import java.util.Map;
import org.junit.Test;

public class SharedDataSourceTest {

    @Test
    public void configuredUrlWinsAndVariablesAreReplaced() {
        Map<String, String> props = Map.of("alliance.data", "/srv/alliance/data", "alliance.db.url", "jdbc:h2:mem:x");
        assertEquals("jdbc:h2:file:/srv/alliance/data/db/a",
                SharedDataSource.resolve("jdbc:h2:file:${alliance.data}/db/a", props::get));
    }

    @Test
    public void emptyConfigurationUsesTheFrameworkProperty() {
        Map<String, String> props = Map.of("alliance.db.url", "jdbc:postgresql://db/alliance");
        assertEquals("jdbc:postgresql://db/alliance", SharedDataSource.resolve("", props::get));
    }

    @Test
    public void nothingSetMeansH2InData() {
        assertEquals("jdbc:h2:file:/d/db/alliance;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                SharedDataSource.resolve("", Map.of("alliance.data", "/d")::get));
        assertEquals("jdbc:h2:file:data/db/alliance;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                SharedDataSource.resolve(null, name -> null));
    }
}
