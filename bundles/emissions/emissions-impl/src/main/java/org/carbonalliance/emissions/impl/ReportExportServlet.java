package org.carbonalliance.emissions.impl;

import static org.owasp.encoder.Encode.forHtml;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.carbonalliance.emissions.impl.EmissionsRecords.InventoryReportView;
import org.carbonalliance.emissions.impl.calc.Calculation;
import org.carbonalliance.emissions.impl.calc.ResultLine;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/emissions/exports/{reportId}.csv} (every result line with its factor and arithmetic) and
 * {@code .../{reportId}.html?lang=en|zh} (a printable report in English or Chinese): for the member's users and the
 * verifiers it granted the report. Everything shown is escaped.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/emissions/exports/*",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT })
public class ReportExportServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    private final transient Reports reports;
    private final transient EmissionsService emissions;

    @Activate
    public ReportExportServlet(@Reference EmissionsService emissions) {
        this.emissions = emissions;
        this.reports = emissions.reports;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        boolean csv = path.endsWith(".csv");
        boolean html = path.endsWith(".html");
        String id = path.replaceFirst("\\.(csv|html)$", "");
        if (!(csv || html) || !id.matches("[0-9a-f-]{36}")) {
            throw ApiException.notFound("Use /api/emissions/exports/{reportId}.csv or .html?lang=en|zh.");
        }
        String lang = req.getParameter("lang") == null ? "en" : req.getParameter("lang");
        if (!lang.equals("en") && !lang.equals("zh")) {
            throw ApiException.badRequest("lang: en or zh.", List.of("lang: en or zh"));
        }
        AlliancePrincipal caller = CurrentPrincipal.get().orElseThrow(() -> new ApiException(401, "unauthorized",
                "Log in to export a report."));
        Export export = read(id, caller, () -> new Export(reports.get(id), reports.calculation(id).result(),
                emissions.memberName(CurrentPrincipal.tenantId())));
        resp.setCharacterEncoding("UTF-8");
        if (csv) {
            resp.setContentType("text/csv");
            resp.setHeader("Content-Disposition", "attachment; filename=\"emissions-" + export.report().year() + "-v"
                    + export.report().version() + ".csv\"");
            writeCsv(export, resp.getWriter());
        } else {
            resp.setContentType("text/html");
            resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            writeHtml(export, lang.equals("zh") ? ZH : EN, resp.getWriter());
        }
    }

    /** The member's own report, or one granted to the verifier; anything else is not found. */
    private <T> T read(String id, AlliancePrincipal caller, Supplier<T> work) {
        if (caller.hasRole(Roles.MEMBER_ADMIN) || caller.hasRole(Roles.MEMBER_USER)) {
            try {
                reports.get(id);
                return work.get();
            } catch (ApiException e) {
                if (e.status() != 404 || !caller.hasRole(Roles.VERIFIER)) {
                    throw e;
                }
            }
        }
        return reports.asVerifier(id, caller, work);
    }

    private record Export(InventoryReportView report, Calculation calculation, String member) {
    }

    /** Text a spreadsheet would run as a formula (= + - @, tab, CR first) is prefixed with an apostrophe. */
    static String cell(String text) {
        return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    static void writeCsv(Export export, PrintWriter out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
        csv.printRecord("line", "scope", "category", "basis", "iso_category", "facility", "activity_type", "year",
                "quantity", "unit", "records", "gas", "factor_id", "factor_value", "factor_unit", "factor_source",
                "gwp", "share", "t_co2e", "arithmetic", "note");
        for (ResultLine l : export.calculation().lines()) {
            csv.printRecord(l.line(), l.scope(), l.category(), l.basis(), l.isoCategory(), cell(l.facilityName()),
                    l.activityType(), l.year(), plain(l.quantity()), l.unit(), l.records(), l.gas(), l.factorId(),
                    plain(l.factorValue()), l.factorUnit(), cell(l.factorCitation()), plain(l.gwp()),
                    plain(l.share()), plain(l.tco2e()), cell(l.arithmetic()), cell(l.note()));
        }
        csv.flush();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static String tonnes(BigDecimal value) {
        return value == null ? "" : value.setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** The words of the printable report. */
    private record Words(String lang, String title, String member, String year, String version, String state,
            String gwp, String scope1, String scope2Location, String scope2Market, String scope3, String total,
            String byIso, String iso, String lines, String activity, String factor, String result, String opinion,
            String assurance, String conclusion, String digest, Map<String, String> states) {
    }

    private static final Words EN = new Words("en", "Greenhouse gas inventory", "Organisation", "Reporting year",
            "Version", "State", "GWP set (100-year)", "Scope 1", "Scope 2 (location-based)", "Scope 2 (market-based)",
            "Scope 3", "Total (scope 2 location-based)", "By ISO 14064-1 category", "Category", "Result lines",
            "Activity", "Factor", "t CO2e", "Verification opinion", "Assurance", "Conclusion",
            "Calculation digest (SHA-256)", Map.of("draft", "draft", "submitted", "submitted",
                    "under-verification", "under verification", "verified", "verified", "published", "published"));
    private static final Words ZH = new Words("zh", "温室气体排放清单", "组织", "报告年度", "版本", "状态",
            "全球增温潜势 (100年)", "范围一", "范围二 (基于位置)", "范围二 (基于市场)", "范围三", "合计 (范围二基于位置)",
            "按 ISO 14064-1 类别", "类别", "计算明细", "活动", "排放因子", "吨二氧化碳当量", "核查意见", "保证程度",
            "结论", "计算摘要 (SHA-256)", Map.of("draft", "草稿", "submitted", "已提交", "under-verification",
                    "核查中", "verified", "已核查", "published", "已发布"));

    static void writeHtml(Export export, Words w, PrintWriter out) {
        InventoryReportView r = export.report();
        Calculation c = export.calculation();
        out.println("<!DOCTYPE html><html lang='" + w.lang() + "'><head><meta charset='utf-8'><title>"
                + forHtml(w.title() + " " + r.year()) + "</title><style>body{font-family:sans-serif;max-width:60em;"
                + "margin:2em auto}td,th{padding:.25em .6em;text-align:left;vertical-align:top;border-bottom:1px solid "
                + "#ddd}td.n{text-align:right}small{color:#555}@media print{a{display:none}}</style></head><body>");
        out.println("<h1>" + forHtml(w.title()) + "</h1><table>");
        row(out, w.member(), export.member());
        row(out, w.year(), String.valueOf(r.year()));
        row(out, w.version(), String.valueOf(r.version()));
        row(out, w.state(), w.states().getOrDefault(r.state(), r.state()));
        row(out, w.gwp(), c.gwpSet().name());
        out.println("</table><h2>" + forHtml(w.result()) + "</h2><table>");
        Map<String, BigDecimal> s = c.byScope();
        row(out, w.scope1(), tonnes(s.get("scope1")));
        row(out, w.scope2Location(), tonnes(s.get("scope2-location")));
        row(out, w.scope2Market(), tonnes(s.get("scope2-market")));
        row(out, w.scope3(), tonnes(s.get("scope3")));
        row(out, w.total(), tonnes(s.get("scope1").add(s.get("scope2-location")).add(s.get("scope3"))));
        out.println("</table><h2>" + forHtml(w.byIso()) + "</h2><table>");
        c.byIsoCategory().forEach((category, t) -> row(out, w.iso() + " " + category, tonnes(t)));
        out.println("</table><h2>" + forHtml(w.lines()) + "</h2><table><tr><th>#</th><th>" + forHtml(w.activity())
                + "</th><th>" + forHtml(w.factor()) + "</th><th>" + forHtml(w.result()) + "</th></tr>");
        for (ResultLine l : c.lines()) {
            out.println("<tr><td>" + l.line() + "</td><td>" + forHtml(l.activityType() + " · " + l.facilityName()
                    + " · " + l.year() + (l.basis() == null ? "" : " · " + l.basis())) + "<br><small>"
                    + forHtml(l.arithmetic()) + (l.note() == null ? "" : "<br>" + forHtml(l.note()))
                    + "</small></td><td><small>" + forHtml(l.factorId() == null ? "" : l.factorId()) + "<br>"
                    + forHtml(l.factorCitation() == null ? "" : l.factorCitation()) + "</small></td><td class='n'>"
                    + tonnes(l.tco2e()) + "</td></tr>");
        }
        out.println("</table>");
        if (r.opinion() != null) {
            out.println("<h2>" + forHtml(w.opinion()) + "</h2><table>");
            row(out, w.assurance(), r.opinion().assurance());
            row(out, w.conclusion(), r.opinion().conclusion());
            row(out, "", r.opinion().statement() + " (" + r.opinion().verifier() + ", " + r.opinion().at() + ")");
            out.println("</table>");
        }
        out.println("<p><small>" + forHtml(w.digest()) + ": " + forHtml(String.valueOf(r.calculationDigest()))
                + "</small></p></body></html>");
        out.flush();
    }

    private static void row(PrintWriter out, String label, String value) {
        out.println("<tr><th>" + forHtml(label) + "</th><td>" + forHtml(value == null ? "" : value) + "</td></tr>");
    }
}
