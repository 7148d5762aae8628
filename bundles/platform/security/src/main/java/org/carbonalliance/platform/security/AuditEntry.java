package org.carbonalliance.platform.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.carbonalliance.platform.api.audit.AuditRecord;

/** One audit log entry; never updated or deleted by the platform. */
@Entity
@Table(name = "pf_audit")
public class AuditEntry {

    @Id
    @Column(name = "seq")
    private long seq;

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(name = "actor", length = 320, nullable = false)
    private String actor;

    @Column(name = "tenant_id", length = 64)
    private String tenantId;

    @Column(name = "action", length = 100, nullable = false)
    private String action;

    @Column(name = "target", length = 400)
    private String target;

    @Column(name = "before_state", length = 4000)
    private String before;

    @Column(name = "after_state", length = 4000)
    private String after;

    @Column(name = "prev_hash", length = 64, nullable = false)
    private String prevHash;

    @Column(name = "hash", length = 64, nullable = false)
    private String hash;

    protected AuditEntry() {
    }

    AuditEntry(long seq, Instant at, String actor, String tenantId, String action, String target, String before,
            String after, String prevHash) {
        this.seq = seq;
        this.at = at;
        this.actor = actor;
        this.tenantId = tenantId;
        this.action = action;
        this.target = target;
        this.before = before;
        this.after = after;
        this.prevHash = prevHash;
        this.hash = AuditChain.hash(this);
    }

    long seq() {
        return seq;
    }

    String prevHash() {
        return prevHash;
    }

    String hash() {
        return hash;
    }

    AuditRecord toRecord() {
        return new AuditRecord(seq, at, actor, tenantId, action, target, before, after);
    }

    /** The fields the hash covers, in a fixed order with unambiguous separators. */
    String canonical() {
        return String.join("\u001f", Long.toString(seq), at.toString(), actor, String.valueOf(tenantId), action,
                String.valueOf(target), String.valueOf(before), String.valueOf(after), prevHash);
    }
}
