package org.carbonalliance.patentpool.impl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One item an import did not take, with the reason, for the person who made the file. */
@Entity
@Table(name = "pp_import_rejection")
@IdClass(ImportRejection.Key.class)
public class ImportRejection {

    /** Composite key: the job and the item's number in the file. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String importId;
        private long item;

        static Key of(String importId, long item) {
            Key key = new Key();
            key.importId = importId;
            key.item = item;
            return key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.importId.equals(importId) && k.item == item;
        }

        @Override
        public int hashCode() {
            return importId.hashCode() * 31 + Long.hashCode(item);
        }
    }

    @Id @Column(name = "import_id") private String importId;
    @Id @Column(name = "item") private long item;
    @Column(name = "reason", nullable = false) private String reason;

    protected ImportRejection() {
    }

    ImportRejection(String importId, long item, String reason) {
        this.importId = importId;
        this.item = item;
        this.reason = reason.length() > 1000 ? reason.substring(0, 999) + "…" : reason;
    }

    long item() { return item; }
    String reason() { return reason; }
}
