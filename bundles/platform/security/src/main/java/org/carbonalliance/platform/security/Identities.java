package org.carbonalliance.platform.security;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.Transactions;
import org.carbonalliance.platform.api.security.Invitation;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.security.Tenant;
import org.carbonalliance.platform.api.web.PlainText;
import org.carbonalliance.platform.api.security.Secrets;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.security.IdentityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tenants, invitations, activation and tenant users; every change audited. */
@Component(service = {IdentityService.class, UserDirectory.class}, configurationPid = "org.carbonalliance.security")
public class Identities implements IdentityService, UserDirectory {

    static final Set<String> TENANT_ROLES = Set.of(Roles.MEMBER_ADMIN, Roles.MEMBER_USER, Roles.VERIFIER);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The same answer whichever organisation, if any, the address belongs to: callers learn nothing about others. */
    static final String CANNOT_INVITE = "This address cannot be invited. If the person already uses the platform, "
            + "for your organisation or another, ask them for another address or check your user list.";

    private final Database database;
    private final Clock clock;
    private final AuditLog audit;
    private final Runnable accountsChanged;
    private final Transactions transactions;
    private final Duration activationValidity;
    private final Map<String, Boolean> tenantActive = new ConcurrentHashMap<>();

    @Activate
    public Identities(@Reference SecurityStore store, @Reference Transactions transactions, @Reference AuditLog audit,
            @Reference CredentialCache credentials, SecurityConfig config) {
        this(store.database(), transactions, Clock.systemUTC(), audit, credentials::clear,
                Duration.ofDays(config.activationValidityDays()));
    }

    Identities(Database database, Transactions transactions, Clock clock, AuditLog audit, Runnable accountsChanged,
            Duration activationValidity) {
        this.transactions = transactions;
        this.activationValidity = activationValidity;
        this.database = database;
        this.clock = clock;
        this.audit = audit;
        this.accountsChanged = accountsChanged;
    }

    @Override
    public Tenant createTenant(String name) {
        if (name == null || name.isBlank() || name.length() > 300) {
            throw new IllegalArgumentException("A tenant needs a name of 1 to 300 characters.");
        }
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        TenantEntity tenant = new TenantEntity("t-" + HexFormat.of().formatHex(id), name.strip(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        database.inTransaction(em -> {
            em.persist(tenant);
            return null;
        });
        Tenant created = tenant.toApi();
        audit.record("identity.tenant-created", created.id(), created.id(), null, AuditTrail.json("name", created.name()));
        return created;
    }

    @Override
    public Optional<Tenant> tenant(String id) {
        return Optional.ofNullable(database.read(em -> em.find(TenantEntity.class, id))).map(TenantEntity::toApi);
    }

    @Override
    public java.util.List<Tenant> tenantsNamed(String name) {
        return database.read(em -> em.createQuery(
                "select t from Tenant t where t.name = :name order by t.createdAt, t.id", TenantEntity.class)
                .setParameter("name", name).getResultList()).stream().map(TenantEntity::toApi).toList();
    }

    /** Cached until a suspension changes. */
    @Override
    public boolean active(String tenantId) {
        if (tenantId == null) {
            return true;
        }
        return tenantActive.computeIfAbsent(tenantId, id -> {
            TenantEntity tenant = database.read(em -> em.find(TenantEntity.class, id));
            return tenant != null && !tenant.suspended();
        });
    }

    @Override
    public void setSuspended(String tenantId, boolean suspended, String reason) {
        boolean changed = database.inTransaction(em -> {
            TenantEntity tenant = em.find(TenantEntity.class, tenantId);
            if (tenant == null) {
                throw new IllegalArgumentException("There is no tenant " + tenantId + ".");
            }
            if (tenant.suspended() == suspended) {
                return false;
            }
            tenant.setSuspended(suspended, reason);
            return true;
        });
        // After the commit: a login in between must not cache the old state (inside atomic work, the commit is later).
        transactions.afterCommit(() -> {
            tenantActive.remove(tenantId);
            accountsChanged.run();
        });
        if (changed) {
            audit.record(suspended ? "identity.tenant-suspended" : "identity.tenant-reinstated", tenantId, tenantId,
                    AuditTrail.json("suspended", !suspended), AuditTrail.json("suspended", suspended, "reason", reason));
        }
    }

    static String normaliseEmail(String email) {
        String normal = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (normal.length() > 320 || !EMAIL.matcher(normal).matches() || PlainText.problem(normal, false).isPresent()) {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address.");
        }
        return normal;
    }

    @Override
    public Invitation invite(String tenantId, String email, Set<String> roles) {
        String login = normaliseEmail(email);
        if (roles.isEmpty() || !TENANT_ROLES.containsAll(roles)) {
            throw new IllegalArgumentException("Roles must be one or more of " + TENANT_ROLES + ".");
        }
        if (tenant(tenantId).isEmpty()) {
            throw new IllegalArgumentException("There is no tenant " + tenantId + ".");
        }
        String token = Secrets.randomToken(32);
        Instant expires = clock.instant().plus(activationValidity);
        database.inTransaction(em -> {
            if (em.find(Account.class, login) != null) {
                throw new IllegalStateException(CANNOT_INVITE);
            }
            em.persist(Account.invited(login, tenantId, roles, Secrets.sha256Hex(token), expires));
            return null;
        });
        audit.record("identity.user-invited", tenantId, login, null, AuditTrail.json("roles", roles));
        return new Invitation(login, tenantId, token, expires);
    }

    @Override
    public void activate(String token, String password) {
        String hash = Secrets.sha256Hex(token == null ? "" : token);
        Account account = database.read(em -> em.createQuery(
                "select a from Account a where a.activationTokenHash = :h", Account.class)
                .setParameter("h", hash).getResultList().stream().findFirst().orElse(null));
        if (account == null || !account.activationValid(clock.instant())) {
            throw new IllegalArgumentException("The activation token is unknown, used or expired; ask your "
                    + "organisation's administrator for a new invitation.");
        }
        PasswordPolicy.problem(password, account.username()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        String passwordHash = PasswordHasher.hash(password);
        database.inTransaction(em -> {
            em.find(Account.class, account.username()).activate(passwordHash);
            return null;
        });
        audit.record("identity.user-activated", account.tenantId(), account.username(), null, null);
    }

    @Override
    public List<Account> users(String tenantId) {
        return database.read(em -> em.createQuery(
                "select a from Account a where a.tenantId = :t order by a.username", Account.class)
                .setParameter("t", tenantId).getResultList());
    }

    private static boolean isActiveAdmin(Account account) {
        return account.enabled() && account.activated() && account.roles().contains(Roles.MEMBER_ADMIN);
    }

    private static long otherActiveAdmins(EntityManager em, String tenantId, String email) {
        return em.createQuery("select a from Account a where a.tenantId = :t and a.username <> :u", Account.class)
                .setParameter("t", tenantId).setParameter("u", email).getResultList().stream().filter(Identities::isActiveAdmin).count();
    }

    @Override
    public Optional<Account> update(String tenantId, String email, Set<String> roles, Boolean enabled) {
        if (roles != null && (roles.isEmpty() || !TENANT_ROLES.containsAll(roles))) {
            throw new IllegalArgumentException("Roles must be one or more of " + TENANT_ROLES + ".");
        }
        String[] before = new String[1];
        Optional<Account> updated = database.inTransaction(em -> {
            // The tenant row first, always: concurrent changes of one tenant's users queue up in one order.
            em.find(TenantEntity.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
            Account account = em.find(Account.class, email, LockModeType.PESSIMISTIC_WRITE);
            if (account == null || !tenantId.equals(account.tenantId())) {
                return Optional.<Account>empty();
            }
            before[0] = AuditTrail.json("roles", account.roles(), "enabled", account.enabled());
            boolean staysAdmin = (roles == null || roles.contains(Roles.MEMBER_ADMIN)) && !Boolean.FALSE.equals(enabled);
            if (isActiveAdmin(account) && !staysAdmin && otherActiveAdmins(em, tenantId, email) == 0) {
                throw new IllegalStateException(email + " is the last member-admin of your organisation; make "
                        + "another user member-admin first, or nobody could manage its users.");
            }
            if (roles != null) {
                account.setRoles(roles);
            }
            if (enabled != null) {
                account.setEnabled(enabled);
            }
            return Optional.of(account);
        });
        updated.ifPresent(account -> {
            transactions.afterCommit(accountsChanged);
            audit.record("identity.user-changed", tenantId, email, before[0],
                    AuditTrail.json("roles", account.roles(), "enabled", account.enabled()));
        });
        return updated;
    }

}
