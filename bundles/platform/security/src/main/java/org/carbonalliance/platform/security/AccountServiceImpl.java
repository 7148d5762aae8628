package org.carbonalliance.platform.security;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.security.AccountService;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logins: the operator's account on first start, password and API-key checks with lockout. Tenants, users, keys and
 * the audit log are components of their own in this bundle.
 */
@Component(service = AccountService.class, configurationPid = "org.carbonalliance.security")
@Designate(ocd = SecurityConfig.class)
public class AccountServiceImpl implements AccountService {

    static final String OPERATOR = "admin";
    /** A hash of a random password with the same cost as real ones, checked for unknown users; made on first need. */
    private static final class Dummy {
        static final String HASH = PasswordHasher.hash(OperatorPassword.random());
    }
    private static final Logger LOG = LoggerFactory.getLogger(AccountServiceImpl.class);

    private final Database database;
    private final LoginThrottle throttle;
    private final CredentialCache verified;
    private final KeyStore apiKeys;
    private final AuditLog audit;
    private final UserDirectory users;

    @Activate
    public AccountServiceImpl(@Reference SecurityStore store, @Reference AuditLog audit,
            @Reference CredentialCache verified, @Reference UserDirectory users, @Reference KeyStore apiKeys,
            BundleContext context, SecurityConfig config) throws Exception {
        Clock clock = Clock.systemUTC();
        this.throttle = new LoginThrottle(clock, config.freeAttempts(), Duration.ofSeconds(config.firstLockoutSeconds()),
                Duration.ofSeconds(config.maxLockoutSeconds()));
        this.database = store.database();
        this.audit = audit;
        this.verified = verified;
        this.users = users;
        this.apiKeys = apiKeys;
        ensureOperator(context);
    }

    private void ensureOperator(BundleContext context) throws Exception {
        if (database.read(em -> em.find(Account.class, OPERATOR)) != null) {
            return;
        }
        String supplied = System.getenv("ALLIANCE_ADMIN_PASSWORD");
        if (supplied == null || supplied.isEmpty()) {
            supplied = context.getProperty("alliance.admin.password");
        }
        String password;
        if (supplied != null && !supplied.isEmpty()) {
            if (supplied.length() < OperatorPassword.MIN_LENGTH) {
                throw new IllegalArgumentException("ALLIANCE_ADMIN_PASSWORD must have at least "
                        + OperatorPassword.MIN_LENGTH + " characters; no operator account was created.");
            }
            password = supplied;
            LOG.info("Operator account '{}' created with the password from ALLIANCE_ADMIN_PASSWORD", OPERATOR);
        } else {
            password = OperatorPassword.random();
            String data = context.getProperty("alliance.data");
            Path file = OperatorPassword.writeForOwner(Path.of(data == null ? "data" : data), password);
            LOG.warn("Operator account '{}' created with a generated password; read it in {} (readable by its "
                    + "owner only). The password itself is never logged.", OPERATOR, file);
        }
        String hash = PasswordHasher.hash(password);
        database.inTransaction(em -> {
            em.persist(new Account(OPERATOR, hash, null, Set.of(Roles.ALLIANCE_ADMIN)));
            return null;
        });
        audit.record("identity.account-created", null, OPERATOR, null,
                AuditTrail.json("roles", List.of(Roles.ALLIANCE_ADMIN)));
    }

    @Override
    public Optional<AlliancePrincipal> authenticate(String username, String password, String clientAddress) {
        if (username == null || password == null || username.isEmpty() || username.length() > 320) {
            return Optional.empty();
        }
        String accountKey = "account:" + username;
        String addressKey = "address:" + clientAddress;
        if (throttle.isLocked(accountKey) || throttle.isLocked(addressKey)) {
            return Optional.empty();
        }
        Account account = database.read(em -> em.find(Account.class, username));
        boolean valid = passwordMatches(account, username, password) && account.enabled() && account.activated()
                && users.active(account.tenantId());
        if (!valid) {
            throttle.failed(accountKey);
            throttle.failed(addressKey);
            audit.record("identity.login-failed", account == null ? null : account.tenantId(), username, null,
                    AuditTrail.json("clientAddress", clientAddress));
            return Optional.empty();
        }
        throttle.succeeded(accountKey);
        throttle.succeeded(addressKey);
        verified.remember(username, password);
        return Optional.of(new AlliancePrincipal(account.username(), account.tenantId(), account.roles()));
    }

    /**
     * Runs one PBKDF2 check whether or not the account exists (or has a password yet), so that the time of a refusal
     * does not tell an unknown user from a wrong password.
     */
    private boolean passwordMatches(Account account, String username, String password) {
        if (account != null && account.passwordHash() != null && verified.contains(username, password)) {
            return true;
        }
        boolean real = account != null && account.passwordHash() != null;
        return PasswordHasher.matches(password, real ? account.passwordHash() : Dummy.HASH) && real;
    }

    @Override
    public Optional<AlliancePrincipal> authenticateKey(String key) {
        return apiKeys.owner(key)
                .map(owner -> database.read(em -> em.find(Account.class, owner)))
                .filter(account -> account.enabled() && users.active(account.tenantId()))
                .map(account -> new AlliancePrincipal(account.username(), account.tenantId(), account.roles()));
    }
}
