package org.carbonalliance.emissions.impl;

import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.security.Roles;

/**
 * Who may do what in emissions. Members' users enter data; their member-admin decides (profile, submission,
 * publication, corrections, verifier grants, targets); verifiers act only on what a grant opens to them. Operators
 * (alliance-admins) see the roll-up and, on the console, reports awaiting verification; inventories are the
 * members' own, so the member endpoints answer operators 403.
 */
final class EmissionsAccess {

    static final Access MEMBERS = Access.anyRole(Roles.MEMBER_ADMIN, Roles.MEMBER_USER);
    static final Access MEMBER_ADMIN = Access.anyRole(Roles.MEMBER_ADMIN);
    static final Access READERS = Access.anyRole(Roles.MEMBER_ADMIN, Roles.MEMBER_USER, Roles.VERIFIER);
    static final Access VERIFIER = Access.anyRole(Roles.VERIFIER);

    private EmissionsAccess() {
    }
}
