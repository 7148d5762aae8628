package org.carbonalliance.platform.api.rest;

import org.osgi.annotation.versioning.ConsumerType;

/** What an operation does. Throw {@code ApiException} for client errors; anything else becomes a 500. */
@ConsumerType
@FunctionalInterface
public interface Handler {

    /**
     * @return the response body: an instance of the declared response record, a {@code List} of them for
     *         {@link Operation.Builder#returnsList}, or {@code null} for operations that return nothing
     */
    Object handle(Call call) throws Exception;
}
