import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;

/**
 * Licensing. "member PORT ADMIN_PASSWORD" makes a member over HTTP (application, approval, activation) and prints its
 * tenant id and login; "seed JDBC_URL N LICENSOR" writes N licences straight into a stopped server's database, one
 * in ten with LICENSOR among its licensors; "measure PORT LOGIN N" then requests N times, interleaved: a baseline
 * (GET /api/health), a licence request granted at once after ten policies judged it (POST /api/licensing/requests),
 * and the licensor's first page of 100 licences among them all (GET /api/licensing/licences). Prints p50 and p95.
 */
public class LicensingBench {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "member" -> member(Integer.parseInt(args[1]), args[2]);
            case "seed" -> seed(args[1], Integer.parseInt(args[2]), args[3]);
            default -> measure(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]));
        }
    }

    static HttpResponse<String> send(int port, String method, String path, String auth, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (auth != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes()));
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"");
        return json.substring(at + name.length() + 4, json.indexOf('"', at + name.length() + 4));
    }

    private static void member(int port, String adminPassword) throws Exception {
        String admin = "admin:" + adminPassword;
        String applied = send(port, "POST", "/api/membership/applications", null, "{\"organisationName\":"
                + "\"Bench Licensee Co\",\"type\":\"company\",\"country\":\"CN\",\"registrationNumber\":\"BENCH-1\","
                + "\"website\":\"https://bench.example\",\"contactName\":\"Bench\",\"contactEmail\":"
                + "\"admin@bench.example\",\"areas\":[\"Y02E\"],\"statement\":\"Licensing benchmark member, "
                + "working toward carbon neutrality.\",\"seeking\":\"both\"}").body();
        String approved = send(port, "POST", "/api/membership/applications/" + field(applied, "id") + "/approve",
                admin, null).body();
        String password = "Bench-Licensee-Password-1";
        send(port, "POST", "/api/identity/activate", null, "{\"token\":\"" + field(approved, "activationToken")
                + "\",\"password\":\"" + password + "\"}");
        System.out.println(field(approved, "tenantId") + " admin@bench.example:" + password);
    }

    private static void seed(String url, int n, String licensor) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "alliance", "")) {
            c.setAutoCommit(false);
            PreparedStatement licence = c.prepareStatement("insert into lc_licence (id, request_id, licensee_tenant, "
                    + "licensee_name, licensors, patents, offer_id, offer_version, starts_on, ends_on, state, "
                    + "canonical_json, digest, granted_at, version) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)");
            PreparedStatement licensors = c.prepareStatement("insert into lc_licence_licensor (licence_id, "
                    + "licensor_tenant) values (?,?)");
            for (int i = 0; i < n; i++) {
                String id = String.format("00000000-0000-0000-0000-%012d", i);
                String owner = i % 10 == 0 ? licensor : "t-bench-" + (i % 97);
                licence.setString(1, id);
                licence.setString(2, id);
                licence.setString(3, "t-licensee-" + (i % 1000));
                licence.setString(4, "Licensee " + (i % 1000));
                licence.setString(5, owner);
                licence.setString(6, "CN" + (130_000_000 + i) + "B");
                licence.setString(7, "standard");
                licence.setInt(8, 1);
                licence.setObject(9, LocalDate.of(2026, 1, 1).plusDays(i % 300));
                licence.setObject(10, LocalDate.of(2046, 1, 1));
                licence.setString(11, "ACTIVE");
                licence.setString(12, "{}");
                licence.setString(13, "0".repeat(64));
                licence.setTimestamp(14, Timestamp.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L)));
                licence.addBatch();
                licensors.setString(1, id);
                licensors.setString(2, owner);
                licensors.addBatch();
                if (i % 1000 == 999) {
                    licence.executeBatch();
                    licensors.executeBatch();
                }
            }
            licence.executeBatch();
            licensors.executeBatch();
            c.commit();
        }
        System.out.println("seeded " + n + " licences, " + (n / 10) + " of them granted by " + licensor);
    }

    private static void measure(int port, String login, int n) throws Exception {
        String[] names = {"baseline: GET /api/health", "request judged by 10 policies and granted",
            "licensor's first 100 licences of 50,000"};
        long[][] nanos = new long[names.length][n];
        String request = "{\"patents\":[\"BENCH_PATENT\"],\"intendedUse\":\"Benchmark.\",\"countries\":[\"CN\"]}";
        for (int i = -50; i < n; i++) {
            long t = System.nanoTime();
            check(send(port, "GET", "/api/health", null, null), 200);
            long t1 = System.nanoTime();
            check(send(port, "POST", "/api/licensing/requests", login, request.replace("BENCH_PATENT",
                    System.getProperty("patent"))), 201);
            long t2 = System.nanoTime();
            check(send(port, "GET", "/api/licensing/licences?limit=100", login, null), 200);
            long t3 = System.nanoTime();
            if (i >= 0) {
                nanos[0][i] = t1 - t;
                nanos[1][i] = t2 - t1;
                nanos[2][i] = t3 - t2;
            }
        }
        for (int k = 0; k < names.length; k++) {
            System.out.printf("%-44s p50 %6.2f ms  p95 %6.2f ms%n", names[k], pct(nanos[k], 50) / 1e6,
                    pct(nanos[k], 95) / 1e6);
        }
    }

    private static void check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static double pct(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
