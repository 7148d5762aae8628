package org.carbonalliance.platform.web;

import jakarta.servlet.Servlet;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.carbonalliance.platform.api.health.HealthCheck;
import org.carbonalliance.platform.api.health.HealthResult;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.OpenApiContributor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whiteboard of {@link RestResource} services: serves each one's operations under {@code /api/<base>} with a
 * {@link ResourceServlet} registered on its behalf, and documents them (paths and record schemas) in the OpenAPI
 * document. A resource whose declarations are wrong is refused with the reason (logged, and in /api/health as
 * {@code rest-resources}); the rest keep serving.
 */
@Component(service = {OpenApiContributor.class, HealthCheck.class}, immediate = true)
public class RestResources implements OpenApiContributor, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(RestResources.class);

    /** What one served resource contributes. */
    private record Served(String base, ServiceRegistration<Servlet> servlet, Map<String, Object> paths, Map<String, Object> schemas,
            Set<Class<?>> types) {
    }

    private final BundleContext context;
    private final BodyValidator validator = new BodyValidator();
    private final RecordSchemas schemas = new RecordSchemas();
    private final Map<RestResource, Served> served = new ConcurrentHashMap<>();
    /** Resources refused, with the reason, for /api/health until they go away. */
    private final Map<RestResource, String> refused = new ConcurrentHashMap<>();

    private final UploadLimits uploads;

    @Activate
    public RestResources(BundleContext context, @Reference UploadLimits uploads) {
        this.context = context;
        this.uploads = uploads;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResource(RestResource resource) {
        try {
            served.put(resource, serve(resource));
        } catch (RuntimeException e) {
            LOG.error("REST resource {} is not served: {}", resource.getClass().getName(), e.getMessage(), e);
            refused.put(resource, resource.getClass().getName() + ": " + e.getMessage());
        }
    }

    void removeResource(RestResource resource) {
        refused.remove(resource);
        Served gone = served.remove(resource);
        if (gone != null) {
            uploads.forget(gone.base());
            gone.types().forEach(schemas::forget);
            try {
                gone.servlet().unregister();
            } catch (IllegalStateException e) {
                // already gone with the framework
            }
        }
    }

    @Deactivate
    void close() {
        List.copyOf(served.keySet()).forEach(this::removeResource);
        validator.close();
    }

    private Served serve(RestResource resource) {
        String base = resource.base();
        if (!base.startsWith("/") || base.endsWith("/")) {
            throw new IllegalArgumentException("base must start with '/' and not end with one: " + base);
        }
        List<Operation> operations = List.copyOf(resource.operations());
        Set<String> seen = new HashSet<>();
        Map<String, Object> paths = new TreeMap<>();
        Map<String, Object> types = new LinkedHashMap<>();
        Set<Class<?>> classes = new HashSet<>();
        boolean anyPublic = false;
        for (Operation operation : operations) {
            if (!seen.add(operation.method() + " " + operation.path().replaceAll("\\{[^}]+}", "{}"))) {
                throw new IllegalArgumentException("declared twice: " + operation.method() + " " + operation.path());
            }
            String fullPath = ApiContext.PATH + base + operation.path();
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(fullPath, p -> new TreeMap<>());
            item.put(operation.method().toLowerCase(java.util.Locale.ROOT),
                    OperationDocs.describe(operation, resource.tag(), fullPath));
            for (Class<?> type : new Class<?>[] {operation.body(), operation.response()}) {
                if (type != null) {
                    classes.add(type);
                    types.putAll(schemas.of(type));
                }
            }
            anyPublic |= operation.access().isPublic();
        }
        refuseTakenSchemaNames(types);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", new String[] {base, base + "/*"});
        properties.put("osgi.http.whiteboard.context.select", ApiContext.SELECT);
        properties.put("osgi.http.whiteboard.servlet.name", "rest:" + base);
        // Public operations need the login check to let anonymous callers through; the dispatcher then enforces
        // each operation's own rule before its handler runs.
        properties.put(ApiContext.PUBLIC, anyPublic);
        ServiceRegistration<Servlet> registration = context.registerService(Servlet.class,
                new ResourceServlet(operations, validator), properties);
        uploads.serve(base, operations);
        return new Served(base, registration, paths, types, classes);
    }

    /**
     * Schema names are global in the document: a record named like another resource's different record (or like the
     * platform's {@code Error}) would silently replace it, so such a resource is refused with the reason.
     */
    private void refuseTakenSchemaNames(Map<String, Object> types) {
        for (Map.Entry<String, Object> type : types.entrySet()) {
            if (type.getKey().equals(ErrorSchema.NAME)) {
                throw new IllegalArgumentException("a record may not be named " + ErrorSchema.NAME
                        + ": the platform's error shape has that schema name");
            }
            for (Served other : served.values()) {
                Object existing = other.schemas().get(type.getKey());
                if (existing != null && !existing.equals(type.getValue())) {
                    throw new IllegalArgumentException("the schema name " + type.getKey() + " is taken by a "
                            + "different record of another resource; rename the record");
                }
            }
        }
    }

    @Override
    public String name() {
        return "rest-resources";
    }

    /** DEGRADED while a registered resource is refused (a bad declaration), naming it and why. */
    @Override
    public HealthResult check() {
        return refused.isEmpty() ? HealthResult.up(served.size() + " resources served")
                : HealthResult.degraded("not served: " + String.join("; ", refused.values()));
    }

    @Override
    public Map<String, Object> openApiPaths() {
        Map<String, Object> all = new TreeMap<>();
        served.values().forEach(s -> all.putAll(s.paths()));
        return all;
    }

    @Override
    public Map<String, Object> openApiSchemas() {
        Map<String, Object> all = new TreeMap<>();
        served.values().forEach(s -> all.putAll(s.schemas()));
        return all;
    }
}
