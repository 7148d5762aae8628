package org.carbonalliance.platform.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.audit.AuditRecord;
import org.carbonalliance.platform.api.audit.AuditVerification;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;

/** An {@link AuditLog} that keeps entries in memory, for assertions on what a component audited. */
public final class RecordingAuditLog implements AuditLog {

    private final List<AuditRecord> records = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void record(String action, String tenantId, String target, String before, String after) {
        String actor = CurrentPrincipal.get().map(AlliancePrincipal::username).orElse("anonymous");
        records.add(new AuditRecord(records.size() + 1, Instant.now(), actor, tenantId, action, target, before, after));
    }

    @Override
    public List<AuditRecord> recent(int limit) {
        List<AuditRecord> newest = new ArrayList<>(records);
        Collections.reverse(newest);
        return newest.subList(0, Math.min(limit, newest.size()));
    }

    @Override
    public AuditVerification verify() {
        throw new UnsupportedOperationException("the recording audit log keeps no hash chain");
    }

    /** @return the actions recorded so far, oldest first */
    public List<String> actions() {
        return records.stream().map(AuditRecord::action).toList();
    }
}
