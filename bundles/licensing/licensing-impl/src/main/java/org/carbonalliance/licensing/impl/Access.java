package org.carbonalliance.licensing.impl;

import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.security.Secrets;

/**
 * Who may read a request or a licence, decided in one place: requests and licences span tenants (a licensee and the
 * licensor members), so they are not tenant-filtered rows. The secretariat reads all; a licensee its own; a licensor
 * the licences of its patents; a non-member its own, with the request's status token.
 */
final class Access {

    private Access() {
    }

    static boolean secretariat(AlliancePrincipal caller) {
        return caller != null && caller.tenantId() == null && caller.hasRole(Roles.ALLIANCE_ADMIN);
    }

    static boolean mayRead(LicenceRequest r, AlliancePrincipal caller, String token) {
        if (secretariat(caller)) {
            return true;
        }
        if (caller != null && caller.tenantId() != null) {
            return caller.tenantId().equals(r.licenseeTenant());
        }
        return token != null && r.statusTokenHash() != null && Secrets.matches(token, r.statusTokenHash());
    }

    static boolean isLicensee(Licence l, AlliancePrincipal caller) {
        return caller != null && caller.tenantId() != null && caller.tenantId().equals(l.licenseeTenant());
    }

    /** @param request the licence's request, when a token is given (a non-member licensee) */
    static boolean mayRead(Licence l, AlliancePrincipal caller, LicenceRequest request, String token) {
        if (secretariat(caller) || isLicensee(l, caller)) {
            return true;
        }
        if (caller != null && caller.tenantId() != null) {
            return l.licensors().contains(caller.tenantId());
        }
        return request != null && request.licenseeTenant() == null && mayRead(request, null, token);
    }
}
