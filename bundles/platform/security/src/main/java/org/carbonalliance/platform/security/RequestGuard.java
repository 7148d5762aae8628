package org.carbonalliance.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.Preprocessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before every request, whatever serves it: refuses TRACE, and protects the web console (its built-in pages and
 * ours): frames and foreign scripts are forbidden by headers, and a state-changing request must come from the console's
 * own origin (its Origin, else its Referer, names this server), so another site cannot make the operator's browser
 * install a bundle or change a configuration. Our own console pages also check a CSRF token. Under {@code /api}, a
 * state-changing request from a browser page of another site (its Origin names another host) is refused too, since
 * browsers send cached Basic credentials with it.
 */
@Component(service = Preprocessor.class)
public class RequestGuard implements Preprocessor {

    static final String CONSOLE = "/system/console";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' "
            + "'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String path = ServedPath.of(request);
        if ("TRACE".equals(request.getMethod())) {
            refuseTrace(request, response);
            return;
        }
        if (path.equals(CONSOLE) || path.startsWith(CONSOLE + "/")) {
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "same-origin");
            if (!SAFE_METHODS.contains(request.getMethod()) && !SameOrigin.check(request)) {
                LOG.warn("Refused a cross-site {} to {} (Origin {}, Referer {})", request.getMethod(), path,
                        request.getHeader("Origin"), request.getHeader("Referer"));
                ApiServlet.discardUnreadBody(request);
                response.sendError(403, "Cross-site request refused: changes in the console must be made from the "
                        + "console's own pages.");
                return;
            }
        }
        if (path.startsWith("/api/") && !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader("Origin") != null && !SameOrigin.check(request)) {
            // A browser on another site: it may hold the user's Basic credentials for /api. Scripts and generated
            // clients send no Origin and are not affected.
            LOG.warn("Refused a cross-site {} to {} (Origin {})", request.getMethod(), path, request.getHeader("Origin"));
            ApiServlet.discardUnreadBody(request);
            ApiServlet.writeError(response, 403, "cross-site-request", "Requests from pages of other sites are "
                    + "refused; call the API from a server or script, or from this server's own pages.", List.of());
            return;
        }
        chain.doFilter(request, response);
    }

    /** TRACE would echo the request (credentials included) back to a script: never answered. */
    private static void refuseTrace(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiServlet.discardUnreadBody(request);
        ApiException refusal = new ApiException(405, "method-not-allowed", "TRACE is disabled on this server.",
                List.of(), Map.of("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"));
        if (ServedPath.of(request).startsWith("/api/")) {
            ApiServlet.writeError(response, refusal);
        } else {
            refusal.headers().forEach(response::setHeader);
            response.sendError(405, refusal.getMessage());
        }
    }
}
