package org.carbonalliance.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.felix.webconsole.spi.SecurityProvider;
import org.carbonalliance.platform.api.security.AccountService;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Web console login against the platform's accounts; only alliance-admins get in. The distribution names this provider
 * as required ({@code felix.webconsole.security.providers=alliance}), so the console's built-in admin/admin never applies.
 */
@Component(property = SecurityProvider.PROPERTY_ID + "=alliance")
public class ConsoleSecurityProvider implements SecurityProvider {

    private final AccountService accounts;

    @Activate
    public ConsoleSecurityProvider(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        AlliancePrincipal principal = BasicCredentials.parse(request.getHeader("Authorization"))
                .flatMap(c -> accounts.authenticate(c.username(), c.password(), request.getRemoteAddr()))
                .filter(p -> p.hasRole(Roles.ALLIANCE_ADMIN))
                .orElse(null);
        if (principal == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Carbon Alliance console\", charset=\"UTF-8\"");
            try {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Log in as an alliance operator.");
            } catch (IOException e) {
                // the client went away; nothing to tell it
            }
        }
        return principal;
    }

    @Override
    public boolean authorize(Object user, String role) {
        return user instanceof AlliancePrincipal principal && principal.hasRole(Roles.ALLIANCE_ADMIN);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        // Basic authentication keeps no server-side session.
    }
}
