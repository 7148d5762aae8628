package org.carbonalliance.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Whether a request comes from a page of this server: its Origin header (else its Referer) must name the host and
 * port the request was sent to. A request with neither is refused: browsers send Origin with every cross-site post.
 */
final class SameOrigin {

    private SameOrigin() {
    }

    static boolean check(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String source = origin != null ? origin : request.getHeader("Referer");
        // Behind a TLS-terminating proxy the browser's origin is https while this request is http.
        String forwarded = request.getHeader("X-Forwarded-Proto");
        String scheme = forwarded != null ? forwarded.strip() : request.getScheme();
        int port = forwarded != null && request.getHeader("Host") != null && !request.getHeader("Host").contains(":")
                ? -1 : request.getServerPort();
        return source != null && matches(source, scheme, request.getServerName(), port);
    }

    /** @return whether {@code source} (an origin or a URL) has the given host and port */
    static boolean matches(String source, String scheme, String host, int port) {
        URI uri;
        try {
            uri = new URI(source.strip());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            return false;
        }
        return uri.getHost().toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT))
                && effectivePort(uri.getScheme(), uri.getPort()) == effectivePort(scheme, port);
    }

    private static int effectivePort(String scheme, int port) {
        if (port > 0) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
