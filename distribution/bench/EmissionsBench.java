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
 * Emissions. "inventory PORT LOGIN N" gives the member two facilities, a 2023 period with N activity records
 * (uploaded as CSV, 100,000 rows a file) and a 2022 baseline period with 10, a report on each, and prints the two
 * report ids; "calculate PORT LOGIN REPORT BASELINE N" times full recalculations of both, interleaved;
 * "seed-rollup JDBC_URL MEMBERS YEARS" writes published reports straight into a stopped server's database;
 * "rollup PORT N" times the public roll-up against GET /api/health.
 */
public class EmissionsBench {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Scope, category, activity type, gas; and the unit of each. */
    static final String[] TYPES = { "2,,electricity,", "1,,stationary-combustion/natural-gas,",
        "1,,refrigerant-loss,R-410A", "3,6,direct-emission,CO2e" };
    static final String[] UNITS = { "kWh", "GJ", "kg", "t" };

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "inventory" -> inventory(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]));
            case "calculate" -> calculate(Integer.parseInt(args[1]), args[2], args[3], args[4],
                    Integer.parseInt(args[5]));
            case "seed-rollup" -> seedRollup(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "rollup" -> rollup(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static HttpResponse<String> send(int port, String method, String path, String login, String type, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", type);
        }
        if (login != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(login.getBytes()));
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String json(int port, String method, String path, String login, String body, int status)
            throws Exception {
        HttpResponse<String> r = send(port, method, path, login, "application/json", body);
        check(r, status);
        return r.body();
    }

    static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(i, json.indexOf('"', i));
    }

    private static void inventory(int port, String login, int n) throws Exception {
        json(port, "POST", "/api/emissions/facilities", login, "{\"name\":\"Plant A\",\"country\":\"CN\","
                + "\"gridRegion\":\"CN-EAST\"}", 201);
        json(port, "POST", "/api/emissions/facilities", login, "{\"name\":\"Plant B\",\"country\":\"CN\"}", 201);
        String period = field(json(port, "POST", "/api/emissions/periods", login, "{\"year\":2023}", 201), "id");
        String baseline = field(json(port, "POST", "/api/emissions/periods", login, "{\"year\":2022}", 201), "id");
        long t = System.nanoTime();
        for (int from = 0; from < n; from += 100_000) {
            upload(port, login, period, 2023, from, Math.min(n, from + 100_000));
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        upload(port, login, baseline, 2022, 0, 10);
        String report = field(json(port, "POST", "/api/emissions/reports", login, "{\"periodId\":\"" + period
                + "\"}", 201), "id");
        String base = field(json(port, "POST", "/api/emissions/reports", login, "{\"periodId\":\"" + baseline
                + "\"}", 201), "id");
        System.err.printf("uploaded %d activity records in %.1f s (%.0f records/s)%n", n, seconds, n / seconds);
        System.out.println(report + " " + base);
    }

    private static void upload(int port, String login, String period, int year, int from, int to) throws Exception {
        StringBuilder csv = new StringBuilder("facility,scope,category,activity_type,gas,quantity,unit,starts_on,"
                + "ends_on,evidence\n");
        for (int i = from; i < to; i++) {
            LocalDate day = LocalDate.of(year, 1, 1).plusDays(i % 365);
            csv.append(i % 2 == 0 ? "Plant A," : "Plant B,").append(TYPES[i % TYPES.length]).append(',')
                    .append(1 + i % 97).append(',').append(UNITS[i % UNITS.length]).append(',').append(day)
                    .append(',').append(day).append(",meter ").append(i)
                    .append('\n');
        }
        check(send(port, "POST", "/api/emissions/periods/" + period + "/activities/import", login, "text/csv",
                csv.toString()), 201);
    }

    private static void calculate(int port, String login, String report, String baseline, int n) throws Exception {
        long[][] nanos = new long[2][n];
        for (int i = -3; i < n; i++) {
            long t = System.nanoTime();
            String base = json(port, "POST", "/api/emissions/reports/" + baseline + "/calculate", login, "{}", 200);
            long t1 = System.nanoTime();
            String big = json(port, "POST", "/api/emissions/reports/" + report + "/calculate", login, "{}", 200);
            long t2 = System.nanoTime();
            if (i >= 0) {
                nanos[0][i] = t1 - t;
                nanos[1][i] = t2 - t1;
            }
            if (i == n - 1) {
                System.out.println("totals of the large report: " + big.substring(big.indexOf("\"totals\"")));
            }
        }
        print("baseline: report of 10 records", nanos[0]);
        print("full recalculation, 1,000,000 records", nanos[1]);
    }

    private static void seedRollup(String url, int members, int years) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "alliance", "")) {
            c.setAutoCommit(false);
            PreparedStatement report = c.prepareStatement("insert into em_report (id, tenant_id, period_id, "
                    + "report_year, report_version, state, stale, scope1, scope2_location, scope2_market, scope3, "
                    + "created_at, created_by, published_at, lock_version) values (?,?,?,?,1,'published',false,?,?,?,?,"
                    + "?,'bench',?,0)");
            PreparedStatement profile = c.prepareStatement("insert into em_profile (id, tenant_id, boundary, country, "
                    + "sector, disclose, updated_at, lock_version) values (?,?,'operational-control',?,?,?,?,0)");
            String[] sectors = { "technology", "cement", "steel", "retail", "energy", "transport", "chemicals" };
            String[] countries = { "CN", "CN", "CN", "DE", "US", "GB", "JP", "KE" };
            Timestamp now = Timestamp.from(Instant.now());
            for (int m = 0; m < members; m++) {
                String tenant = String.format("t-bench-%04d", m);
                profile.setString(1, String.format("00000000-0000-0000-0001-%012d", m));
                profile.setString(2, tenant);
                profile.setString(3, countries[m % countries.length]);
                profile.setString(4, sectors[(m * 7 + m / 3) % sectors.length]);
                profile.setBoolean(5, m % 10 == 0);
                profile.setTimestamp(6, now);
                profile.addBatch();
                for (int y = 0; y < years; y++) {
                    report.setString(1, String.format("00000000-0000-%04d-0002-%012d", y, m));
                    report.setString(2, tenant);
                    report.setString(3, String.format("00000000-0000-%04d-0003-%012d", y, m));
                    report.setInt(4, 2020 + y);
                    report.setBigDecimal(5, java.math.BigDecimal.valueOf(1000 + m));
                    report.setBigDecimal(6, java.math.BigDecimal.valueOf(500 + y));
                    report.setBigDecimal(7, java.math.BigDecimal.valueOf(400 + y));
                    report.setBigDecimal(8, java.math.BigDecimal.valueOf(2000 + m % 13));
                    report.setTimestamp(9, now);
                    report.setTimestamp(10, now);
                    report.addBatch();
                }
            }
            profile.executeBatch();
            report.executeBatch();
            c.commit();
        }
        System.out.println("seeded " + members + " members' published reports for " + years + " years");
    }

    private static void rollup(int port, int n) throws Exception {
        long[][] nanos = new long[2][n];
        for (int i = -20; i < n; i++) {
            long t = System.nanoTime();
            check(send(port, "GET", "/api/health", null, null, null), 200);
            long t1 = System.nanoTime();
            HttpResponse<String> r = send(port, "GET", "/api/emissions/rollup", null, null, null);
            check(r, 200);
            long t2 = System.nanoTime();
            if (i >= 0) {
                nanos[0][i] = t1 - t;
                nanos[1][i] = t2 - t1;
            }
            if (i == n - 1 && !r.body().contains("\"members\":1000")) {
                throw new IllegalStateException("the roll-up does not count 1,000 members: " + r.body());
            }
        }
        print("baseline: GET /api/health", nanos[0]);
        print("roll-up over 1,000 members' published reports", nanos[1]);
    }

    static void print(String name, long[] nanos) {
        System.out.printf("%-44s p50 %7.2f ms  p95 %7.2f ms%n", name, pct(nanos, 50) / 1e6, pct(nanos, 95) / 1e6);
    }

    static void check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    static double pct(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
