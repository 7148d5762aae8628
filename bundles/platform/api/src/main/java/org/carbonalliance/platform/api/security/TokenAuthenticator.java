package org.carbonalliance.platform.api.security;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks bearer tokens that are not API keys, such as device credentials: a capability registers one as a
 * whiteboard service. A request's {@code Authorization: Bearer <token>} whose token starts with {@link #prefix()} is
 * given to this authenticator instead of the account store; what it answers is the request's principal.
 *
 * @since 1.3
 */
@ConsumerType
public interface TokenAuthenticator {

    /** @return the token prefix this authenticator owns, such as {@code dev_}; at least four characters */
    String prefix();

    /**
     * Must be cheap enough for every request: look the token up by an indexed hash.
     *
     * @return the principal the token stands for, or empty when it is unknown or revoked
     */
    Optional<AlliancePrincipal> authenticate(String token);
}
