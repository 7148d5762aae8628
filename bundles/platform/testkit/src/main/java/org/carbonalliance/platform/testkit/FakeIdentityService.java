package org.carbonalliance.platform.testkit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.carbonalliance.platform.api.security.IdentityService;
import org.carbonalliance.platform.api.security.Invitation;
import org.carbonalliance.platform.api.security.Tenant;

/**
 * An {@link IdentityService} in memory with the real one's rules that callers meet: a taken address is refused with
 * {@link IllegalStateException}, an unknown tenant with {@link IllegalArgumentException}. Tokens are predictable.
 */
public final class FakeIdentityService implements IdentityService {

    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final Map<String, String> accounts = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    @Override
    public Tenant createTenant(String name) {
        Tenant tenant = new Tenant("t-" + counter.incrementAndGet(), name, false, now());
        tenants.put(tenant.id(), tenant);
        return tenant;
    }

    @Override
    public Optional<Tenant> tenant(String tenantId) {
        return Optional.ofNullable(tenants.get(tenantId));
    }

    @Override
    public java.util.List<Tenant> tenantsNamed(String name) {
        return tenants.values().stream().filter(t -> t.name().equals(name)).toList();
    }

    @Override
    public Invitation invite(String tenantId, String email, Set<String> roles) {
        if (!tenants.containsKey(tenantId)) {
            throw new IllegalArgumentException("There is no tenant " + tenantId + ".");
        }
        String login = email.strip().toLowerCase(Locale.ROOT);
        if (accounts.putIfAbsent(login, tenantId) != null) {
            throw new IllegalStateException("This address cannot be invited.");
        }
        return new Invitation(login, tenantId, "token-" + counter.incrementAndGet(), now().plus(7, ChronoUnit.DAYS));
    }

    @Override
    public void setSuspended(String tenantId, boolean suspended, String reason) {
        Tenant tenant = tenants.get(tenantId);
        if (tenant == null) {
            throw new IllegalArgumentException("There is no tenant " + tenantId + ".");
        }
        tenants.put(tenantId, new Tenant(tenant.id(), tenant.name(), suspended, tenant.createdAt()));
    }

    /** Gives {@code email} an account in {@code tenantId}, as if invited and activated earlier. */
    public void existingAccount(String email, String tenantId) {
        accounts.put(email.toLowerCase(Locale.ROOT), tenantId);
    }

    /** @return the number of tenants created */
    public int tenantCount() {
        return tenants.size();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
