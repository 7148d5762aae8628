package org.carbonalliance.platform.api.web;

import java.util.List;

/**
 * A client error with a message a person can act on. Thrown from an {@link ApiServlet}, it becomes
 * {@code {"error": {"code": ..., "message": ..., "details": [...]}}} with the given HTTP status.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final List<String> details;

    public ApiException(int status, String code, String message, List<String> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
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
}
