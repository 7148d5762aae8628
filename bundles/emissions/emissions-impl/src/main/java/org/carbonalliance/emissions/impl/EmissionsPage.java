package org.carbonalliance.emissions.impl;

import static org.owasp.encoder.Encode.forHtml;
import static org.owasp.encoder.Encode.forHtmlAttribute;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.apache.felix.webconsole.servlet.User;
import org.carbonalliance.emissions.impl.EmissionsConsole.Awaiting;
import org.carbonalliance.emissions.impl.EmissionsConsole.Member;
import org.carbonalliance.emissions.impl.EmissionsConsole.Series;
import org.carbonalliance.emissions.impl.EmissionsConsole.TargetLine;
import org.carbonalliance.emissions.impl.EmissionsRecords.FactorPage;
import org.carbonalliance.emissions.impl.EmissionsRecords.FactorView;
import org.carbonalliance.emissions.impl.EmissionsRecords.RollupView;
import org.carbonalliance.emissions.impl.EmissionsRecords.RollupYear;
import org.carbonalliance.emissions.impl.EmissionsRecords.Totals;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The console's Emissions page, read-only: the reports awaiting verification across members, a search of the factor
 * library, one member's emissions per year with its first target's line, and the alliance roll-up (licensees'
 * reported avoided emissions beside the totals, never netted). Everything shown is escaped; cross-member reads go
 * through {@link EmissionsConsole}, audited.
 * <p>
 * The console allows same-origin scripts only, so the page serves its script and uPlot itself, under {@code res/};
 * the charts read {@code chart.json} ({@code ?member=} a tenant id for the member's series).
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + EmissionsPage.LABEL,
        "felix.webconsole.title=Emissions",
        "felix.webconsole.category=Carbon Alliance",
        "felix.webconsole.css=/" + EmissionsPage.LABEL + "/res/uPlot.min.css",
        "felix.webconsole.css=/" + EmissionsPage.LABEL + "/res/emissions.css" })
public class EmissionsPage extends AbstractServlet {
    private static final long serialVersionUID = 1L;

    static final String LABEL = "emissions";
    /** What the page serves under its {@code res/}: the path in this bundle of each file (uPlot's: see bnd.bnd). */
    private static final Map<String, String> RESOURCES = Map.of(
            "/res/emissions.js", "/emissions-console/emissions.js",
            "/res/emissions.css", "/emissions-console/emissions.css",
            "/res/uPlot.iife.min.js", "/emissions-console/uPlot.iife.min.js",
            "/res/uPlot.min.css", "/emissions-console/uPlot.min.css");
    /** The factor search's parameters, in the form's order. */
    private static final List<String> FACTOR_PARAMETERS = List.of("activityType", "region", "year", "source", "q");
    static final int FACTOR_LIMIT = 50;
    private static final int MAX_PARAMETER = 200;
    private static final int MAX_MEMBER = 100;

    private final transient EmissionsConsole console;

    /** One year of the roll-up chart: totals (null where fewer members published than the minimum). */
    public record RollupPoint(int year, int members, BigDecimal scope1, BigDecimal scope2Location,
            BigDecimal scope2Market, BigDecimal scope3, BigDecimal avoidedByLicensees) {
    }

    /** What {@code chart.json} answers: the roll-up, and the member's series when one was asked for. */
    public record Chart(List<RollupPoint> rollup, Series member) {
    }

    @Activate
    public EmissionsPage(@Reference EmissionsService emissions) {
        this.console = emissions.console;
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
                String member = given(req, "member");
                if (member != null && member.length() > MAX_MEMBER) {
                    ApiServlet.writeError(resp, 400, "bad-request", "member: a tenant id of at most " + MAX_MEMBER
                            + " characters.", List.of("member: at most " + MAX_MEMBER + " characters"));
                    return;
                }
                AlliancePrincipal operator = operator(req);
                ApiServlet.writeJson(resp, 200, CurrentPrincipal.supplyAs(operator, () -> new Chart(
                        rollupPoints(console.rollup()), member == null ? null : console.series(member))));
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

    private static List<RollupPoint> rollupPoints(RollupView rollup) {
        return rollup.years().stream().map(y -> {
            Totals t = y.totals();
            return new RollupPoint(y.year(), y.members(), t == null ? null : t.scope1(),
                    t == null ? null : t.scope2Location(), t == null ? null : t.scope2Market(),
                    t == null ? null : t.scope3(), y.avoidedByLicensees());
        }).toList();
    }

    @Override
    public void renderContent(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AlliancePrincipal operator = operator(req);
        String root = pluginRoot(req);
        PrintWriter out = resp.getWriter();
        String member = given(req, "member");
        if (member != null && member.length() > MAX_MEMBER) {
            member = null;
        }
        out.println("<div id='emissions' data-root='" + forHtmlAttribute(root) + "' data-member='"
                + forHtmlAttribute(member == null ? "" : member) + "'>");
        section(out, "awaiting", () -> renderAwaiting(out, CurrentPrincipal.supplyAs(operator,
                console::awaitingVerification)));
        renderFactors(req, out, operator);
        String selected = member;
        section(out, "member", () -> renderMember(req, out, CurrentPrincipal.supplyAs(operator, console::members),
                selected == null ? null : CurrentPrincipal.supplyAs(operator, () -> console.series(selected))));
        section(out, "rollup", () -> renderRollup(out, CurrentPrincipal.supplyAs(operator, console::rollup)));
        out.println("<p id='em-chart-status' class='em-note' role='status'></p>");
        out.println("</div>");
        out.println("<script src='" + forHtmlAttribute(root + "/res/uPlot.iife.min.js") + "'></script>");
        out.println("<script src='" + forHtmlAttribute(root + "/res/emissions.js") + "'></script>");
    }

    /** Renders a section; a failure shows as a message in its place, logged, and the other sections still render. */
    private void section(PrintWriter out, String name, Runnable render) {
        try {
            render.run();
        } catch (RuntimeException e) {
            log("Emissions page: the " + name + " section failed", e);
            out.println("<div class='statline ui-state-error' id='em-" + name + "-error'>This section could not be "
                    + "shown; see the log.</div>");
        }
    }

    private static void renderAwaiting(PrintWriter out, List<Awaiting> reports) {
        out.println("<h2>Reports awaiting verification</h2>");
        if (reports.isEmpty()) {
            out.println("<p id='em-awaiting-none'>No report awaits verification.</p>");
            return;
        }
        out.println("<p class='em-note'>Submitted or under verification, newest submission first"
                + (reports.size() >= EmissionsConsole.AWAITING_LIMIT ? "; the first "
                        + EmissionsConsole.AWAITING_LIMIT + " shown" : "") + ". Totals in t CO2e.</p>");
        out.println("<table class='nicetable' id='em-awaiting'><tr><th>Member</th><th>Year</th><th>Version</th>"
                + "<th>State</th><th>Submitted</th><th>Scope 1</th><th>Scope 2 (location)</th>"
                + "<th>Scope 2 (market)</th><th>Scope 3</th></tr>");
        for (Awaiting r : reports) {
            Totals t = r.totals();
            out.println("<tr data-report='" + forHtmlAttribute(r.reportId()) + "'><td title='" + forHtmlAttribute(
                    r.tenantId()) + "'>" + forHtml(r.member()) + "</td><td>" + r.year() + "</td><td>" + r.version()
                    + "</td><td>" + forHtml(r.state()) + "</td><td>" + forHtml(r.submittedAt() == null ? ""
                            : r.submittedAt().toString()) + "</td>" + number(t.scope1()) + number(t.scope2Location())
                    + number(t.scope2Market()) + number(t.scope3()) + "</tr>");
        }
        out.println("</table>");
    }

    private void renderFactors(HttpServletRequest req, PrintWriter out, AlliancePrincipal operator) {
        out.println("<h2>Factor library</h2><form method='get' id='em-factor-search' class='em-form'>"
                + field(req, "activityType", "Activity type", "electricity, stationary-combustion/")
                + field(req, "region", "Region", "GLOBAL, CN, CN-EAST")
                + field(req, "year", "Year", "2022")
                + field(req, "source", "Source", "china-mee-grid")
                + field(req, "q", "Words", "in the document, table or note")
                + hidden(req, "member")
                + "<button type='submit' class='ui-button'>Search</button> <a href='?'>Clear</a></form>");
        out.println("<p class='em-note'>Current factor versions; an activity type ending in / matches all below it. "
                + "At most " + FACTOR_LIMIT + " shown.</p>");
        if (FACTOR_PARAMETERS.stream().allMatch(p -> given(req, p) == null)) {
            out.println("<p id='em-factors-none'>Enter criteria to search the factor library.</p>");
            return;
        }
        List<String> problems = new ArrayList<>();
        for (String p : FACTOR_PARAMETERS) {
            String value = given(req, p);
            if (value != null && value.length() > MAX_PARAMETER) {
                problems.add(p + ": at most " + MAX_PARAMETER + " characters");
            }
        }
        Integer year = null;
        String yearText = given(req, "year");
        if (yearText != null) {
            try {
                year = Integer.valueOf(yearText);
                if (year < 1990 || year > 2100) {
                    problems.add("year: a year from 1990 to 2100");
                }
            } catch (NumberFormatException e) {
                problems.add("year: a year from 1990 to 2100, such as 2022");
            }
        }
        if (!problems.isEmpty()) {
            out.println("<div class='statline ui-state-error' id='em-factor-message'>The search was not run: "
                    + "correct the criteria.<ul>" + String.join("", problems.stream().map(d -> "<li>" + forHtml(d)
                            + "</li>").toList()) + "</ul></div>");
            return;
        }
        FactorSearch.Criteria criteria = new FactorSearch.Criteria(given(req, "activityType"), given(req, "region"),
                year, given(req, "source"), null, given(req, "q"), false);
        FactorPage page;
        try {
            page = CurrentPrincipal.supplyAs(operator, () -> console.factors(criteria, FACTOR_LIMIT));
        } catch (RuntimeException e) {
            log("Emissions page: the factor search failed", e);
            out.println("<div class='statline ui-state-error' id='em-factor-message'>The search failed; see the log."
                    + "</div>");
            return;
        }
        out.println("<p id='em-factor-total'>" + page.total() + " factor" + (page.total() == 1 ? "" : "s")
                + (page.total() > page.items().size() ? ", the first " + page.items().size() + " shown" : "")
                + ".</p>");
        if (page.items().isEmpty()) {
            return;
        }
        out.println("<table class='nicetable' id='em-factors'><tr><th>Id</th><th>Activity type</th><th>Region</th>"
                + "<th>Gas</th><th>Value</th><th>Units</th><th>Year</th><th>Source</th><th>Document / table</th>"
                + "</tr>");
        for (FactorView f : page.items()) {
            out.println("<tr data-factor='" + forHtmlAttribute(f.id()) + "'><td><code>" + forHtml(f.id())
                    + "</code></td><td>" + forHtml(f.activityType()) + "</td><td>" + forHtml(f.region()) + "</td><td>"
                    + forHtml(f.gas()) + "</td><td class='em-number'>" + forHtml(f.value() == null ? ""
                            : f.value().stripTrailingZeros().toPlainString()) + "</td><td>" + forHtml(
                                    f.numeratorUnit() + "/" + f.denominatorUnit()) + "</td><td>"
                    + (f.validYear() == null ? "" : f.validYear()) + "</td><td>" + forHtml(f.source()) + "</td><td>"
                    + forHtml(f.document()) + (f.table() == null || f.table().isBlank() ? "" : " / " + forHtml(
                            f.table())) + "</td></tr>");
        }
        out.println("</table>");
    }

    private static void renderMember(HttpServletRequest req, PrintWriter out, List<Member> members, Series series) {
        out.println("<h2>Member emissions</h2>");
        if (members.isEmpty() && series == null) {
            out.println("<p id='em-members-none'>No member has a calculated report yet.</p>");
            return;
        }
        String selected = series == null ? null : series.tenantId();
        StringBuilder options = new StringBuilder("<option value=''>(choose a member)</option>");
        for (Member m : members) {
            options.append("<option value='").append(forHtmlAttribute(m.tenantId())).append("'")
                    .append(m.tenantId().equals(selected) ? " selected" : "").append(">").append(forHtml(m.name()))
                    .append("</option>");
        }
        out.println("<form method='get' id='em-member-form' class='em-form'><label>Member <select name='member'>"
                + options + "</select></label> " + FACTOR_PARAMETERS.stream().map(p -> hidden(req, p))
                        .reduce("", String::concat)
                + "<button type='submit' class='ui-button'>Show</button></form>");
        if (series == null) {
            return;
        }
        out.println("<h3 id='em-member-name'>" + forHtml(series.name()) + "</h3>");
        if (series.years().isEmpty()) {
            out.println("<p id='em-member-empty'>This member has no calculated report.</p>");
        }
        TargetLine target = series.target();
        if (target == null) {
            out.println("<p class='em-note' id='em-member-target'>No target set.</p>");
        } else {
            out.println("<p class='em-note' id='em-member-target'>Target: " + forHtml(target.name()) + " ("
                    + forHtml(target.kind()) + "; " + forHtml(String.join(", ", target.scopes()))
                    + (target.scopes().contains("scope2") ? ", scope 2 " + forHtml(target.scope2Basis()) + "-based"
                            : "") + "): " + forHtml(target.reductionPercent().stripTrailingZeros().toPlainString())
                    + " % from " + target.baseYear() + " to " + target.targetYear() + "."
                    + (target.drawn() ? " Base-year value " + forHtml(tonnes(target.baseValue())) + " t CO2e, target "
                            + forHtml(tonnes(target.targetValue())) + " t CO2e." : " " + forHtml(target.message()))
                    + "</p>");
        }
        if (!series.years().isEmpty()) {
            out.println("<figure class='em-figure'><figcaption>Emissions per year, t CO2e: newest calculated "
                    + "version</figcaption><div id='em-chart-member' class='em-chart'></div></figure>");
        }
    }

    private static void renderRollup(PrintWriter out, RollupView rollup) {
        out.println("<h2>Alliance roll-up</h2><p class='em-note'>Published reports, each member's newest published "
                + "version; years with fewer than " + rollup.minGroupSize() + " members publishing are not shown. "
                + "Avoided emissions are as reported by licensees, beside the totals, not netted.</p>");
        out.println("<figure class='em-figure'><figcaption>Alliance totals per year, t CO2e</figcaption>"
                + "<div id='em-chart-rollup' class='em-chart'></div></figure>");
        if (rollup.years().isEmpty()) {
            out.println("<p id='em-rollup-none'>No year to show yet.</p>");
        } else {
            out.println("<table class='nicetable' id='em-rollup'><tr><th>Year</th><th>Members</th><th>Scope 1</th>"
                    + "<th>Scope 2 (location)</th><th>Scope 2 (market)</th><th>Scope 3</th>"
                    + "<th>Avoided, as reported by licensees (not netted)</th></tr>");
            for (RollupYear y : rollup.years()) {
                Totals t = y.totals();
                out.println("<tr><td>" + y.year() + "</td><td>" + y.members() + "</td>" + (t == null
                        ? "<td></td><td></td><td></td><td></td>" : number(t.scope1()) + number(t.scope2Location())
                                + number(t.scope2Market()) + number(t.scope3())) + number(y.avoidedByLicensees())
                        + "</tr>");
            }
            out.println("</table>");
        }
        if (!rollup.notes().isEmpty()) {
            out.println("<ul id='em-rollup-notes' class='em-note'>" + String.join("", rollup.notes().stream()
                    .map(n -> "<li>" + forHtml(n) + "</li>").toList()) + "</ul>");
        }
    }

    private static String number(BigDecimal value) {
        return "<td class='em-number'>" + forHtml(tonnes(value)) + "</td>";
    }

    /** @return tonnes to three decimals, empty for null */
    private static String tonnes(BigDecimal value) {
        return value == null ? "" : value.setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String field(HttpServletRequest req, String name, String label, String hint) {
        String value = req.getParameter(name);
        return "<label>" + forHtml(label) + " <input type='text' name='" + name + "' maxlength='" + MAX_PARAMETER
                + "' value='" + forHtmlAttribute(value == null ? "" : value) + "' placeholder='"
                + forHtmlAttribute(hint) + "'></label> ";
    }

    /** Keeps the other form's parameter when this form is sent. */
    private static String hidden(HttpServletRequest req, String name) {
        String value = given(req, name);
        return value == null || value.length() > MAX_PARAMETER ? "" : "<input type='hidden' name='" + name
                + "' value='" + forHtmlAttribute(value) + "'>";
    }

    /** @return the parameter stripped, or null when absent or blank */
    private static String given(HttpServletRequest req, String name) {
        String value = req.getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** @return the path below the page's label: {@code /emissions/res/x.js} gives {@code /res/x.js} */
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
