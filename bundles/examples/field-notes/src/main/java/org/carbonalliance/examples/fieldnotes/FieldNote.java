package org.carbonalliance.examples.fieldnotes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.carbonalliance.platform.api.persistence.TenantOwned;

/** A note a member keeps about a site visit. Tenant-owned: the platform fills and filters its tenant. */
@Entity
@Table(name = "ex_field_note")
public class FieldNote extends TenantOwned {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "text", length = 2000, nullable = false)
    private String text;

    @Column(name = "author", length = 320, nullable = false)
    private String author;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected FieldNote() {
    }

    public FieldNote(String text, String author) {
        this.id = UUID.randomUUID().toString();
        this.text = text;
        this.author = author;
        this.createdAt = Instant.now();
    }

    public String getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
