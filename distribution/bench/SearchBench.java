import java.io.BufferedWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Searching 100,000 pooled patents. "generate FILE N MEMBER" writes a Lens-style CSV of N made-up patents for the
 * member (tenant id), half with English text and half with Chinese, spread over offices, statuses, climate tags and
 * filing years; "measure PORT N" then requests N times each, interleaved: a two-word English query with three facet
 * filters, a two-word Chinese query with three facet filters, one patent by number, and a baseline (GET /api/health). "measure PORT N PATENTS".
 * Every search also computes the six facet counts and the highlights. Prints p50 and p95 in milliseconds.
 */
public class SearchBench {

    static final String[] EN = ("energy storage battery thermal management solar photovoltaic wind turbine blade "
            + "hydrogen electrolyser carbon capture cooling data centre heat pump building insulation grid "
            + "scheduling charging vehicle electric logistics packaging recycling metering sensor forecast "
            + "efficiency converter inverter lithium sodium flow cell membrane catalyst biomass methane").split(" ");
    static final String[] ZH = ("储能 电池 热管理 光伏 风电 叶片 氢能 电解槽 碳捕集 冷却 数据中心 热泵 建筑 保温 电网 调度 "
            + "充电 车辆 物流 包装 回收 计量 传感器 预测 效率 变流器 逆变器 锂电 钠电 液流 膜 催化剂 生物质 甲烷").split(" ");
    static final String[] TAGS = {"Y02E 60/10", "Y02E 10/50", "Y02D 10/00", "Y02B 30/00", "Y02T 10/70",
        "Y02P 90/02", "Y02W 30/62", "Y02C 20/40", "Y02A 90/10", "Y04S 10/50"};
    static final String[] OFFICES = {"CN", "CN", "CN", "US", "EP", "JP", "KR", "WO"};

    public static void main(String[] args) throws Exception {
        if (args[0].equals("generate")) {
            generate(Path.of(args[1]), Integer.parseInt(args[2]), args[3]);
        } else {
            measure(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        }
    }

    static String number(int i) {
        return OFFICES[i % OFFICES.length] + (20_000_000 + i) + (i % 5 == 0 ? "A" : "B");
    }

    private static String words(String[] vocabulary, Random random, int n, String joiner) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(i == 0 ? "" : joiner).append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return text.toString();
    }

    private static void generate(Path file, int n, String member) throws Exception {
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("\"Display Key\",\"Application Date\",\"Title\",\"Abstract\",\"Title (zh)\",\"Abstract (zh)\","
                    + "\"Applicants\",\"Inventors\",\"CPC Classifications\",\"Member\"\n");
            for (int i = 0; i < n; i++) {
                boolean chinese = i % 2 == 1;
                String filed = (2005 + random.nextInt(20)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9);
                String title = chinese ? "" : words(EN, random, 5, " ");
                String abstractText = chinese ? "" : words(EN, random, 30, " ") + ".";
                String titleZh = chinese ? words(ZH, random, 5, "") : "";
                String abstractZh = chinese ? words(ZH, random, 30, "") + "。" : "";
                out.write(number(i) + "," + filed + ",\"" + title + "\",\"" + abstractText + "\",\"" + titleZh + "\",\""
                        + abstractZh + "\",\"Bench Applicant " + (i % 50) + "\",\"Inventor " + (i % 997) + "\",\""
                        + TAGS[i % TAGS.length] + "\"," + member + "\n");
            }
        }
        System.out.println("generated " + n + " patents in " + file);
    }

    private static void measure(int port, int n, int patents) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + port;
        Random random = new Random(7);
        String[] names = {"baseline: GET /api/health", "search, 2 English words + 3 facet filters",
            "search, 2 Chinese words + 3 facet filters", "GET one patent by number"};
        long[][] nanos = new long[names.length][n];
        for (int i = -200; i < n; i++) {
            String[] paths = {"/api/health",
                "/api/patentpool/search?q=" + enc(words(EN, random, 2, " "))
                        + "&climateTag=Y02E&jurisdiction=CN&status=granted",
                "/api/patentpool/search?q=" + enc(words(ZH, random, 2, " "))
                        + "&climateTag=Y02E&jurisdiction=CN&status=granted",
                "/api/patentpool/patents/" + number(random.nextInt(patents))};
            for (int k = 0; k < paths.length; k++) {
                long t = System.nanoTime();
                get(client, base + paths[k]);
                if (i >= 0) {
                    nanos[k][i] = System.nanoTime() - t;
                }
            }
        }
        for (int k = 0; k < names.length; k++) {
            System.out.printf("%-46s p50 %6.2f ms  p95 %6.2f ms%n", names[k], pct(nanos[k], 50) / 1e6,
                    pct(nanos[k], 95) / 1e6);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void get(HttpClient client, String url) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
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
