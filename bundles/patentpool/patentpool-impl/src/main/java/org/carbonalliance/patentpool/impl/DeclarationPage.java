package org.carbonalliance.patentpool.impl;

import static org.owasp.encoder.Encode.forHtml;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/patentpool/declarations/{publicationNumber}}: the open-licence declaration as a printable page in
 * Chinese and English (public). Everything shown is escaped.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/patentpool/declarations/*",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT,
        ApiContext.PUBLIC + "=true" })
public class DeclarationPage extends ApiServlet {
    private static final long serialVersionUID = 1L;

    private final transient Patents patents;

    @Activate
    public DeclarationPage(@Reference Patents patents) {
        this.patents = patents;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String number = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        OpenLicenceDeclaration d = patents.declaration(number);
        resp.setContentType("text/html");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        PrintWriter out = resp.getWriter();
        out.println("<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'><title>开放许可声明 Open licence "
                + "declaration " + forHtml(d.publicationNumber()) + "</title><style>body{font-family:sans-serif;"
                + "max-width:50em;margin:2em auto}td{padding:.3em .8em;vertical-align:top}</style></head><body>");
        if (d.demo()) {
            out.println("<p style='border:2px solid #c00;padding:.5em'><b>演示数据，并非真实专利 · Demo data: a made-up "
                    + "patent, this declaration is a specimen only.</b></p>");
        }
        out.println("<h1>专利开放许可声明<br>Open licence declaration</h1><table>");
        row(out, "专利号 Patent number", d.publicationNumber(), "");
        row(out, "专利类型 Type", d.patentTypeZh(), d.patentTypeEn());
        row(out, "专利权人 Patentee", String.join("；", d.patentees()), "");
        row(out, "许可使用费 Licence fee", d.licenceFeeZh(), d.licenceFeeEn());
        row(out, "支付方式 Payment", d.paymentZh(), d.paymentEn());
        row(out, "许可期限 Term", d.termZh(), d.termEn());
        row(out, "许可条件 Conditions", d.conditionsZh(), d.conditionsEn());
        if (d.evaluationReportRequired()) {
            row(out, "专利权评价报告 Evaluation report", "须提交专利权评价报告",
                    "A patent evaluation report is required for this type");
        }
        row(out, "依据 Legal basis", d.legalBasisZh(), d.legalBasisEn());
        out.println("</table></body></html>");
    }

    private static void row(PrintWriter out, String label, String zh, String en) {
        out.println("<tr><td>" + forHtml(label) + "</td><td>" + forHtml(zh) + (en.isEmpty() ? "" : "<br>" + forHtml(en))
                + "</td></tr>");
    }
}
