package org.carbonalliance.itest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** A tenant-owned entity that lives in the test bundle (the Pax Exam probe), not in the platform. */
@Entity
@Table(name = "it_probe_note")
public class ProbeNote {

    @Id
    private Long id;

    @TenantId
    @Column(name = "tenant_id")
    private String tenantId;

    private String text;

    protected ProbeNote() {
    }

    public ProbeNote(long id, String text) {
        this.id = id;
        this.text = text;
    }

    public Long getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getText() {
        return text;
    }
}
