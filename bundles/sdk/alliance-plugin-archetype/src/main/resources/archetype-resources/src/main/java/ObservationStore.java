package ${package};

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceService;
import org.carbonalliance.platform.api.persistence.PersistenceUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The plugin's table, through the platform's persistence: its migration (src/main/resources/db/...) runs when the
 * plugin starts, and every read and write is the calling member's own.
 */
@Component(service = ObservationStore.class)
public class ObservationStore {

    static final String CHANGELOG = "db/${artifactId}/changelog.xml";

    private final Database database;

    @Activate
    public ObservationStore(@Reference PersistenceService persistence) {
        database = persistence.open(new PersistenceUnit("${artifactId}", CHANGELOG, List.of(Observation.class)));
    }

    @Deactivate
    void close() {
        database.close();
    }

    public Observation add(String sample, BigDecimal co2Kg, LocalDate measuredOn, String recordedBy) {
        return database.inTransaction(em -> {
            Observation observation = new Observation(sample, co2Kg, measuredOn, recordedBy);
            em.persist(observation);
            return observation;
        });
    }

    /** @return the calling member's observations, newest measurement first, at most {@code limit} */
    public List<Observation> list(int limit) {
        return database.read(em -> em.createQuery(
                "select o from Observation o order by o.measuredOn desc, o.createdAt desc", Observation.class)
                .setMaxResults(limit).getResultList());
    }

    public Optional<Observation> find(String id) {
        return database.read(em -> Optional.ofNullable(em.find(Observation.class, id)));
    }
}
