package org.carbonalliance.platform.api.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One REST operation, declared once: method, path template, access rule, request body type, response type, summary
 * and the errors it can answer. The same declaration dispatches requests, enforces access, validates the body and
 * documents the operation in {@code /api/openapi.json}. Build one with {@link #get}, {@link #post} ...
 */
public final class Operation {

    /** A documented query or header parameter. */
    public record Param(String name, String in, String description, boolean required, String type) {
    }

    private final String method;
    private final String path;
    private final String id;
    private final String summary;
    private final Access access;
    private final Class<?> body;
    private final int status;
    private final Class<?> response;
    private final boolean list;
    private final Map<Integer, String> errors;
    private final Map<Integer, String> alternatives;
    private final List<Param> params;
    private final Guard guard;
    private final Handler handler;
    private final LongSupplier uploadLimit;
    private final String uploadTypes;

    private Operation(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.id = b.id;
        this.summary = Objects.requireNonNull(b.summary, "summary");
        this.access = Objects.requireNonNull(b.access, "access");
        this.body = b.body;
        this.status = b.status;
        this.response = b.response;
        this.list = b.list;
        this.errors = Map.copyOf(b.errors);
        this.alternatives = Map.copyOf(b.alternatives);
        this.params = List.copyOf(b.params);
        this.guard = b.guard;
        this.handler = Objects.requireNonNull(b.handler, "handler");
        this.uploadLimit = b.uploadLimit;
        this.uploadTypes = b.uploadTypes;
        if (body != null && uploadLimit != null) {
            throw new IllegalArgumentException("An operation takes a JSON body or an upload, not both.");
        }
    }

    public static Builder get(String path) {
        return new Builder("GET", path);
    }

    public static Builder post(String path) {
        return new Builder("POST", path);
    }

    public static Builder put(String path) {
        return new Builder("PUT", path);
    }

    public static Builder patch(String path) {
        return new Builder("PATCH", path);
    }

    public static Builder delete(String path) {
        return new Builder("DELETE", path);
    }

    public String method() {
        return method;
    }

    /** @return the path template relative to the resource's base: {@code ""}, {@code /{id}}, {@code /{id}/approve} */
    public String path() {
        return path;
    }

    /** @return the operationId, or null to have the platform derive one from the method and the full path */
    public String id() {
        return id;
    }

    public String summary() {
        return summary;
    }

    public Access access() {
        return access;
    }

    /** @return the request body's record type, or null when the operation takes no body */
    public Class<?> body() {
        return body;
    }

    /** @return the success status: 200, 201, 204 ... */
    public int status() {
        return status;
    }

    /** @return the response record type, or null for no body (204) */
    public Class<?> response() {
        return response;
    }

    /** @return whether the response is {@code {"items": [response ...]}} */
    public boolean list() {
        return list;
    }

    /** @return error statuses this operation answers on purpose, with what each means */
    public Map<Integer, String> errors() {
        return errors;
    }

    /** @return other statuses answered with the same response body (see {@link Builder#alsoAnswers}) */
    public Map<Integer, String> alternatives() {
        return alternatives;
    }

    public List<Param> params() {
        return params;
    }

    /** @return the check run after the access rule and before the body is read; null when there is none */
    public Guard guard() {
        return guard;
    }

    public Handler handler() {
        return handler;
    }

    /**
     * @return the size limit of an upload operation's body, in bytes, read on every request (so it can follow
     *         configuration); null when the operation takes no upload
     * @since 1.1
     */
    public LongSupplier uploadLimit() {
        return uploadLimit;
    }

    /**
     * @return the media types an upload operation accepts, as documented (such as {@code text/csv, application/xml})
     * @since 1.1
     */
    public String uploadTypes() {
        return uploadTypes;
    }

    /** Collects a declaration; {@link #handle} finishes it. */
    public static final class Builder {
        private final String method;
        private final String path;
        private String id;
        private String summary;
        private Access access;
        private Class<?> body;
        private int status = 200;
        private Class<?> response;
        private boolean list;
        private final Map<Integer, String> errors = new LinkedHashMap<>();
        private final Map<Integer, String> alternatives = new LinkedHashMap<>();
        private final List<Param> params = new ArrayList<>();
        private Guard guard;
        private Handler handler;
        private LongSupplier uploadLimit;
        private String uploadTypes;

        private Builder(String method, String path) {
            if (!path.isEmpty() && (!path.startsWith("/") || path.endsWith("/"))) {
                throw new IllegalArgumentException("A path starts with '/' and does not end with one: " + path);
            }
            this.method = method;
            this.path = path;
        }

        /** A stable operationId for generated clients, such as {@code approveApplication}. */
        public Builder id(String operationId) {
            this.id = operationId;
            return this;
        }

        public Builder summary(String text) {
            this.summary = text;
            return this;
        }

        public Builder access(Access rule) {
            this.access = rule;
            return this;
        }

        /** The request body: a record, parsed strictly from JSON and validated by its constraints. */
        public Builder body(Class<?> type) {
            this.body = type;
            return this;
        }

        /** Success with {@code status} and a body of {@code type} (a record). */
        public Builder returns(int status, Class<?> type) {
            this.status = status;
            this.response = type;
            this.list = false;
            return this;
        }

        /** Success with {@code status} and {@code {"items": [...]}} of {@code type}; the handler returns a List. */
        public Builder returnsList(int status, Class<?> type) {
            returns(status, type);
            this.list = true;
            return this;
        }

        /** Success without a body (204 for example). */
        public Builder returnsNothing(int status) {
            this.status = status;
            this.response = null;
            return this;
        }

        /** An error status the operation answers on purpose (400, 401 and 403 are documented by the platform). */
        public Builder error(int status, String description) {
            errors.put(status, description);
            return this;
        }

        /**
         * Another status the operation answers with its usual response body, set by the handler with
         * {@link Call#status} (health answers 503 with its report while the platform starts).
         */
        public Builder alsoAnswers(int status, String description) {
            alternatives.put(status, description);
            return this;
        }

        public Builder query(String name, String type, String description) {
            params.add(new Param(name, "query", description, false, type));
            return this;
        }

        public Builder header(String name, String description, boolean required) {
            params.add(new Param(name, "header", description, required, "string"));
            return this;
        }

        /** A further access check, run before the body is read (see {@link Guard}). */
        public Builder guard(Guard check) {
            this.guard = check;
            return this;
        }

        /**
         * The request body is a file, streamed to the handler ({@link Call#upload}) rather than parsed: for imports.
         * Its size limit replaces the platform's body limit for this operation only.
         *
         * @param mediaTypes the accepted media types, for the documentation (such as {@code text/csv, application/zip})
         * @param maxBytes   the size limit, asked on every request
         * @since 1.1
         */
        public Builder upload(String mediaTypes, LongSupplier maxBytes) {
            this.uploadTypes = Objects.requireNonNull(mediaTypes, "mediaTypes");
            this.uploadLimit = Objects.requireNonNull(maxBytes, "maxBytes");
            return this;
        }

        public Operation handle(Handler work) {
            this.handler = work;
            return new Operation(this);
        }
    }
}
