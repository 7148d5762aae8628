package org.carbonalliance.membership.impl;

import java.util.List;
import java.util.Optional;
import org.carbonalliance.membership.api.ApplicationForm;

/** Admitted members: the directory, suspension, reinstatement and withdrawal (which also lock or unlock the tenant). */
public interface Members {

    /** Stores the member of an approved application; part of the approval's transaction. */
    Member admit(String tenantId, String applicationId, ApplicationForm form, boolean demo);

    /** @return active members, or all of them */
    List<Member> list(boolean includeInactive);

    Optional<Member> find(String tenantId);

    void suspend(String tenantId, String reason);

    void reinstate(String tenantId);

    void withdraw(String tenantId, String reason);
}
