package org.carbonalliance.platform.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Base class for REST servlets under {@code /api}: JSON in and out, and every failure in the one error shape.
 * <p>
 * Subclasses override {@code doGet}, {@code doPost} ... and throw {@link ApiException} for client errors. Anything else
 * they throw is answered with a 500 that reveals no internals.
 */
public abstract class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Shared mapper: unknown properties and missing primitives are errors, dates as ISO-8601 strings. */
    public static final ObjectMapper JSON = strictMapper();

    /** Unknown fields, nulls for primitives and scalars of the wrong type (5 for a text, "5" for a number) fail. */
    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
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
            super.service(req, resp);
        } catch (ApiException e) {
            writeError(resp, e.status(), e.code(), e.getMessage(), e.details());
        } catch (RuntimeException | jakarta.servlet.ServletException e) {
            log("Unhandled error serving " + req.getMethod() + " " + req.getRequestURI(), e);
            writeError(resp, 500, "internal-error", "The server could not complete the request; the operator can find "
                    + "the cause in the server log.", List.of());
        } finally {
            discardUnreadBody(req);
        }
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
            throw ApiException.badRequest("Unknown field '" + e.getPropertyName() + "'.",
                    List.of(fieldPath(e) + ": not a field of this request; allowed: " + e.getKnownPropertyIds()));
        } catch (InvalidFormatException e) {
            throw ApiException.badRequest("Field '" + fieldPath(e) + "' has the wrong type or value.",
                    List.of(fieldPath(e) + ": '" + e.getValue() + "' is not a valid "
                            + e.getTargetType().getSimpleName()));
        } catch (MismatchedInputException e) {
            String field = fieldPath(e);
            throw ApiException.badRequest(field.isEmpty() ? "The request body is not the expected JSON object."
                    : "Field '" + field + "' has the wrong type.", List.of(field.isEmpty() ? "body" : field));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The request body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ").", List.of());
        }
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

    /** Writes the platform's one error shape. */
    public static void writeError(HttpServletResponse resp, int status, String code, String message,
            List<String> details) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.reset();
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", new ArrayList<>(details));
        writeJson(resp, status, Map.of("error", error));
    }
}
