package org.carbonalliance.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carbonalliance.platform.api.rest.Call;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.web.ApiException;

/** A call as the dispatcher hands it to a handler. */
final class DispatchCall implements Call {

    private final HttpServletRequest request;
    private final Map<String, String> pathParameters;
    private Object body;
    private final AlliancePrincipal principal;
    private int status;
    private boolean upload;

    DispatchCall(HttpServletRequest request, Map<String, String> pathParameters, AlliancePrincipal principal,
            int status) {
        this.request = request;
        this.pathParameters = pathParameters;
        this.principal = principal;
        this.status = status;
    }

    @Override
    public String path(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The operation's path has no parameter {" + name + "}.");
        }
        return value;
    }

    @Override
    public Optional<String> query(String name) {
        if (upload) {
            return fromQueryString(name); // getParameter would read a form-encoded upload's body as parameters
        }
        return Optional.ofNullable(request.getParameter(name));
    }

    private Optional<String> fromQueryString(String name) {
        String query = request.getQueryString();
        if (query == null) {
            return Optional.empty();
        }
        try {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String key = java.net.URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals),
                        java.nio.charset.StandardCharsets.UTF_8);
                if (key.equals(name)) {
                    return Optional.of(equals < 0 ? "" : java.net.URLDecoder.decode(pair.substring(equals + 1),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The query string is not properly encoded (a % not followed by two hex "
                    + "digits).", List.of("query: malformed percent-encoding"));
        }
        return Optional.empty();
    }

    @Override
    public int queryInt(String name, int defaultValue, int min, int max) {
        String text = query(name).orElse(null);
        if (text == null || text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("Query parameter '" + name + "' must be a number from " + min + " to " + max
                + ".", List.of(name + ": a number from " + min + " to " + max));
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeader(name));
    }

    @Override
    public <T> T body(Class<T> type) {
        if (body == null) {
            throw new IllegalStateException("This operation declares no request body.");
        }
        return type.cast(body);
    }

    /** The parsed, validated body, once the guard has passed. */
    void body(Object parsed) {
        this.body = parsed;
    }

    @Override
    public java.io.InputStream upload() throws java.io.IOException {
        if (!upload) {
            throw new IllegalStateException("This operation declares no upload.");
        }
        return request.getInputStream();
    }

    /** Marks the call as one of an upload operation. */
    void allowUpload() {
        this.upload = true;
    }

    @Override
    public Optional<AlliancePrincipal> principal() {
        return Optional.ofNullable(principal);
    }

    @Override
    public AlliancePrincipal caller() {
        if (principal == null) {
            throw new ApiException(401, "unauthorized", "Log in first.");
        }
        return principal;
    }

    @Override
    public String clientAddress() {
        return request.getRemoteAddr();
    }

    @Override
    public void status(int status) {
        this.status = status;
    }

    int status() {
        return status;
    }
}
