package org.carbonalliance.examples.fieldnotes;

import java.util.List;
import java.util.Optional;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceService;
import org.carbonalliance.platform.api.persistence.PersistenceUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** The plugin's service: stores and finds notes of the current tenant. The platform does the tenant filtering. */
@Component(service = FieldNotes.class)
public class FieldNotes {

    private final Database database;

    @Activate
    public FieldNotes(@Reference PersistenceService persistence) {
        database = persistence.open(new PersistenceUnit("field-notes", "db/example-field-notes/changelog.xml",
                List.of(FieldNote.class)));
    }

    @Deactivate
    void close() {
        database.close();
    }

    public FieldNote add(String text, String author) {
        return database.inTransaction(em -> {
            FieldNote note = new FieldNote(text, author);
            em.persist(note);
            return note;
        });
    }

    public List<FieldNote> list() {
        return database.read(em -> em.createQuery("select n from FieldNote n order by n.createdAt", FieldNote.class)
                .setMaxResults(500).getResultList());
    }

    public Optional<FieldNote> find(String id) {
        return database.read(em -> Optional.ofNullable(em.find(FieldNote.class, id)));
    }

    public long countAcrossTenants() {
        return database.readAcrossTenants("example: count of all notes",
                em -> em.createQuery("select count(n) from FieldNote n", Long.class).getSingleResult());
    }
}
