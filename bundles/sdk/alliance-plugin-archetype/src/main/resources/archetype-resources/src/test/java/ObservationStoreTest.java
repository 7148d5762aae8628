package ${package};

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.persistence.InMemoryPersistence;
import org.junit.After;
import org.junit.Test;

/**
 * The store on the platform's own persistence (the test kit: in-memory H2, this plugin's real migration, the same
 * tenant filtering as the server): each member sees only its own observations.
 */
public class ObservationStoreTest {

    private final InMemoryPersistence persistence = new InMemoryPersistence();
    private final ObservationStore store = new ObservationStore(persistence);
    private final AlliancePrincipal memberA = new AlliancePrincipal("a@a.example", "tenant-a", Set.of("member"));
    private final AlliancePrincipal memberB = new AlliancePrincipal("b@b.example", "tenant-b", Set.of("member"));

    @After
    public void close() {
        store.close();
        persistence.close();
    }

    @Test
    public void anObservationIsStoredForTheCallersTenant() {
        Observation added = CurrentPrincipal.supplyAs(memberA, () -> store.add("core 7", new BigDecimal("12.5"),
                LocalDate.of(2026, 5, 1), "a@a.example"));
        assertEquals("tenant-a", added.getTenantId());
        Observation read = CurrentPrincipal.supplyAs(memberA, () -> store.find(added.getId()).orElseThrow());
        assertEquals(0, new BigDecimal("12.5").compareTo(read.getCo2Kg()));
        assertEquals(1, CurrentPrincipal.supplyAs(memberA, () -> store.list(100)).size());
    }

    @Test
    public void anotherMemberNeitherListsNorFindsIt() {
        Observation added = CurrentPrincipal.supplyAs(memberA, () -> store.add("core 7", BigDecimal.ONE,
                LocalDate.of(2026, 5, 1), "a@a.example"));
        assertTrue(CurrentPrincipal.supplyAs(memberB, () -> store.list(100)).isEmpty());
        assertTrue(CurrentPrincipal.supplyAs(memberB, () -> store.find(added.getId())).isEmpty());
    }
}
