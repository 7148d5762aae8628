package org.carbonalliance.itest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests a client library would tidy up: raw paths with dot-segments, TRACE,
 * chunked or stalled bodies, forged Origin headers. One request per connection.
 */
final class RawHttp {

    /** A response with its headers (names in lower case). */
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** Sends {@code method path} with extra header lines ("Name: value") and an optional body with its length. */
    Response send(String method, String path, String body, String... headerLines) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nConnection: close\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        head.append("\r\n");
        return exchange(out -> {
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
        });
    }

    /** What the test writes on the connection before reading the answer. */
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    Response exchange(Writer writer) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            writer.write(out);
            out.flush();
            return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Response parse(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        String head = end < 0 ? answer : answer.substring(0, end);
        String[] lines = head.split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        int status = lines[0].length() >= 12 ? Integer.parseInt(lines[0].substring(9, 12)) : -1;
        return new Response(status, headers, end < 0 ? "" : answer.substring(end + 4));
    }
}
