import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Per-request cost of authentication on a running server: the same public endpoint (/api/hello of the example plugin)
 * requested without credentials (the baseline), with an API key, and with HTTP Basic, interleaved in rounds over one
 * keep-alive connection. Prints p50 and p95 of each and the medians' differences.
 * Usage: java AuthBench.java PORT API_KEY BASIC_USER:PASSWORD [requests=3000]
 */
public class AuthBench {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String bearer = "Bearer " + args[1];
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(args[2].getBytes());
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/hello");
        String[] auths = {null, bearer, basic};
        long[][] nanos = new long[3][n];
        for (int warm = 0; warm < 2000; warm++) {
            send(client, uri, auths[warm % 3]);
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                long start = System.nanoTime();
                send(client, uri, auths[k]);
                nanos[k][i] = System.nanoTime() - start;
            }
        }
        String[] names = {"no credentials (baseline)", "API key (Bearer)", "HTTP Basic (verified cache)"};
        double base = percentile(nanos[0], 50);
        System.out.printf("%d requests each, interleaved; microseconds%n", n);
        for (int k = 0; k < 3; k++) {
            double p50 = percentile(nanos[k], 50);
            System.out.printf("%-30s p50 %7.1f  p95 %7.1f  overhead at p50 %6.1f%n", names[k], p50 / 1000,
                    percentile(nanos[k], 95) / 1000, (p50 - base) / 1000);
        }
    }

    private static void send(HttpClient client, URI uri, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
    }

    private static double percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
