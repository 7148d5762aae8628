package org.carbonalliance.platform.security;

import org.apache.felix.service.command.Descriptor;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.audit.AuditVerification;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo command {@code audit:verify}: recomputes the audit log's hash chain. */
@Component(service = Object.class, property = {"osgi.command.scope=audit", "osgi.command.function=verify"})
public class AuditCommands {

    private final AuditLog audit;

    @Activate
    public AuditCommands(@Reference AuditLog audit) {
        this.audit = audit;
    }

    @Descriptor("recomputes the audit log's hash chain and reports the first entry that does not match")
    public String verify() {
        AuditVerification result = audit.verify();
        return result.intact() ? "Audit chain intact: " + result.entries() + " entries."
                : "Audit chain BROKEN at entry " + result.firstBrokenSeq() + " (" + result.entries()
                        + " entries before it verify).";
    }
}
