package org.carbonalliance.platform.api.web;

/**
 * How a REST servlet joins the platform API.
 * <p>
 * Register a servlet (usually a subclass of {@link ApiServlet}) with the servlet whiteboard property
 * {@code osgi.http.whiteboard.context.select = SELECT} and a pattern under your capability, for example
 * {@code /membership/*}; it is then served under {@code /api/membership/*}, behind authentication, the body size limit
 * and the JSON error shape. Add {@link #PUBLIC}{@code =true} to serve it without authentication.
 */
public final class ApiContext {
    /** Name of the servlet context helper that serves {@code /api}. */
    public static final String NAME = "org.carbonalliance.api";
    /** Value for {@code osgi.http.whiteboard.context.select}. */
    public static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";
    /** Path of the API below the server root. */
    public static final String PATH = "/api";
    /** Service property: {@code true} when the servlet's patterns need no authentication. */
    public static final String PUBLIC = "alliance.api.public";
    /** Request attribute holding the authenticated {@link org.carbonalliance.platform.api.security.AlliancePrincipal}. */
    public static final String PRINCIPAL_ATTRIBUTE = "org.carbonalliance.principal";

    private ApiContext() {
    }
}
