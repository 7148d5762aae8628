package org.carbonalliance.membership.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.carbonalliance.membership.api.ApplicationForm;
import org.carbonalliance.membership.api.ApplicationState;
import org.carbonalliance.membership.api.Finding;
import org.carbonalliance.membership.api.MembershipEvents;
import org.carbonalliance.membership.api.OnboardingCheck;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.PersistenceService;
import org.carbonalliance.platform.api.persistence.PersistenceUnit;
import org.carbonalliance.platform.api.persistence.Transactions;
import org.carbonalliance.platform.api.plugin.PluginCallException;
import org.carbonalliance.platform.api.plugin.PluginCalls;
import org.carbonalliance.platform.api.plugin.PluginNames;
import org.carbonalliance.platform.api.security.IdentityService;
import org.carbonalliance.platform.api.security.Invitation;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.security.Tenant;
import org.carbonalliance.platform.api.security.Secrets;
import org.carbonalliance.platform.api.web.JsonText;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The application workflow, with the onboarding checks of every bundle that registers one. */
@Component(service = Applications.class)
public class ApplicationsImpl implements Applications {

    private static final Set<ApplicationState> OPEN_FOR_DECISION = Set.of(ApplicationState.SUBMITTED,
            ApplicationState.UNDER_REVIEW);
    /** How long an onboarding check may take (documented on {@link OnboardingCheck}). */
    static final Duration CHECK_LIMIT = Duration.ofSeconds(5);

    private final Database database;
    private final Transactions transactions;
    private final IdentityService identity;
    private final AuditLog audit;
    private final EventAdmin events;
    private final Clock clock = Clock.systemUTC();
    private final List<OnboardingCheck> checks = new CopyOnWriteArrayList<>();
    /** The names the checks gave, each asked once. */
    private final PluginNames<OnboardingCheck> names;
    private final Members members;
    private final PluginCalls calls;

    @Activate
    public ApplicationsImpl(@Reference MembershipStore store, @Reference Members members,
            @Reference Transactions transactions, @Reference IdentityService identity, @Reference AuditLog audit,
            @Reference EventAdmin events, @Reference PluginCalls calls) {
        this.database = store.database();
        this.members = members;
        this.transactions = transactions;
        this.identity = identity;
        this.audit = audit;
        this.events = events;
        this.calls = calls;
        this.names = new PluginNames<>(calls, "OnboardingCheck", OnboardingCheck::name,
                ApplicationsImpl::className, checks::contains);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCheck(OnboardingCheck check) {
        checks.add(check);
    }

    void removeCheck(OnboardingCheck check) {
        checks.remove(check);
        names.forget(check);
    }

    @Override
    public Submitted submit(ApplicationForm form) {
        String token = Secrets.randomToken(24);
        String id = UUID.randomUUID().toString();
        Application application = new Application(id, form, Secrets.sha256Hex(token), findings(form, id),
                clock.instant());
        database.inTransaction(em -> {
            em.persist(application);
            return null;
        });
        audit.record("membership.application-submitted", null, id, null,
                Applications.json(Map.of("organisation", form.organisationName(), "registrationNumber", form.registrationNumber())));
        return new Submitted(application, token);
    }

    @Override
    public Optional<Application> find(String id) {
        return Optional.ofNullable(database.read(em -> em.find(Application.class, id)));
    }

    @Override
    public List<Application> list(ApplicationState state, int offset, int limit) {
        return database.read(em -> (state == null
                ? em.createQuery("select a from Application a order by a.submittedAt desc", Application.class)
                : em.createQuery("select a from Application a where a.state = :s order by a.submittedAt desc",
                        Application.class).setParameter("s", state.wire()))
                .setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    /**
     * Creates the tenant, the member and the contact's invitation and records the decision, all in one transaction:
     * nothing of it stays when a step fails, and of concurrent approvals of one application exactly one succeeds (the
     * application row is locked first; the others then find it approved).
     *
     * @param demo marks the member as demo data in the directory
     * @throws IllegalStateException when the application is not open for a decision, or the contact's e-mail already
     *                               has an account (the message says so: the reviewer may ask for another contact)
     */
    @Override
    public Invitation approve(String id, boolean demo) {
        Invitation invitation;
        try {
            invitation = transactions.atomically(() -> {
                Application application = lockOpen(id, OPEN_FOR_DECISION);
                ApplicationForm form = application.form();
                Tenant tenant = identity.createTenant(form.organisationName());
                Invitation invited;
                try {
                    invited = identity.invite(tenant.id(), form.contactEmail(), Set.of(Roles.MEMBER_ADMIN));
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("The contact e-mail " + form.contactEmail() + " already has an "
                            + "account, so it cannot become this member's administrator. Ask the applicant for another "
                            + "contact address (request information), then approve again.");
                }
                members.admit(tenant.id(), id, form, demo);
                decide(id, OPEN_FOR_DECISION, ApplicationState.APPROVED, null, tenant.id());
                return invited;
            });
        } catch (PessimisticLockException | LockTimeoutException e) {
            throw new IllegalStateException("Another decision on this application is being saved; reload it and try "
                    + "again.");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("This application cannot be approved as it stands (" + e.getMessage()
                    + "); ask the applicant to correct it (request information).");
        } catch (jakarta.persistence.PersistenceException e) {
            throw new IllegalStateException("Something this approval needs changed at the same time (for example the "
                    + "contact address was taken by another approval); nothing was saved. Reload and try again.");
        }
        String organisation = find(id).map(a -> a.form().organisationName()).orElse("");
        events.postEvent(new Event(MembershipEvents.APPROVED, Map.of(MembershipEvents.APPLICATION_ID, id,
                MembershipEvents.TENANT_ID, invitation.tenantId(), MembershipEvents.ORGANISATION, organisation)));
        return invitation;
    }

    /** Locks the application's row until the enclosing atomic work ends, then checks its state. */
    private Application lockOpen(String id, Set<ApplicationState> allowed) {
        Application application = database.inTransaction(em -> em.find(Application.class, id,
                LockModeType.PESSIMISTIC_WRITE));
        if (application == null) {
            throw new NotFound("There is no application " + id + ".");
        }
        return checkState(application, allowed);
    }

    /** A reviewer takes up a submitted application. */
    @Override
    public void startReview(String id) {
        decide(id, Set.of(ApplicationState.SUBMITTED), ApplicationState.UNDER_REVIEW, null, null);
    }

    @Override
    public void reject(String id, String reason) {
        decide(id, Set.of(ApplicationState.SUBMITTED, ApplicationState.UNDER_REVIEW,
                ApplicationState.INFORMATION_REQUESTED), ApplicationState.REJECTED, reason, null);
        events.postEvent(new Event(MembershipEvents.REJECTED, Map.of(MembershipEvents.APPLICATION_ID, id)));
    }

    @Override
    public void requestInformation(String id, String questions) {
        decide(id, OPEN_FOR_DECISION, ApplicationState.INFORMATION_REQUESTED, questions, null);
    }

    /** The applicant answers a request for information with a revised form. */
    @Override
    public void resubmit(String id, ApplicationForm form) {
        open(id, Set.of(ApplicationState.INFORMATION_REQUESTED));
        String findings = findings(form, id);
        database.inTransaction(em -> {
            checkState(em.find(Application.class, id, LockModeType.PESSIMISTIC_WRITE),
                    Set.of(ApplicationState.INFORMATION_REQUESTED)).replaceForm(form, findings, clock.instant());
            return null;
        });
        audit.record("membership.application-resubmitted", null, id, null, null);
    }

    @Override
    public void withdraw(String id) {
        decide(id, Set.of(ApplicationState.SUBMITTED, ApplicationState.UNDER_REVIEW,
                ApplicationState.INFORMATION_REQUESTED), ApplicationState.WITHDRAWN, null, null);
    }

    private Application open(String id, Set<ApplicationState> allowed) {
        return checkState(find(id).orElseThrow(() -> new NotFound("There is no application " + id + ".")), allowed);
    }

    private static Application checkState(Application application, Set<ApplicationState> allowed) {
        if (!allowed.contains(application.state())) {
            throw new IllegalStateException("The application is " + application.state().wire() + "; this is possible "
                    + "only when it is " + allowed.stream().map(ApplicationState::wire).sorted().toList() + ".");
        }
        return application;
    }

    /**
     * Moves the application from one of the {@code allowed} states to {@code state}: the row is locked and its state
     * checked in the same transaction, so of two decisions racing, the second sees the first's outcome.
     */
    private void decide(String id, Set<ApplicationState> allowed, ApplicationState state, String note,
            String tenantId) {
        String before = database.inTransaction(em -> {
            Application application = em.find(Application.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (application == null) {
                throw new NotFound("There is no application " + id + ".");
            }
            String previous = checkState(application, allowed).state().wire();
            application.decide(state, note, clock.instant());
            if (tenantId != null) {
                application.setTenantId(tenantId);
            }
            return previous;
        });
        audit.record("membership.application-" + state.wire(), tenantId, id, Applications.json(Map.of("state", before)),
                Applications.json(note == null ? Map.of("state", state.wire()) : Map.of("state", state.wire(), "note", note)));
    }

    /**
     * Runs the duplicate check and every registered check, each through {@link PluginCalls} with its limit; a check
     * that fails or does not finish in time becomes a warning finding under its name, never an error.
     */
    private String findings(ApplicationForm form, String ownId) {
        List<Finding> found = new ArrayList<>(duplicates(form, ownId));
        for (OnboardingCheck check : checks) {
            String name = names.of(check);
            try {
                List<Finding> findings = calls.call(check, "OnboardingCheck '" + name + "'.check", CHECK_LIMIT,
                        () -> check.check(form));
                if (findings != null) {
                    findings.stream().filter(Objects::nonNull).forEach(found::add);
                }
            } catch (PluginCallException e) {
                // Recorded and logged with its cause by PluginCalls; the reviewer gets what to know.
                found.add(Finding.warning(name, switch (e.kind()) {
                    case TIMED_OUT -> "This check did not finish within " + CHECK_LIMIT.toSeconds() + " s; the "
                            + "application was accepted without its result.";
                    case HUNG -> "This check was not run: it did not finish on earlier applications (it seems to "
                            + "hang; see /api/health, check 'plugins').";
                    case FAILED -> "This check failed to run (" + clip(String.valueOf(e.getCause()), 200) + "); "
                            + "the server log has the details.";
                }));
            }
        }
        return Applications.json(found);
    }

    /** @return the class's simple name (its full name for an anonymous class): a check that gives no name */
    private static String className(OnboardingCheck check) {
        String simple = check.getClass().getSimpleName();
        return simple.isEmpty() ? check.getClass().getName() : simple;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }

    private List<Finding> duplicates(ApplicationForm form, String ownId) {
        long same = database.read(em -> em.createQuery("select count(a) from Application a where a.id <> :id and "
                + "(lower(a.organisationName) = :name or (a.registrationNumber = :reg and a.country = :country)) "
                + "and a.state <> 'withdrawn'", Long.class)
                .setParameter("id", ownId).setParameter("name", form.organisationName().toLowerCase())
                .setParameter("reg", form.registrationNumber()).setParameter("country", form.country())
                .getSingleResult());
        return List.of(same == 0 ? Finding.pass("duplicates", "No other application names this organisation.")
                : Finding.fail("duplicates", same + " other application(s) have this organisation name or "
                        + "registration number."));
    }
}
