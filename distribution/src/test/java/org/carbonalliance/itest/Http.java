package org.carbonalliance.itest;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

/** A small HTTP client for tests: requests against one server, optional Basic credentials, polling with a deadline. */
public final class Http {

    /** For reading answers. */
    public static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public record Response(int status, String body, String contentType) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Response get(String path, String authorization) throws IOException, InterruptedException {
        return send(builder(path, authorization).GET().build());
    }

    /** Any method, with a JSON body for the methods that carry one. */
    public Response request(String method, String path, String authorization, String jsonBody)
            throws IOException, InterruptedException {
        return send(withBody(builder(path, authorization), method, jsonBody).build());
    }

    /** Any method with one extra header and an optional JSON body. */
    public Response requestWithHeader(String method, String path, String header, String value, String jsonBody)
            throws IOException, InterruptedException {
        return send(withBody(builder(path, null).header(header, value), method, jsonBody).build());
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder b, String method, String jsonBody) {
        return jsonBody == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
    }

    public Response patch(String path, String authorization, String body) throws IOException, InterruptedException {
        return send(builder(path, authorization).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response delete(String path, String authorization) throws IOException, InterruptedException {
        return send(builder(path, authorization).DELETE().build());
    }

    public Response get(String path) throws IOException, InterruptedException {
        return get(path, null);
    }

    public Response post(String path, String authorization, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = builder(path, authorization).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    /** POSTs raw bytes (a file upload). */
    public Response postBytes(String path, String authorization, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return send(builder(path, authorization).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** POSTs a form to a console page as the console's own pages do: with this server as the Origin. */
    public Response consolePost(String path, String authorization, String form)
            throws IOException, InterruptedException {
        return send(builder(path, authorization).header("Origin", base)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /**
     * POSTs headers that declare a body of {@code declaredLength} bytes but sends only the first kilobyte, then reads
     * the answer: how a server treats an oversized upload before reading it. Plain socket, HTTP/1.1, connection closed.
     */
    public Response postDeclaringLength(String path, String authorization, long declaredLength)
            throws IOException {
        URI uri = URI.create(base + path);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Content-Type: application/json\r\nContent-Length: " + declaredLength
                    + "\r\nConnection: close\r\n\r\n{\"text\":\"" + "x".repeat(1000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            int bodyStart = answer.indexOf("\r\n\r\n");
            String contentType = answer.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse(null);
            return new Response(status, bodyStart < 0 ? "" : answer.substring(bodyStart + 4), contentType);
        }
    }

    /** Repeats GET {@code path} until {@code done} holds or {@code timeout} passes; returns the last response. */
    /** Repeats POST {@code path} with {@code body} until {@code done} holds or {@code timeout} passes. */
    public Response pollPost(String path, String authorization, String contentType, byte[] body,
            Predicate<Response> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = postBytes(path, authorization, contentType, body);
                if (done.test(last)) {
                    return last;
                }
            } catch (IOException e) {
                last = new Response(-1, e.toString(), null);
            }
            Thread.sleep(100);
        }
        return last;
    }

    public Response poll(String path, String authorization, Predicate<Response> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get(path, authorization);
                if (done.test(last)) {
                    return last;
                }
            } catch (IOException e) {
                last = new Response(-1, e.toString(), null);
            }
            Thread.sleep(50);
        }
        return last;
    }

    private HttpRequest.Builder builder(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r;
        try {
            r = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            System.err.println("HTTP-FAIL " + request.method() + " " + request.uri() + ": " + e);
            throw new IOException(request.method() + " " + request.uri() + ": " + e, e);
        }
        return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(null));
    }
}
