package org.carbonalliance.platform.security;

/** Passwords verified lately, so Basic authentication does not run PBKDF2 on every request. */
public interface CredentialCache {

    boolean contains(String username, String password);

    void remember(String username, String password);

    /** Forgets every remembered credential; called whenever an account, a role or a tenant's state changes. */
    void clear();
}
