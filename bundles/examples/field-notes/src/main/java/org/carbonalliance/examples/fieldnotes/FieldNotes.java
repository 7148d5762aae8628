package org.carbonalliance.examples.fieldnotes;

import java.util.List;
import java.util.Optional;

/** The plugin's service: the current tenant's notes. */
public interface FieldNotes {

    FieldNote add(String text, String author);

    /** @return the current tenant's notes, oldest first, at most 500 */
    List<FieldNote> list();

    Optional<FieldNote> find(String id);

    /** @return how many notes all tenants have: an explicit, logged cross-tenant read */
    long countAcrossTenants();
}
