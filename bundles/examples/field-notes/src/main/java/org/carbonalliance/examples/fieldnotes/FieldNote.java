package org.carbonalliance.examples.fieldnotes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A note a member keeps about a site visit. Tenant-owned: other members never see it. */
@Entity
@Table(name = "ex_field_note")
public class FieldNote {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @TenantId
    @Column(name = "tenant_id", length = 64, nullable = false)
    private String tenantId;

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

    public String getTenantId() {
        return tenantId;
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
