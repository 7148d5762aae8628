package org.carbonalliance.licensing.impl;

import static org.owasp.encoder.Encode.forHtml;
import static org.owasp.encoder.Encode.forHtmlAttribute;
import static org.owasp.encoder.Encode.forUriComponent;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URL;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.apache.felix.webconsole.servlet.User;
import org.carbonalliance.licensing.impl.LicensingRecords.AssertionForm;
import org.carbonalliance.licensing.impl.LicensingRecords.AssertionView;
import org.carbonalliance.licensing.impl.LicensingRecords.DueReport;
import org.carbonalliance.licensing.impl.LicensingRecords.LicenceView;
import org.carbonalliance.licensing.impl.LicensingRecords.PolicyAnswer;
import org.carbonalliance.licensing.impl.LicensingRecords.Refusal;
import org.carbonalliance.licensing.impl.LicensingRecords.RequestView;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.validation.RecordValidator;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.carbonalliance.platform.api.web.CsrfToken;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The console's Licensing page: the requests awaiting the secretariat's review (with each policy's answer) and their
 * grant or refusal, the licences with their reports due and digests, defensive termination in two explicit steps
 * (record an assertion, see the licences it would end, confirm), and bar charts of grants per month and of active
 * licences by climate tag. Everything shown is escaped.
 * <p>
 * Forms post back to the page with its CSRF token (the console's RequestGuard also wants the console's own origin).
 * A post writes nothing itself: the console then renders the page, with the outcome as a notice on top. The console
 * allows same-origin scripts only, so the page serves its script and uPlot itself, under {@code res/}; the charts
 * read {@code chart.json}.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + LicensingPage.LABEL,
        "felix.webconsole.title=Licensing",
        "felix.webconsole.category=Carbon Alliance",
        "felix.webconsole.css=/" + LicensingPage.LABEL + "/res/uPlot.min.css",
        "felix.webconsole.css=/" + LicensingPage.LABEL + "/res/licensing.css" })
public class LicensingPage extends AbstractServlet {
    private static final long serialVersionUID = 1L;

    static final String LABEL = "licensing";
    /** What the page serves under its {@code res/}: the path in this bundle of each file (uPlot's: see bnd.bnd). */
    private static final Map<String, String> RESOURCES = Map.of(
            "/res/licensing.js", "/licensing-console/licensing.js",
            "/res/licensing.css", "/licensing-console/licensing.css",
            "/res/uPlot.iife.min.js", "/licensing-console/uPlot.iife.min.js",
            "/res/uPlot.min.css", "/licensing-console/uPlot.min.css");
    private static final String NOTICE = LicensingPage.class.getName() + ".notice";
    private static final int MONTHS = 24;
    /** Licences in a page of the table, and read at once for the chart. */
    private static final int SHOWN_LICENCES = 200;
    private static final int CHART_PAGE = 500;

    private final transient Licensing licensing;
    private final transient RecordValidator validator;
    private final transient CsrfToken csrf = new CsrfToken();

    /** One bar of a chart. */
    public record Bar(String label, long count) {
    }

    /** What {@code chart.json} answers. */
    public record Chart(List<Bar> grantedPerMonth, List<Bar> byClimateTag, long activeLicences, long licensees) {
    }

    /** The outcome of a post, shown above the sections; {@code pending} an assertion recorded, to confirm. */
    record Notice(boolean error, String text, List<String> details, AssertionView pending) {
        static Notice done(String text) {
            return new Notice(false, text, List.of(), null);
        }
    }

    @Activate
    public LicensingPage(@Reference Licensing licensing, @Reference RecordValidator validator) {
        this.licensing = licensing;
        this.validator = validator;
    }

    @Override
    protected URL getResource(String path) {
        String file = RESOURCES.get(subPath(path));
        return file == null ? null : getClass().getResource(file);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        switch (subPath(req.getPathInfo())) {
            case "", "/" -> {
                // nothing answered: the console renders the page around renderContent
            }
            case "/chart.json" -> {
                AlliancePrincipal operator = operator(req);
                ApiServlet.writeJson(resp, 200, CurrentPrincipal.supplyAs(operator, () -> chart(operator)));
            }
            default -> {
                if (getResource(req.getPathInfo()) == null) {
                    resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                } else {
                    super.doGet(req, resp);
                }
            }
        }
    }

    /** Grants in each of the last 24 months (UTC), and active licences by climate tag. */
    private Chart chart(AlliancePrincipal operator) {
        Map<YearMonth, Long> months = new LinkedHashMap<>();
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        for (int i = MONTHS - 1; i >= 0; i--) {
            months.put(now.minusMonths(i), 0L);
        }
        YearMonth first = now.minusMonths(MONTHS - 1L);
        // Newest first, a page at a time, until a page reaches back past the first month.
        for (int offset = 0;; offset += CHART_PAGE) {
            List<LicenceView> page = licensing.licences(operator, false, offset, CHART_PAGE);
            for (LicenceView l : page) {
                months.computeIfPresent(YearMonth.from(l.grantedAt().atZone(ZoneOffset.UTC)), (m, n) -> n + 1);
            }
            if (page.size() < CHART_PAGE || YearMonth.from(page.get(page.size() - 1).grantedAt()
                    .atZone(ZoneOffset.UTC)).isBefore(first)) {
                break;
            }
        }
        LicensingRecords.Stats stats = licensing.stats();
        return new Chart(months.entrySet().stream().map(e -> new Bar(e.getKey().toString(), e.getValue())).toList(),
                stats.byClimateTag().stream().map(c -> new Bar(c.key(), c.licences())).toList(),
                stats.activeLicences(), stats.licensees());
    }

    @Override
    public void renderContent(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AlliancePrincipal operator = operator(req);
        String root = pluginRoot(req);
        PrintWriter out = resp.getWriter();
        int offset = offset(req);
        // One more than shown, to know whether there is a next page.
        List<LicenceView> licences = CurrentPrincipal.supplyAs(operator,
                () -> licensing.licences(operator, false, offset, SHOWN_LICENCES + 1));
        Notice notice = req.getAttribute(NOTICE) instanceof Notice n ? n : null;
        out.println("<div id='licensing' data-root='" + forHtmlAttribute(root) + "'>");
        if (notice != null) {
            renderNotice(out, notice);
        }
        renderRequests(out, CurrentPrincipal.supplyAs(operator, () -> licensing.requests(operator, "under-review")));
        renderLicences(req, out, licences, offset);
        renderTermination(out, notice == null ? null : notice.pending(), operator);
        out.println("<h2>Charts</h2><div class='lc-charts'>"
                + "<figure class='lc-figure'><figcaption>Licences granted per month</figcaption>"
                + "<div id='lc-chart-months' class='lc-chart'></div></figure>"
                + "<figure class='lc-figure'><figcaption>Active licences by climate tag</figcaption>"
                + "<div id='lc-chart-tags' class='lc-chart'></div></figure></div>"
                + "<p id='lc-chart-status' class='lc-note'></p>");
        out.println("</div>");
        out.println("<script src='" + forHtmlAttribute(root + "/res/uPlot.iife.min.js") + "'></script>");
        out.println("<script src='" + forHtmlAttribute(root + "/res/licensing.js") + "'></script>");
    }

    private static void renderNotice(PrintWriter out, Notice notice) {
        out.println("<div id='lc-notice' role='status' class='statline " + (notice.error() ? "ui-state-error"
                : "ui-state-highlight") + "'>" + forHtml(notice.text()) + (notice.details().isEmpty() ? ""
                        : notice.details().stream().map(d -> "<li>" + forHtml(d) + "</li>")
                                .collect(Collectors.joining("", "<ul>", "</ul>"))) + "</div>");
    }

    private void renderRequests(PrintWriter out, List<RequestView> requests) {
        out.println("<h2>Requests awaiting review</h2>");
        if (requests.isEmpty()) {
            out.println("<p id='lc-requests-none'>No request awaits review.</p>");
            return;
        }
        out.println("<table class='nicetable' id='lc-requests'><tr><th>Organisation</th><th>Country</th>"
                + "<th>Patents and tags</th><th>Intended use</th><th>Policies</th><th>Requested</th>"
                + "<th>Decision</th></tr>");
        for (RequestView r : requests) {
            String scope = shortList(r.patents(), 3) + (r.climateTags().isEmpty() ? "" : (r.patents().isEmpty()
                    ? "" : "; ") + "tags " + String.join(", ", r.climateTags()));
            out.println("<tr data-request='" + forHtmlAttribute(r.id()) + "'><td>" + forHtml(r.licenseeName())
                    + (r.licenseeTenantId() == null ? " <em>(non-member)</em>" : "") + "</td><td>"
                    + forHtml(String.valueOf(r.licenseeCountry())) + "</td><td title='" + forHtmlAttribute(String.join(
                            ", ", r.patents())) + "'>" + forHtml(scope) + "</td><td title='" + forHtmlAttribute(
                                    r.intendedUse()) + "'>" + forHtml(shorten(r.intendedUse(), 200)) + "</td><td>"
                    + answers(r.decisions()) + "</td><td>" + forHtml(String.valueOf(r.createdAt())) + "</td><td>"
                    + form("grant", r.id(), "Grant", null) + form("refuse", r.id(), "Refuse", "reason") + "</td></tr>");
        }
        out.println("</table>");
    }

    private static String answers(List<PolicyAnswer> answers) {
        return answers.stream().map(a -> "<li><strong>" + forHtml(a.policy()) + "</strong>: " + forHtml(a.outcome())
                + (a.reasons().isEmpty() ? "" : " - " + forHtml(String.join("; ", a.reasons()))) + "</li>")
                .collect(Collectors.joining("", "<ul class='lc-answers'>", "</ul>"));
    }

    private void renderLicences(HttpServletRequest req, PrintWriter out, List<LicenceView> licences, int offset) {
        int shown = Math.min(SHOWN_LICENCES, licences.size());
        out.println("<h2>Licences</h2><p class='lc-note' id='lc-licences-range'>" + (shown == 0 ? "No licences"
                : "Licences " + (offset + 1) + " to " + (offset + shown) + ", granted last first") + "."
                + (offset > 0 ? " <a href='?offset=" + Math.max(0, offset - SHOWN_LICENCES) + "'>previous page</a>"
                        : "")
                + (licences.size() > SHOWN_LICENCES ? " <a href='?offset=" + (offset + SHOWN_LICENCES)
                        + "'>next page</a>" : "")
                + " The digest links to its verification, which recomputes it from the stored licence.</p>");
        out.println("<table class='nicetable' id='lc-licences'><tr><th>Licensee</th><th>Licensors</th>"
                + "<th>Patents</th><th>State</th><th>Starts</th><th>Ends</th><th>Good standing</th>"
                + "<th>Reports due</th><th>Digest</th></tr>");
        String api = req.getContextPath() + "/api/licensing/licences/";
        for (LicenceView l : licences.subList(0, shown)) {
            boolean overdue = l.dueReports().stream().anyMatch(DueReport::overdue);
            out.println("<tr data-licence='" + forHtmlAttribute(l.id()) + "'" + (overdue ? " class='lc-overdue'" : "")
                    + "><td>" + forHtml(l.licenseeName()) + "</td><td>" + l.licensorTenantIds().size() + "</td><td>"
                    + l.patents().size() + "</td><td>" + forHtml(l.state()) + "</td><td>" + l.startsOn() + "</td><td>"
                    + (l.endsOn() == null ? "" : l.endsOn()) + "</td><td>" + (l.goodStanding() ? "yes" : "no")
                    + "</td><td>" + dueReports(l.dueReports()) + "</td><td><a href='" + forHtmlAttribute(api
                            + forUriComponent(l.id()) + "/verify") + "' title='" + forHtmlAttribute(l.digest())
                    + "'><code>" + forHtml(l.digest().substring(0, Math.min(12, l.digest().length())))
                    + "</code></a></td></tr>");
        }
        out.println("</table>");
    }

    private static String dueReports(List<DueReport> due) {
        return due.stream().map(d -> "<li" + (d.overdue() ? " class='lc-overdue-report'" : "") + ">" + d.periodYear()
                + ", due " + d.dueOn() + (d.overdue() ? " <strong>overdue</strong>" : "") + "</li>")
                .collect(Collectors.joining("", "<ul class='lc-due'>", "</ul>"));
    }

    /** The assertion form, and after a recording the licences confirming would end, with the Confirm form. */
    private void renderTermination(PrintWriter out, AssertionView pending, AlliancePrincipal operator) {
        out.println("<h2>Defensive termination</h2><p class='lc-note'>Record that a licensee asserted a patent "
                + "against the pool: the page then lists its active licences, and confirming terminates them all. "
                + "Recording ends nothing.</p>");
        out.println("<form method='post' id='lc-assertion' class='lc-form'><input type='hidden' name='action' "
                + "value='record'>" + csrf.hiddenField()
                + "<label>Member (tenant id) <input type='text' name='licenseeTenantId' maxlength='64'></label> "
                + "<label>or non-member's name <input type='text' name='licenseeName' maxlength='300'></label> "
                + "<label>Asserted against <input type='text' name='against' required maxlength='1000' "
                + "placeholder='patents or members'></label> <label>Evidence <input type='url' name='evidenceLink' "
                + "required maxlength='500' placeholder='https://'></label> "
                + "<button type='submit' class='ui-button'>Record assertion</button></form>");
        if (pending == null) {
            return;
        }
        out.println("<div id='lc-confirm'><h3>Confirm the assertion by " + forHtml(pending.licenseeName())
                + "?</h3><p>Confirming terminates " + pending.licences().size() + " active licence(s):</p><ul>");
        for (String id : pending.licences()) {
            LicenceView l = CurrentPrincipal.supplyAs(operator, () -> licensing.licence(id, operator, null))
                    .orElse(null);
            out.println("<li data-licence='" + forHtmlAttribute(id) + "'>" + forHtml(id) + (l == null ? "" : " - "
                    + l.patents().size() + " patents, since " + l.startsOn()) + "</li>");
        }
        out.println("</ul>" + form("confirm", pending.id(), "Confirm: terminate these licences", null) + "</div>");
    }

    private String form(String action, String id, String label, String textField) {
        return "<form method='post' class='lc-inline'>"
                + "<input type='hidden' name='action' value='" + forHtmlAttribute(action) + "'>"
                + "<input type='hidden' name='id' value='" + forHtmlAttribute(id) + "'>" + csrf.hiddenField()
                + (textField == null ? "" : "<input type='text' name='" + textField + "' required maxlength='2000' "
                        + "placeholder='" + forHtmlAttribute(textField) + "'>")
                + "<button type='submit' class='ui-button' data-action='" + forHtmlAttribute(action) + "'>"
                + forHtml(label) + "</button></form>";
    }

    /** Performs the form's action as the operator; the console then renders the page with the outcome on top. */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!subPath(req.getPathInfo()).isEmpty()) {
            ApiServlet.discardUnreadBody(req);
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!csrf.matches(req.getParameter(CsrfToken.FIELD))) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN, "The form is outdated or not from this console; reload.");
            return;
        }
        AlliancePrincipal operator = operator(req);
        Notice notice;
        try {
            notice = CurrentPrincipal.supplyAs(operator, () -> act(req, operator));
        } catch (ApiException e) {
            notice = new Notice(true, e.getMessage(), e.details(), null);
        } catch (RuntimeException e) {
            log("Licensing page: the action failed", e);
            notice = new Notice(true, "The action failed; see the log.", List.of(), null);
        }
        req.setAttribute(NOTICE, notice);
    }

    private Notice act(HttpServletRequest req, AlliancePrincipal operator) {
        String action = String.valueOf(req.getParameter("action"));
        String id = req.getParameter("id");
        if (Set.of("grant", "refuse", "confirm").contains(action) && (id == null || id.isBlank())) {
            throw ApiException.badRequest("Name the request or assertion.", List.of("id: required"));
        }
        switch (action) {
            case "grant" -> {
                RequestView r = licensing.grant(id, operator);
                return Notice.done("Granted to " + r.licenseeName() + ": licence " + r.licenceId() + ".");
            }
            case "refuse" -> {
                String reason = valid(new Refusal(req.getParameter("reason"))).reason().strip();
                return Notice.done("Refused the request of " + licensing.refuse(id, reason, operator).licenseeName()
                        + ".");
            }
            case "record" -> {
                AssertionView a = licensing.recordAssertion(valid(new AssertionForm(given(req, "licenseeTenantId"),
                        given(req, "licenseeName"), given(req, "against"), given(req, "evidenceLink"))), operator);
                return new Notice(false, "Recorded the assertion by " + a.licenseeName() + ". Nothing is terminated "
                        + "until you confirm it below.", List.of(), a);
            }
            case "confirm" -> {
                AssertionView a = licensing.confirmAssertion(id, operator);
                return Notice.done("Confirmed: " + a.licences().size() + " licence(s) of " + a.licenseeName()
                        + " terminated.");
            }
            default -> throw ApiException.badRequest("Unknown action.", List.of(
                    "action: one of grant, refuse, record, confirm"));
        }
    }

    /** Checks a form as the REST layer checks the same body. */
    private <T> T valid(T form) {
        List<String> problems = validator.problems(form);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems.size() + " field(s) to correct; see details.", problems);
        }
        return form;
    }

    /** @return the parameter stripped, or null when absent or blank */
    private static String given(HttpServletRequest req, String name) {
        String value = req.getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** @return the table's {@code offset} parameter, 0 when absent or not a number */
    private static int offset(HttpServletRequest req) {
        try {
            return Math.max(0, Math.min(1_000_000, Integer.parseInt(String.valueOf(req.getParameter("offset")))));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** @return the first {@code max} items, then how many more */
    private static String shortList(List<String> items, int max) {
        return items.size() <= max ? String.join(", ", items)
                : String.join(", ", items.subList(0, max)) + " and " + (items.size() - max) + " more";
    }

    private static String shorten(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    /** @return the path below the page's label: {@code /licensing/res/x.js} gives {@code /res/x.js} */
    private static String subPath(String pathInfo) {
        if (pathInfo == null) {
            return "";
        }
        int slash = pathInfo.indexOf('/', 1);
        return slash < 0 ? "" : pathInfo.substring(slash);
    }

    private static String pluginRoot(HttpServletRequest req) {
        Object root = req.getAttribute(ServletConstants.ATTR_PLUGIN_ROOT);
        return root instanceof String s ? s : req.getContextPath() + req.getServletPath() + "/" + LABEL;
    }

    /** The console's operator (the console logs in alliance-admins only; see ConsoleSecurityProvider). */
    static AlliancePrincipal operator(HttpServletRequest req) {
        Object user = req.getAttribute(User.USER_ATTRIBUTE);
        return user instanceof User u && u.getUserObject() instanceof AlliancePrincipal p ? p
                : new AlliancePrincipal("console", null, Set.of(Roles.ALLIANCE_ADMIN));
    }

}
