package org.carbonalliance.platform.api.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An access check of an operation beyond its {@link Access} rule (a status token, ownership of the addressed record),
 * run after that rule and before the request body is read, so a caller who may not call learns nothing about what
 * the body should be. Throw {@code ApiException} (401, 403 or 404) to refuse.
 */
@ConsumerType
@FunctionalInterface
public interface Guard {

    /** @param call the call, without its body yet */
    void check(Call call) throws Exception;
}
