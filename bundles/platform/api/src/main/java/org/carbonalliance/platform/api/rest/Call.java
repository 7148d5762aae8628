package org.carbonalliance.platform.api.rest;

import java.util.Optional;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.osgi.annotation.versioning.ProviderType;

/** One call of an operation, as its handler sees it: parameters, the validated body, the caller. */
@ProviderType
public interface Call {

    /** @return the decoded value of the path parameter {@code {name}} of the operation's path */
    String path(String name);

    /** @return the query parameter's value, if given */
    Optional<String> query(String name);

    /**
     * @return the query parameter as a number between {@code min} and {@code max}, or {@code defaultValue} when absent
     * @throws org.carbonalliance.platform.api.web.ApiException 400 naming the parameter when it is not such a number
     */
    int queryInt(String name, int defaultValue, int min, int max);

    /** @return the request header's value, if sent */
    Optional<String> header(String name);

    /** @return the request body, parsed strictly and validated; an operation without a body type has none */
    <T> T body(Class<T> type);

    /**
     * @return the uploaded file of an operation declared with {@code upload(...)}, to be read once; reading past the
     *         operation's limit throws an {@code ApiException} (413)
     * @throws IllegalStateException when the operation declares no upload
     * @since 1.1
     */
    java.io.InputStream upload() throws java.io.IOException;

    /** @return the logged-in caller; empty only in public operations called anonymously */
    Optional<AlliancePrincipal> principal();

    /** @return the logged-in caller of a protected operation (the platform has already refused anonymous calls) */
    AlliancePrincipal caller();

    /** @return the client's network address, for rate limits */
    String clientAddress();

    /** Answers with {@code status} instead of the operation's declared success status (one of its declared ones). */
    void status(int status);
}
