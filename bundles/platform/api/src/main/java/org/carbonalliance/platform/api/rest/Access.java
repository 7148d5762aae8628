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
    public static final Access PUBLIC = new Access(List.of(), false, false);

    /** Any logged-in person: a user with a password or an API key (not a device, see {@link #allows}). */
    public static final Access AUTHENTICATED = new Access(List.of(), true, false);

    /**
     * A logged-in person of a member organisation (a caller with a tenant). For operations on a member's own,
     * tenant-owned data: an operator account belongs to no member, so it gets 403 with a message saying so, rather
     * than an empty list. Operators read members' data only where an operation reads across tenants on purpose.
     *
     * @since 1.2
     */
    public static final Access MEMBER = new Access(List.of(), true, true);

    private final List<String> roles;
    private final boolean login;
    private final boolean member;

    private Access(List<String> roles, boolean login, boolean member) {
        this.roles = roles;
        this.login = login;
        this.member = member;
    }

    /** Logged-in callers with at least one of {@code roles} (see {@code Roles}). */
    public static Access anyRole(String... roles) {
        if (roles.length == 0) {
            throw new IllegalArgumentException("name at least one role");
        }
        return new Access(List.of(roles), true, false);
    }

    public boolean isPublic() {
        return !login;
    }

    /** @return whether the caller must belong to a member organisation ({@link #MEMBER}) */
    public boolean needsMember() {
        return member;
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
        return other instanceof Access a && a.login == login && a.member == member && a.roles.equals(roles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roles, login, member);
    }

    @Override
    public String toString() {
        return isPublic() ? "public" : member ? "member" : roles.isEmpty() ? "logged in"
                : "role " + String.join(" or ", roles);
    }
}
