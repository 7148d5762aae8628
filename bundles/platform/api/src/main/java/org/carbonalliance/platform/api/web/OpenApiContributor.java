package org.carbonalliance.platform.api.web;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Describes endpoints for {@code /api/openapi.json}. Register it as a service (usually the servlet itself) and the
 * platform merges its paths into the OpenAPI 3 document while it is registered.
 */
@ConsumerType
public interface OpenApiContributor {

    /**
     * @return OpenAPI path items keyed by their full path below the server root (for example {@code /api/health}),
     *         as plain maps, lists and strings that serialise to the OpenAPI JSON
     */
    Map<String, Object> openApiPaths();

    /**
     * @return schemas for {@code components/schemas}, keyed by name, that the paths refer to with
     *         {@code #/components/schemas/<name>}; none by default
     * @since 1.1
     */
    default Map<String, Object> openApiSchemas() {
        return Map.of();
    }
}
