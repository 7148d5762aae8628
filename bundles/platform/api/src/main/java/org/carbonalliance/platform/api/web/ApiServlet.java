package org.carbonalliance.platform.api.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Base class for REST servlets under {@code /api}: JSON in and out, and every failure in the one error shape.
 * <p>
 * Subclasses override {@code doGet}, {@code doPost} ... and throw {@link ApiException} for client errors. Anything else
 * they throw is answered with a 500 that reveals no internals. Other methods get a 405 with {@code Allow}.
 */
public abstract class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /**
     * Shared mapper: unknown properties and missing primitives are errors, dates as ISO-8601 strings. Not API: use
     * {@link JsonText} for JSON as text, {@link #readJson} and {@link #writeJson} in servlets.
     */
    static final ObjectMapper JSON = strictMapper();
    private static final System.Logger LOG = System.getLogger(ApiServlet.class.getName());

    /** Unknown fields, nulls for primitives and scalars of the wrong type (5 for a text, "5" for a number) fail. */
    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            Set<String> allowed = allowedMethods();
            if (!allowed.contains(req.getMethod())) {
                throw new ApiException(405, "method-not-allowed", req.getMethod() + " is not supported here; use "
                        + String.join(", ", allowed) + ".", List.of(), Map.of("Allow", String.join(", ", allowed)));
            }
            super.service(req, resp);
        } catch (ApiException e) {
            writeError(resp, e);
        } catch (RuntimeException | jakarta.servlet.ServletException e) {
            log("Unhandled error serving " + req.getMethod() + " " + req.getRequestURI(), e);
            writeError(resp, 500, "internal-error", "The server could not complete the request; the operator can find "
                    + "the cause in the server log.", List.of());
        } finally {
            discardUnreadBody(req);
        }
    }

    /** OPTIONS names the same methods as a 405's {@code Allow}. */
    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("Allow", String.join(", ", allowedMethods()));
        resp.setStatus(204);
    }

    /**
     * The methods this endpoint answers, for 405 answers and their {@code Allow} header: by default those whose
     * {@code doXxx} method a subclass overrides (HEAD with GET), and OPTIONS.
     */
    protected Set<String> allowedMethods() {
        return ALLOWED.get(getClass());
    }

    /** Per servlet class: the methods whose {@code doXxx} it overrides, looked up once. */
    private static final ClassValue<Set<String>> ALLOWED = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            return overriddenMethods(type);
        }
    };

    private static Set<String> overriddenMethods(Class<?> servlet) {
        Set<String> allowed = new LinkedHashSet<>();
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            if (overrides(servlet, "do" + method.charAt(0) + method.substring(1).toLowerCase(java.util.Locale.ROOT))) {
                allowed.add(method);
                if (method.equals("GET")) {
                    allowed.add("HEAD");
                }
            }
        }
        allowed.add("OPTIONS");
        return java.util.Collections.unmodifiableSet(allowed);
    }

    private static boolean overrides(Class<?> servlet, String name) {
        for (Class<?> type = servlet; type != ApiServlet.class && type != null; type = type.getSuperclass()) {
            try {
                type.getDeclaredMethod(name, HttpServletRequest.class, HttpServletResponse.class);
                return true;
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        return false;
    }

    /**
     * Reads and drops what is left of a small request body that was answered without being read (an error, a refused
     * caller), so the connection stays usable for the client's next request.
     */
    public static void discardUnreadBody(HttpServletRequest req) {
        long length = req.getContentLengthLong();
        if (length <= 0 || length > 65_536) {
            return;
        }
        try {
            req.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            // the reader was used, or the client went away: nothing left to keep usable
        }
    }

    /**
     * Reads the request body as {@code type}. Malformed JSON, unknown or mistyped fields answer 400 naming the field.
     */
    protected <T> T readJson(HttpServletRequest req, Class<T> type) throws IOException {
        String contentType = req.getContentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new ApiException(415, "unsupported-media-type", "Send the request body as application/json.");
        }
        try (InputStream in = req.getInputStream()) {
            T value = JSON.readValue(in, type);
            if (value == null) {
                throw ApiException.badRequest("The request body is empty; send a JSON object.", List.of());
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw limitExceeded(e).orElseGet(() -> ApiException.badRequest("Unknown field '" + e.getPropertyName()
                    + "'.", List.of(fieldPath(e) + ": not a field of this request; allowed: "
                            + e.getKnownPropertyIds())));
        } catch (InvalidFormatException e) {
            throw limitExceeded(e).orElseGet(() -> ApiException.badRequest("Field '" + fieldPath(e)
                    + "' has the wrong type or value.", List.of(fieldPath(e) + ": '" + e.getValue()
                            + "' is not a valid " + e.getTargetType().getSimpleName())));
        } catch (MismatchedInputException e) {
            String field = fieldPath(e);
            throw limitExceeded(e).orElseGet(() -> ApiException.badRequest(field.isEmpty()
                    ? "The request body is not the expected JSON object." : "Field '" + field + "' has the wrong type.",
                    List.of(field.isEmpty() ? "body" : field)));
        } catch (JsonProcessingException e) {
            throw limitExceeded(e).orElseGet(() -> ApiException.badRequest(syntaxMessage(e), List.of()));
        } catch (IOException e) {
            // Not JSON's fault: the body stopped arriving (idle timeout) or the client went away while sending it.
            LOG.log(System.Logger.Level.WARNING, "Request body of " + req.getMethod() + " " + req.getRequestURI()
                    + " from " + req.getRemoteAddr() + " did not arrive: " + e);
            throw new ApiException(408, "request-timeout", "The request body did not arrive completely in time; "
                    + "send it again, all at once.");
        }
    }

    /** A body over the size limit surfaces inside Jackson's exceptions; it is a 413, not a syntax error. */
    private static java.util.Optional<ApiException> limitExceeded(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return java.util.Optional.of(api);
            }
        }
        return java.util.Optional.empty();
    }

    private static String syntaxMessage(JsonProcessingException e) {
        String problem = e.getOriginalMessage();
        if (problem != null && problem.startsWith("Duplicate field")) {
            return "The request body names a field twice: " + problem.substring("Duplicate field ".length())
                    + "; send each field once.";
        }
        JsonLocation location = e.getLocation();
        return location == null ? "The request body is not valid JSON."
                : "The request body is not valid JSON (line " + location.getLineNr() + ", column "
                        + location.getColumnNr() + ").";
    }

    private static String fieldPath(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** @return the path below the servlet's pattern split at '/', empty for the collection itself */
    protected static List<String> pathSegments(HttpServletRequest req) {
        String path = req.getPathInfo();
        return path == null || path.equals("/") ? List.of() : List.of(path.substring(1).split("/"));
    }

    /** Writes {@code body} as JSON with {@code status}. */
    public static void writeJson(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        JSON.writeValue(resp.getOutputStream(), body);
    }

    /** Writes {@code e} in the platform's one error shape, with the headers it asks for. */
    public static void writeError(HttpServletResponse resp, ApiException e) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.reset();
        e.headers().forEach(resp::setHeader);
        writeBody(resp, e.status(), e.code(), e.getMessage(), e.details());
    }

    /** Writes the platform's one error shape. */
    public static void writeError(HttpServletResponse resp, int status, String code, String message,
            List<String> details) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.reset();
        writeBody(resp, status, code, message, details);
    }

    private static void writeBody(HttpServletResponse resp, int status, String code, String message,
            List<String> details) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", new ArrayList<>(details));
        writeJson(resp, status, Map.of("error", error));
    }
}
