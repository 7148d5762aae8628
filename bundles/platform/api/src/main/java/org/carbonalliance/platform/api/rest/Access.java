package org.carbonalliance.platform.api.rest;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who may call an operation. Enforced by the platform before the handler runs: an anonymous caller of a protected
 * operation gets 401, a logged-in caller without the role 403.
 */
public final class Access {

    /** Anyone, without logging in. */
    public static final Access PUBLIC = new Access(List.of(), false);

    /** Any logged-in person: a user with a password or an API key (not a device, see {@link #allows}). */
    public static final Access AUTHENTICATED = new Access(List.of(), true);

    private final List<String> roles;
    private final boolean login;

    private Access(List<String> roles, boolean login) {
        this.roles = roles;
        this.login = login;
    }

    /** Logged-in callers with at least one of {@code roles} (see {@code Roles}). */
    public static Access anyRole(String... roles) {
        if (roles.length == 0) {
            throw new IllegalArgumentException("name at least one role");
        }
        return new Access(List.of(roles), true);
    }

    public boolean isPublic() {
        return !login;
    }

    /** @return the roles of which the caller needs one; empty when any logged-in caller (or anyone) may call */
    public List<String> roles() {
        return roles;
    }

    /**
     * @return whether a caller with {@code callerRoles} passes (ignoring whether it is logged in). A device (role
     *         {@code device} and no other) passes only operations that name that role: never {@link #AUTHENTICATED}
     *         ones, which are for people
     */
    public boolean allows(Set<String> callerRoles) {
        if (roles.isEmpty()) {
            return !login || !callerRoles.equals(Set.of(DEVICE));
        }
        return roles.stream().anyMatch(callerRoles::contains);
    }

    private static final String DEVICE = "device";

    @Override
    public boolean equals(Object other) {
        return other instanceof Access a && a.login == login && a.roles.equals(roles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roles, login);
    }

    @Override
    public String toString() {
        return isPublic() ? "public" : roles.isEmpty() ? "logged in" : "role " + String.join(" or ", roles);
    }
}
