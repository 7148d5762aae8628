package org.carbonalliance.platform.api.web;

import java.util.List;
import java.util.Map;

/**
 * A client error with a message a person can act on. Thrown from an {@link ApiServlet}, it becomes
 * {@code {"error": {"code": ..., "message": ..., "details": [...]}}} with the given HTTP status.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final List<String> details;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String message, List<String> details) {
        this(status, code, message, details, Map.of());
    }

    /**
     * @param headers response headers the answer needs, such as {@code Retry-After} with a 429 or {@code Allow} with a
     *                405
     * @since 1.1
     */
    public ApiException(int status, String code, String message, List<String> details, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
        this.headers = Map.copyOf(headers);
    }

    /**
     * Too many requests: a 429 whose {@code Retry-After} header says when to try again.
     *
     * @since 1.1
     */
    public static ApiException tooManyRequests(String message, long retryAfterSeconds) {
        return new ApiException(429, "too-many-requests", message, List.of(),
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public static ApiException badRequest(String message, List<String> details) {
        return new ApiException(400, "bad-request", message, details);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not-found", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<String> details() {
        return details;
    }

    /** @return headers to send with the error answer; empty for most errors @since 1.1 */
    public Map<String, String> headers() {
        return headers;
    }
}
