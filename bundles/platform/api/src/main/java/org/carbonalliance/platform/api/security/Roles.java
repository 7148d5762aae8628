package org.carbonalliance.platform.api.security;

/** The role names the platform knows. */
public final class Roles {
    /** The alliance secretariat: runs the server, reviews applications, administers through the web console. */
    public static final String ALLIANCE_ADMIN = "alliance-admin";
    /** Manages the users and keys of one member tenant. */
    public static final String MEMBER_ADMIN = "member-admin";
    /** An ordinary user of a member tenant. */
    public static final String MEMBER_USER = "member-user";
    /** Reviews submitted emission reports. */
    public static final String VERIFIER = "verifier";
    /**
     * A device sending readings with its own credential (see {@link TokenAuthenticator}); never a person's role.
     *
     * @since 1.3
     */
    public static final String DEVICE = "device";

    private Roles() {
    }
}
