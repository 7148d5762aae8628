package org.carbonalliance.telemetry.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.security.TokenAuthenticator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Device tokens ({@code Authorization: Bearer dev_...}) become a principal with the device's tenant and the role
 * {@code device}, named {@code device:<id>}. Tokens are looked up by their SHA-256; a hit is remembered for a few
 * seconds (a token revoked or rotated on this server is forgotten at once; another server sharing the database
 * stops accepting it within {@link #REMEMBER}).
 */
@Component(service = { TokenAuthenticator.class, DeviceAuthenticator.class })
public class DeviceAuthenticator implements TokenAuthenticator {

    static final Duration REMEMBER = Duration.ofSeconds(5);

    /** A token's device, and until when the answer may be reused. */
    private record Known(String device, String tenant, Instant until) {
    }

    private final Database database;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    @Activate
    public DeviceAuthenticator(@Reference TelemetryDatabase telemetry) {
        this.database = telemetry.database();
    }

    @Override
    public String prefix() {
        return Tokens.PREFIX;
    }

    @Override
    public Optional<AlliancePrincipal> authenticate(String token) {
        String hash = Tokens.hash(token);
        Known k = known.get(hash);
        if (k == null || k.until().isBefore(clock.instant())) {
            Device d = database.readAcrossTenants("telemetry: device token check", em -> em.createQuery(
                    "select d from Device d where d.tokenHash = :h", Device.class).setParameter("h", hash)
                    .getResultStream().findFirst().orElse(null));
            if (d == null) {
                known.remove(hash);
                return Optional.empty();
            }
            k = new Known(d.id, d.tenantId, clock.instant().plus(REMEMBER));
            known.put(hash, k);
        }
        return Optional.of(new AlliancePrincipal("device:" + k.device(), k.tenant(), Set.of(Roles.DEVICE)));
    }

    /** Forgets a token's answer at once (after it was revoked or replaced). */
    void forget(String tokenHash) {
        if (tokenHash != null) {
            known.remove(tokenHash);
        }
    }
}
