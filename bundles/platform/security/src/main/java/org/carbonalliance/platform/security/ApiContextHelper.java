package org.carbonalliance.platform.security;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carbonalliance.platform.api.security.AccountService;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.security.TokenAuthenticator;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.context.ServletContextHelper;

/**
 * The servlet context behind {@code /api}: every request is authenticated here, before any REST servlet runs. Servlets
 * registered with {@code alliance.api.public=true} may be reached without credentials.
 */
@Component(service = ServletContextHelper.class, property = {
        "osgi.http.whiteboard.context.name=" + ApiContext.NAME,
        "osgi.http.whiteboard.context.path=" + ApiContext.PATH })
public class ApiContextHelper extends ServletContextHelper {

    private static final String PATTERN = "osgi.http.whiteboard.servlet.pattern";

    private final PublicPatterns publicPatterns = new PublicPatterns();

    /** Optional so that /api/health still answers while the account store (the database) is down. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AccountService accounts;

    /** Bearer tokens that are not API keys (device credentials), by the prefix each authenticator owns. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<TokenAuthenticator> tokenAuthenticators = List.of();

    /** Every servlet of the API context, public or not, so the most specific pattern decides (see PublicPatterns). */
    @Reference(service = Servlet.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addServlet(Map<String, Object> properties) {
        if (inApiContext(properties)) {
            publicPatterns.add(PublicPatterns.of(properties.get(PATTERN)), isPublic(properties));
        }
    }

    void removeServlet(Map<String, Object> properties) {
        if (inApiContext(properties)) {
            publicPatterns.remove(PublicPatterns.of(properties.get(PATTERN)), isPublic(properties));
        }
    }

    private static boolean inApiContext(Map<String, Object> properties) {
        return ApiContext.SELECT.equals(String.valueOf(properties.get("osgi.http.whiteboard.context.select")));
    }

    private static boolean isPublic(Map<String, Object> properties) {
        return "true".equals(String.valueOf(properties.get(ApiContext.PUBLIC)));
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String header = request.getHeader("Authorization");
        AccountService accounts = this.accounts;
        if (header != null && accounts == null) {
            ApiServlet.writeError(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "unavailable",
                    "Logins are unavailable while the account store starts or its database is down; see /api/health.",
                    List.of());
            return false;
        }
        if (header != null) {
            Optional<AlliancePrincipal> principal = header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? bearer(header.substring(7).trim(), accounts)
                    : BasicCredentials.parse(header)
                            .flatMap(c -> accounts.authenticate(c.username(), c.password(), request.getRemoteAddr()));
            if (principal.isPresent()) {
                request.setAttribute(ApiContext.PRINCIPAL_ATTRIBUTE, principal.get());
                return true;
            }
            return refuse(request, response, "The credentials or API key were not accepted (an account is locked for "
                    + "a while after repeated failures; a revoked key stays refused).");
        }
        if (publicPatterns.matches(ServedPath.of(request))) {
            return true;
        }
        return refuse(request, response,
                "Log in: send HTTP Basic credentials or an API key (Authorization: Bearer <key>).");
    }

    /** A token another authenticator owns (by its prefix) goes there; anything else is an API key. */
    private Optional<AlliancePrincipal> bearer(String token, AccountService accounts) {
        for (TokenAuthenticator authenticator : tokenAuthenticators) {
            String prefix = authenticator.prefix();
            if (prefix != null && prefix.length() >= 4 && token.startsWith(prefix)) {
                try {
                    return authenticator.authenticate(token).filter(p -> p.tenantId() != null
                            && p.roles().equals(java.util.Set.of(Roles.DEVICE)));
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return accounts.authenticateKey(token);
    }

    private static boolean refuse(HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException {
        ApiServlet.discardUnreadBody(request);
        response.setHeader("WWW-Authenticate", "Basic realm=\"Carbon Alliance API\", charset=\"UTF-8\"");
        ApiServlet.writeError(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", message, List.of());
        return false;
    }
}
