import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Listing applications with a filter. "seed JDBC_URL N" writes N applications straight into a stopped server's
 * database (60% submitted, the rest spread over the other states); "measure PORT USER:PASSWORD N" then requests
 * N times, interleaved: the filtered list (state=submitted, 50 per page, first page and page 40) and a baseline
 * authenticated request that reads one small table (GET /api/identity/keys). Prints p50 and p95 in milliseconds.
 */
public class ListBench {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("seed")) {
            seed(args[1], Integer.parseInt(args[2]));
        } else {
            measure(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]));
        }
    }

    private static void seed(String url, int n) throws Exception {
        String[] states = {"submitted", "submitted", "submitted", "submitted", "submitted", "submitted",
            "under-review", "information-requested", "rejected", "withdrawn"};
        try (Connection c = DriverManager.getConnection(url, "alliance", "")) {
            c.setAutoCommit(false);
            PreparedStatement insert = c.prepareStatement("insert into mb_application (id, organisation_name, "
                    + "local_name, org_type, country, registration_number, website, contact_name, contact_email, "
                    + "areas, statement, seeking, state, status_token_hash, findings, submitted_at, updated_at) "
                    + "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < n; i++) {
                Timestamp at = Timestamp.from(start.plusSeconds(i * 60L));
                insert.setString(1, String.format("00000000-0000-0000-0000-%012d", i));
                insert.setString(2, "Bench organisation " + i);
                insert.setString(3, null);
                insert.setString(4, i % 3 == 0 ? "university" : "company");
                insert.setString(5, "CN");
                insert.setString(6, "BENCH-" + i);
                insert.setString(7, "https://bench" + i + ".example");
                insert.setString(8, "Bench contact");
                insert.setString(9, "contact" + i + "@bench.example");
                insert.setString(10, "Y02D,Y02E");
                insert.setString(11, "Benchmark application number " + i + " working toward carbon neutrality.");
                insert.setString(12, "both");
                insert.setString(13, states[i % states.length]);
                insert.setString(14, "0".repeat(64));
                insert.setString(15, "[{\"check\":\"duplicates\",\"level\":\"PASS\",\"message\":\"none\"}]");
                insert.setTimestamp(16, at);
                insert.setTimestamp(17, at);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            c.commit();
        }
        System.out.println("seeded " + n + " applications");
    }

    private static void measure(int port, String credentials, int n) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + port;
        String[] paths = {"/api/identity/keys", "/api/membership/applications?state=submitted&limit=50",
            "/api/membership/applications?state=submitted&limit=50&offset=2000"};
        long[][] nanos = new long[paths.length][n];
        for (int warm = 0; warm < 300; warm++) {
            get(client, base + paths[warm % paths.length], auth);
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < paths.length; k++) {
                long t = System.nanoTime();
                get(client, base + paths[k], auth);
                nanos[k][i] = System.nanoTime() - t;
            }
        }
        String[] names = {"baseline: GET /api/identity/keys", "list submitted, first page of 50",
            "list submitted, page 41 (offset 2000)"};
        for (int k = 0; k < paths.length; k++) {
            System.out.printf("%-36s p50 %6.2f ms  p95 %6.2f ms%n", names[k], pct(nanos[k], 50) / 1e6,
                    pct(nanos[k], 95) / 1e6);
        }
    }

    private static void get(HttpClient client, String url, String auth) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static double pct(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
