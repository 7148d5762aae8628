import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Base64;

/**
 * How long a refused login takes: for a known user with a wrong password (the baseline) and for a user that does not
 * exist. Equal times mean timing does not reveal who has an account. Each refusal is followed by a good login, which
 * resets the lockout counters. Prints medians and p90 in milliseconds and their ratio.
 * Usage: java RefusalBench.java PORT USER:PASSWORD [rounds=15]
 */
public class RefusalBench {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String user = args[1].substring(0, args[1].indexOf(':'));
        String good = basic(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/identity/keys");
        long[] known = new long[rounds];
        long[] unknown = new long[rounds];
        for (int i = -2; i < rounds; i++) { // two rounds of warm-up
            long a = refusal(client, uri, basic(user + ":wrong-password-" + i));
            send(client, uri, good, 200);
            long b = refusal(client, uri, basic("nobody-" + System.nanoTime() + "@example.org:wrong-password"));
            send(client, uri, good, 200);
            if (i >= 0) {
                known[i] = a;
                unknown[i] = b;
            }
        }
        double k = percentile(known, 50);
        double u = percentile(unknown, 50);
        System.out.printf("%d refusals each, interleaved; milliseconds%n", rounds);
        System.out.printf("%-40s p50 %7.1f  p90 %7.1f%n", "known user, wrong password (baseline)", k / 1e6,
                percentile(known, 90) / 1e6);
        System.out.printf("%-40s p50 %7.1f  p90 %7.1f%n", "unknown user", u / 1e6, percentile(unknown, 90) / 1e6);
        System.out.printf("unknown / known at p50: %.2f%n", u / k);
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes());
    }

    private static long refusal(HttpClient client, URI uri, String authorization) throws Exception {
        long start = System.nanoTime();
        send(client, uri, authorization, 401);
        return System.nanoTime() - start;
    }

    private static void send(HttpClient client, URI uri, String authorization, int expected) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).header("Authorization", authorization).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("HTTP " + r.statusCode() + " (expected " + expected + "): " + r.body());
        }
    }

    private static double percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
