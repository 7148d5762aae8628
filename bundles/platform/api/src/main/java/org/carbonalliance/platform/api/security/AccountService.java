package org.carbonalliance.platform.api.security;

import java.util.Optional;

/**
 * Checks credentials against the platform's account store.
 * <p>
 * Implementations slow down or lock out repeated failures; a locked account answers empty even for the right password.
 */
public interface AccountService {

    /**
     * @param username      login name
     * @param password      the password as typed
     * @param clientAddress the caller's address, used to throttle guessing
     * @return the principal when the credentials are valid and the account may log in
     */
    Optional<AlliancePrincipal> authenticate(String username, String password, String clientAddress);
}
