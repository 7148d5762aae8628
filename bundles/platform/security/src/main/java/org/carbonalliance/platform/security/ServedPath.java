package org.carbonalliance.platform.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path a request will actually be served at, for every access decision: the container's decoded path with
 * dot-segments resolved and ';' parameters removed (servlet path + path info, relative to the servlet context). Never
 * the raw request URI, in which {@code /members/../../keys} still looks like a path below {@code /members}.
 */
final class ServedPath {

    private ServedPath() {
    }

    static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }
}
