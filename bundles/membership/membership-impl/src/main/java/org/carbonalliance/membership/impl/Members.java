package org.carbonalliance.membership.impl;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carbonalliance.membership.api.ApplicationForm;
import org.carbonalliance.membership.api.MembershipEvents;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.security.IdentityService;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Admitted members: the directory, suspension, reinstatement and withdrawal (which also lock or unlock the tenant). */
final class Members {

    private final Database database;
    private final IdentityService identity;
    private final AuditLog audit;
    private final EventAdmin events;
    private final Clock clock;

    Members(Database database, IdentityService identity, AuditLog audit, EventAdmin events, Clock clock) {
        this.database = database;
        this.identity = identity;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    Member admit(String tenantId, String applicationId, ApplicationForm form, boolean demo) {
        Member member = new Member(tenantId, applicationId, form, demo, clock.instant());
        database.inTransaction(em -> {
            em.persist(member);
            return null;
        });
        return member;
    }

    /** @return active members, or all of them */
    List<Member> list(boolean includeInactive) {
        return database.read(em -> (includeInactive
                ? em.createQuery("select m from Member m order by m.name", Member.class)
                : em.createQuery("select m from Member m where m.status = 'active' order by m.name", Member.class))
                .getResultList());
    }

    Optional<Member> find(String tenantId) {
        return Optional.ofNullable(database.read(em -> em.find(Member.class, tenantId)));
    }

    void suspend(String tenantId, String reason) {
        change(tenantId, Set.of(Member.Status.ACTIVE), Member.Status.SUSPENDED, reason, MembershipEvents.SUSPENDED);
        identity.setSuspended(tenantId, true, reason);
    }

    void reinstate(String tenantId) {
        change(tenantId, Set.of(Member.Status.SUSPENDED), Member.Status.ACTIVE, null, MembershipEvents.REINSTATED);
        identity.setSuspended(tenantId, false, null);
    }

    void withdraw(String tenantId, String reason) {
        change(tenantId, Set.of(Member.Status.ACTIVE, Member.Status.SUSPENDED), Member.Status.WITHDRAWN, reason,
                MembershipEvents.WITHDRAWN);
        identity.setSuspended(tenantId, true, "withdrawn from the alliance");
    }

    private void change(String tenantId, Set<Member.Status> from, Member.Status to, String reason, String topic) {
        Member.Status before = database.inTransaction(em -> {
            Member member = em.find(Member.class, tenantId);
            if (member == null) {
                throw new Applications.NotFound("There is no member " + tenantId + ".");
            }
            if (!from.contains(member.status())) {
                throw new IllegalStateException("The member is " + member.status().name().toLowerCase()
                        + "; this is not possible now.");
            }
            Member.Status previous = member.status();
            member.setStatus(to, reason);
            return previous;
        });
        String state = to.name().toLowerCase();
        audit.record("membership.member-" + state, tenantId, tenantId,
                Applications.json(Map.of("status", before.name().toLowerCase())),
                Applications.json(Map.of("status", state)));
        Map<String, Object> props = new HashMap<>();
        props.put(MembershipEvents.TENANT_ID, tenantId);
        if (reason != null) {
            props.put(MembershipEvents.REASON, reason);
        }
        events.postEvent(new Event(topic, props));
    }
}
