import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Telemetry. "device PORT LOGIN" registers an electricity meter and prints its id and token; "ingest PORT TOKEN DAYS"
 * sends DAYS days of minute readings of one metric in SenML batches of 10,000 and prints the rate; "series PORT LOGIN
 * DEVICE N" times series queries (a day of raw readings, a month of hours, a year of days: resolution auto) against
 * GET /api/health, interleaved.
 */
public class TelemetryBench {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final long START = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "device" -> device(Integer.parseInt(args[1]), args[2]);
            case "ingest" -> ingest(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]));
            case "series" -> series(Integer.parseInt(args[1]), args[2], args[3], Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static HttpResponse<String> send(int port, String method, String path, String auth, String type, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", type);
        }
        if (auth != null) {
            b.header("Authorization", auth);
        }
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    static String basic(String login) {
        return "Basic " + Base64.getEncoder().encodeToString(login.getBytes());
    }

    static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(i, json.indexOf('"', i));
    }

    private static void device(int port, String login) throws Exception {
        String created = send(port, "POST", "/api/telemetry/devices", basic(login), "application/json",
                "{\"name\":\"Bench meter\",\"type\":\"electricity-meter\",\"metrics\":{\"power\":\"W\"}}").body();
        System.out.println(field(created, "id") + " " + field(created, "token"));
    }

    private static void ingest(int port, String token, int days) throws Exception {
        int minutes = days * 1440;
        long t = System.nanoTime();
        for (int from = 0; from < minutes; from += 10_000) {
            StringBuilder pack = new StringBuilder("[{\"bn\":\"m:\",\"bu\":\"W\",\"bt\":" + (START + from * 60L)
                    + ",\"n\":\"power\",\"v\":" + (1000 + from % 500) + "}");
            for (int i = from + 1; i < Math.min(minutes, from + 10_000); i++) {
                pack.append(",{\"n\":\"power\",\"t\":").append((i - from) * 60).append(",\"v\":")
                        .append(1000 + i % 500).append('}');
            }
            send(port, "POST", "/api/telemetry/ingest", "Bearer " + token, "application/senml+json",
                    pack.append(']').toString());
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf("ingested %d readings in %.1f s (%.0f readings/s, batches of 10,000, acknowledged after "
                + "commit)%n", minutes, seconds, minutes / seconds);
    }

    private static void series(int port, String login, String device, int n) throws Exception {
        String base = "/api/telemetry/devices/" + device + "/series?metric=power&from=";
        String[][] queries = {
            { "baseline: GET /api/health", null },
            { "a day: 1,440 raw readings", base + at(100) + "&to=" + at(101) },
            { "a month: 720 hourly rollups", base + at(100) + "&to=" + at(130) },
            { "a year: 365 daily rollups", base + at(0) + "&to=" + at(365) } };
        long[][] nanos = new long[queries.length][n];
        for (int i = -20; i < n; i++) {
            for (int q = 0; q < queries.length; q++) {
                long t = System.nanoTime();
                HttpResponse<String> r = queries[q][1] == null ? send(port, "GET", "/api/health", null, null, null)
                        : send(port, "GET", queries[q][1], basic(login), null, null);
                if (i >= 0) {
                    nanos[q][i] = System.nanoTime() - t;
                }
                if (i == 0 && q > 0) {
                    System.out.println(queries[q][0] + ": resolution " + field(r.body(), "resolution") + ", "
                            + (r.body().split("\"t\":").length - 1) + " points");
                }
            }
        }
        for (int q = 0; q < queries.length; q++) {
            System.out.printf("%-40s p50 %7.2f ms  p95 %7.2f ms%n", queries[q][0], pct(nanos[q], 50) / 1e6,
                    pct(nanos[q], 95) / 1e6);
        }
    }

    private static String at(int day) {
        return Instant.ofEpochSecond(START + day * 86_400L).toString();
    }

    static double pct(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
