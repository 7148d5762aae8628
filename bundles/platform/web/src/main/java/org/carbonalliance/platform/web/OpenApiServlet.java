package org.carbonalliance.platform.web;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.carbonalliance.platform.api.web.OpenApiContributor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** {@code GET /api/openapi.json}: the OpenAPI 3 document of every endpoint registered right now. */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/openapi.json",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT,
        ApiContext.PUBLIC + "=true" })
public class OpenApiServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    private final transient BundleContext context;
    private final transient List<OpenApiContributor> contributors = new CopyOnWriteArrayList<>();

    @Activate
    public OpenApiServlet(BundleContext context) {
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContributor(OpenApiContributor contributor) {
        contributors.add(contributor);
    }

    void removeContributor(OpenApiContributor contributor) {
        contributors.remove(contributor);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        writeJson(resp, 200, document());
    }

    Map<String, Object> document() {
        // Not a contributor service itself: DS would have to bind the component to its own service, a cycle.
        Map<String, Object> paths = new TreeMap<>(ownPaths());
        Map<String, Object> schemas = new TreeMap<>(ErrorSchema.schemas());
        for (OpenApiContributor contributor : contributors) {
            paths.putAll(contributor.openApiPaths());
            schemas.putAll(contributor.openApiSchemas());
        }
        String version = context.getProperty("alliance.version");
        return Map.of(
                "openapi", "3.0.3",
                "info", Map.of("title", "Carbon Alliance Platform API",
                        "version", version == null ? context.getBundle().getVersion().toString() : version,
                        "description", "Errors always have the shape {\"error\": {\"code\", \"message\", \"details\"}}."),
                "components", Map.of("schemas", schemas, "securitySchemes", Map.of(
                        "basic", Map.of("type", "http", "scheme", "basic"),
                        "apiKey", Map.of("type", "http", "scheme", "bearer"))),
                "security", List.of(Map.of("basic", List.of()), Map.of("apiKey", List.of())),
                "paths", paths);
    }

    private static Map<String, Object> ownPaths() {
        return Map.of("/api/openapi.json", Map.of("get", Map.of(
                "summary", "This document",
                "operationId", "openApiDocument",
                "tags", List.of("platform"),
                "security", List.of(),
                "responses", Map.of("200", Map.of("description", "OpenAPI 3 document", "content", Map.of(
                        "application/json", Map.of("schema", Map.of("type", "object"))))))));
    }
}
