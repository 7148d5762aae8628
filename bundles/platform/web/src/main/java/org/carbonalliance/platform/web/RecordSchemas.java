package org.carbonalliance.platform.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenAPI schemas generated from request and response records by swagger-core's model converters (which read Jackson's
 * view of the record and its Bean Validation constraints: required, maxLength, pattern ...), never written by hand;
 * the platform's own constraints, which swagger-core does not know, are added by {@link PlatformConstraints}.
 * Generating costs about 2 ms a type, so each type is generated once.
 */
final class RecordSchemas {

    private final Map<Class<?>, Map<String, Object>> cache = new ConcurrentHashMap<>();

    /** @return the schemas of {@code type} and of every type it refers to, keyed by schema name */
    Map<String, Object> of(Class<?> type) {
        return cache.computeIfAbsent(type, RecordSchemas::generate);
    }

    /** Forgets {@code type}'s schemas, so a bundle that went away keeps no class loader alive through the cache. */
    void forget(Class<?> type) {
        cache.remove(type);
    }

    /** @return the name {@code type}'s schema has in {@code components/schemas} */
    static String name(Class<?> type) {
        return type.getSimpleName();
    }

    static String ref(Class<?> type) {
        return "#/components/schemas/" + name(type);
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Object> generate(Class<?> type) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RecordSchemas.class.getClassLoader());
        try {
            Map<String, Schema> schemas = ModelConverters.getInstance().readAll(new AnnotatedType(type));
            Map<String, Object> out = new LinkedHashMap<>();
            schemas.forEach((name, schema) -> out.put(name, Json.mapper().convertValue(schema, Map.class)));
            PlatformConstraints.describe(type, out);
            return out;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
