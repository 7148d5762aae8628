package org.carbonalliance.membership.impl;

import jakarta.persistence.LockModeType;
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
import org.carbonalliance.platform.api.persistence.Transactions;
import org.carbonalliance.platform.api.security.IdentityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Admitted members; a change of state locks the member's row and locks or unlocks the tenant. */
@Component(service = Members.class)
public class MembersImpl implements Members {

    private final Database database;
    private final IdentityService identity;
    private final Transactions transactions;
    private final AuditLog audit;
    private final EventAdmin events;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public MembersImpl(@Reference MembershipStore store, @Reference Transactions transactions,
            @Reference IdentityService identity, @Reference AuditLog audit, @Reference EventAdmin events) {
        this.database = store.database();
        this.transactions = transactions;
        this.identity = identity;
        this.audit = audit;
        this.events = events;
    }

    @Override
    public Member admit(String tenantId, String applicationId, ApplicationForm form, boolean demo) {
        Member member = new Member(tenantId, applicationId, form, demo, clock.instant());
        database.inTransaction(em -> {
            em.persist(member);
            return null;
        });
        return member;
    }

    @Override
    public List<Member> list(boolean includeInactive) {
        return database.read(em -> (includeInactive
                ? em.createQuery("select m from Member m order by m.name", Member.class)
                : em.createQuery("select m from Member m where m.status = 'active' order by m.name", Member.class))
                .getResultList());
    }

    @Override
    public Optional<Member> find(String tenantId) {
        return Optional.ofNullable(database.read(em -> em.find(Member.class, tenantId)));
    }

    @Override
    public void suspend(String tenantId, String reason) {
        change(tenantId, Set.of(Member.Status.ACTIVE), Member.Status.SUSPENDED, reason, MembershipEvents.SUSPENDED,
                true, reason);
    }

    @Override
    public void reinstate(String tenantId) {
        change(tenantId, Set.of(Member.Status.SUSPENDED), Member.Status.ACTIVE, null, MembershipEvents.REINSTATED,
                false, null);
    }

    @Override
    public void withdraw(String tenantId, String reason) {
        change(tenantId, Set.of(Member.Status.ACTIVE, Member.Status.SUSPENDED), Member.Status.WITHDRAWN, reason,
                MembershipEvents.WITHDRAWN, true, "withdrawn from the alliance");
    }

    /** Moves the member to {@code to} and locks or unlocks its tenant, in one transaction. */
    private void change(String tenantId, Set<Member.Status> from, Member.Status to, String reason, String topic,
            boolean tenantLocked, String lockReason) {
        transactions.atomically(() -> {
            changeState(tenantId, from, to, reason, topic);
            identity.setSuspended(tenantId, tenantLocked, lockReason);
            return null;
        });
    }

    private void changeState(String tenantId, Set<Member.Status> from, Member.Status to, String reason, String topic) {
        Member.Status before = database.inTransaction(em -> {
            Member member = em.find(Member.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
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
        transactions.afterCommit(() -> events.postEvent(new Event(topic, props)));
    }
}
