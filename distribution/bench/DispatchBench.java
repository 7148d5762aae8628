import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Per-request cost of the platform's declared REST dispatch (route match, access rule, strict JSON, Bean Validation,
 * record serialisation) against a plain servlet doing the same work by hand (the baseline), interleaved over one
 * keep-alive connection with an API key. Prints p50/p95 of each and the difference at p50.
 * Usage: java DispatchBench.java PORT API_KEY [requests=5000]
 */
public class DispatchBench {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String bearer = "Bearer " + args[1];
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI[] uris = {URI.create("http://127.0.0.1:" + port + "/api/bench/plain"),
                URI.create("http://127.0.0.1:" + port + "/api/bench/declared")};
        String body = "{\"meter\":\"M-42\",\"kwh\":12.5}";
        long[][] nanos = new long[2][n];
        for (int warm = 0; warm < 3000; warm++) {
            send(client, uris[warm % 2], bearer, body);
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 2; k++) {
                long start = System.nanoTime();
                send(client, uris[k], bearer, body);
                nanos[k][i] = System.nanoTime() - start;
            }
        }
        String[] names = {"plain servlet (baseline)", "declared operation"};
        double base = percentile(nanos[0], 50);
        System.out.printf("%d requests each, interleaved; microseconds%n", n);
        for (int k = 0; k < 2; k++) {
            double p50 = percentile(nanos[k], 50);
            System.out.printf("%-26s p50 %7.1f  p95 %7.1f  overhead at p50 %6.1f%n", names[k], p50 / 1000,
                    percentile(nanos[k], 95) / 1000, (p50 - base) / 1000);
        }
    }

    private static void send(HttpClient client, URI uri, String authorization, String body) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("\"accepted\":true")) {
            throw new IllegalStateException(uri + ": HTTP " + r.statusCode() + ": " + r.body());
        }
    }

    private static double percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
