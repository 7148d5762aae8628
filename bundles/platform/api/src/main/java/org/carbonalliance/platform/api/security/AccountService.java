package org.carbonalliance.platform.api.security;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks credentials against the platform's account store.
 * <p>
 * Implementations slow down or lock out repeated failures; a locked account answers empty even for the right password.
 */
@ProviderType
public interface AccountService {

    /**
     * @param username      login name
     * @param password      the password as typed
     * @param clientAddress the caller's address, used to throttle guessing
     * @return the principal when the credentials are valid and the account may log in
     */
    Optional<AlliancePrincipal> authenticate(String username, String password, String clientAddress);

    /**
     * Checks an API key, as sent in {@code Authorization: Bearer <key>}. Cheap enough for every request.
     *
     * @param key the key's full text
     * @return the principal of the key's owner when the key is valid, not revoked, and its owner may log in
     */
    Optional<AlliancePrincipal> authenticateKey(String key);
}
