package org.carbonalliance.platform.security;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Creates, lists, revokes and checks API keys. Checked keys are cached by id (hash and owner only), so a request
 * authenticated by key costs a map lookup and one SHA-256.
 */
@Component(service = KeyStore.class)
public class ApiKeys implements KeyStore {

    private record Cached(String username, String secretHash, boolean revoked) {
    }

    private final Database database;
    private final Clock clock;
    private final AuditLog audit;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Activate
    public ApiKeys(@Reference SecurityStore store, @Reference AuditLog audit) {
        this(store.database(), Clock.systemUTC(), audit);
    }

    ApiKeys(Database database, Clock clock, AuditLog audit) {
        this.database = database;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public Created create(String username, String name) {
        ApiKeyToken token = ApiKeyToken.generate();
        ApiKey key = new ApiKey(token.id(), username, name, token.secretHash(), clock.instant());
        database.inTransaction(em -> {
            em.persist(key);
            return null;
        });
        audit.record("identity.key-created", null, key.getId(), null,
                AuditTrail.json("owner", username, "name", name));
        return new Created(key, token.text());
    }

    @Override
    public List<ApiKey> list(String username) {
        return database.read(em -> em.createQuery(
                "select k from ApiKey k where k.username = :u order by k.createdAt", ApiKey.class)
                .setParameter("u", username).getResultList());
    }

    @Override
    public boolean revoke(String username, String id) {
        boolean revoked = database.inTransaction(em -> {
            ApiKey key = em.find(ApiKey.class, id);
            if (key == null || !key.username().equals(username) || key.getRevokedAt() != null) {
                return false;
            }
            key.revoke(clock.instant());
            return true;
        });
        if (revoked) {
            cache.remove(id);
            audit.record("identity.key-revoked", null, id, AuditTrail.json("owner", username), null);
        }
        return revoked;
    }

    /** @return the owner of the key {@code text}, when it is a valid, unrevoked key */
    @Override
    public Optional<String> owner(String text) {
        Optional<ApiKeyToken> token = ApiKeyToken.parse(text);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Cached cached = cache.computeIfAbsent(token.get().id(), this::load);
        if (cached == null || cached.revoked() || !token.get().matches(cached.secretHash())) {
            return Optional.empty();
        }
        return Optional.of(cached.username());
    }

    private Cached load(String id) {
        ApiKey key = database.read(em -> em.find(ApiKey.class, id));
        return key == null ? null : new Cached(key.username(), key.secretHash(), key.getRevokedAt() != null);
    }
}
