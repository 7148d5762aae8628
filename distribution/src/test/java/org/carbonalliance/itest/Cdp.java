package org.carbonalliance.itest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the Chrome DevTools Protocol: just enough to open a page, run script in it and read
 * the answer. Flags as this machine needs them (no sandbox as root, no background networking on a closed network).
 */
final class Cdp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process browser;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private Cdp(Process browser, WebSocket socket) {
        this.browser = browser;
        this.socket = socket;
    }

    static Cdp launch(String executable, Path profile) throws Exception {
        Process browser = new ProcessBuilder(executable, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8));
        String line;
        String port = null;
        while (port == null && (line = out.readLine()) != null) {
            int at = line.indexOf("DevTools listening on ws://127.0.0.1:");
            if (at >= 0) {
                port = line.substring(at + "DevTools listening on ws://127.0.0.1:".length()).split("/")[0];
            }
        }
        if (port == null) {
            browser.destroyForcibly();
            throw new IOException("Chromium did not open its DevTools port");
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe flowing
                }
            } catch (IOException e) {
                // browser gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        HttpClient http = HttpClient.newHttpClient();
        String pageUrl = null;
        for (JsonNode target : JSON.readTree(http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body())) {
            if ("page".equals(target.path("type").asText())) {
                pageUrl = target.get("webSocketDebuggerUrl").asText();
            }
        }
        Cdp[] self = new Cdp[1];
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new WebSocket.Listener() {
            private final StringBuilder buffer = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                buffer.append(data);
                if (last) {
                    self[0].receive(buffer.toString());
                    buffer.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        self[0] = new Cdp(browser, socket);
        return self[0];
    }

    private void receive(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> future = pending.remove(message.get("id").asInt());
                if (future != null) {
                    future.complete(message);
                }
            }
        } catch (IOException e) {
            // not a protocol message
        }
    }

    JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        JsonNode result = answer.get(30, TimeUnit.SECONDS);
        if (result.has("error")) {
            throw new IOException(method + ": " + result.get("error"));
        }
        return result.get("result");
    }

    /** Evaluates {@code script} in the page and returns its value as text. */
    String evaluate(String script) throws Exception {
        return call("Runtime.evaluate", Map.of("expression", script, "returnByValue", true))
                .path("result").path("value").asText();
    }

    @Override
    public void close() {
        socket.abort();
        browser.destroy();
    }
}
