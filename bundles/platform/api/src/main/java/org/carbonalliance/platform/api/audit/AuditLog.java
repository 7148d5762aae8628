package org.carbonalliance.platform.api.audit;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Records changes of state (failed logins, user and key changes, application decisions, suspensions ...) in an
 * append-only log in which each entry carries the hash of the one before, so that a removed or altered entry is
 * detected by {@link #verify()}.
 */
@ProviderType
public interface AuditLog {

    /**
     * Appends an entry. The actor is the current principal (or {@code anonymous}), the time is now.
     *
     * @param action   what happened, as {@code capability.event}, for example {@code identity.key-created}
     * @param tenantId the tenant concerned, or {@code null} for the alliance itself
     * @param target   what it happened to, for example a key id or an e-mail address
     * @param before   the state before, as JSON text, or {@code null}
     * @param after    the state after, as JSON text, or {@code null}
     */
    void record(String action, String tenantId, String target, String before, String after);

    /** @return the newest {@code limit} entries, newest first */
    List<AuditRecord> recent(int limit);

    /** Recomputes the whole chain. */
    AuditVerification verify();
}
