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

/** Stores notes in the plugin's own table; the platform does the tenant filtering. */
@Component(service = FieldNotes.class)
public class FieldNotesStore implements FieldNotes {

    private final Database database;

    @Activate
    public FieldNotesStore(@Reference PersistenceService persistence) {
        database = persistence.open(new PersistenceUnit("field-notes", "db/example-field-notes/changelog.xml",
                List.of(FieldNote.class)));
    }

    @Deactivate
    void close() {
        database.close();
    }

    @Override
    public FieldNote add(String text, String author) {
        return database.inTransaction(em -> {
            FieldNote note = new FieldNote(text, author);
            em.persist(note);
            return note;
        });
    }

    @Override
    public List<FieldNote> list() {
        return database.read(em -> em.createQuery("select n from FieldNote n order by n.createdAt", FieldNote.class)
                .setMaxResults(500).getResultList());
    }

    @Override
    public Optional<FieldNote> find(String id) {
        return database.read(em -> Optional.ofNullable(em.find(FieldNote.class, id)));
    }

    @Override
    public long countAcrossTenants() {
        return database.readAcrossTenants("example: count of all notes",
                em -> em.createQuery("select count(n) from FieldNote n", Long.class).getSingleResult());
    }
}
