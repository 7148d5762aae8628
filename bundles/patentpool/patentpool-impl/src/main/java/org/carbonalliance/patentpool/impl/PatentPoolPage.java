package org.carbonalliance.patentpool.impl;

import static org.owasp.encoder.Encode.forHtml;
import static org.owasp.encoder.Encode.forHtmlAttribute;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.apache.felix.webconsole.servlet.User;
import org.carbonalliance.patentpool.api.ClimateTag;
import org.carbonalliance.patentpool.impl.Imports.ImportView;
import org.carbonalliance.patentpool.impl.PatentRecords.PatentView;
import org.carbonalliance.patentpool.impl.PatentSearch.SearchQuery;
import org.carbonalliance.patentpool.impl.SearchRecords.FacetValue;
import org.carbonalliance.patentpool.impl.SearchRecords.SearchHit;
import org.carbonalliance.patentpool.impl.SearchRecords.SearchResult;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.carbonalliance.platform.api.web.CsrfToken;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * The console's Patent pool page: search of the pool with facets (the parameters read by the public search's rules),
 * the patents whose term ends within 12 months, bulk imports with their progress, and bar charts of the pool by
 * climate tag and by member. Everything shown is escaped; the search's highlights come escaped from Lucene's
 * {@code DefaultPassageFormatter} (see {@link PatentSearch}) and are printed as they are.
 * <p>
 * The console allows same-origin scripts only, so the page serves its script and uPlot itself, under {@code res/}.
 * Sub-resources: {@code imports.json} and {@code chart.json} (GET), and {@code import} (POST: the file is the body,
 * the page's CSRF token travels in the {@value #CSRF_HEADER} header).
 */
@Component(service = Servlet.class, configurationPid = "org.carbonalliance.patentpool", property = {
        "felix.webconsole.label=" + PatentPoolPage.LABEL,
        "felix.webconsole.title=Patent pool",
        "felix.webconsole.category=Carbon Alliance",
        "felix.webconsole.css=/" + PatentPoolPage.LABEL + "/res/uPlot.min.css",
        "felix.webconsole.css=/" + PatentPoolPage.LABEL + "/res/patentpool.css" })
public class PatentPoolPage extends AbstractServlet {
    private static final long serialVersionUID = 1L;

    static final String LABEL = "patentpool";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** What the page serves under its {@code res/}: the path in this bundle of each file (uPlot's: see bnd.bnd). */
    private static final Map<String, String> RESOURCES = Map.of(
            "/res/patentpool.js", "/patentpool-console/patentpool.js",
            "/res/patentpool.css", "/patentpool-console/patentpool.css",
            "/res/uPlot.iife.min.js", "/patentpool-console/uPlot.iife.min.js",
            "/res/uPlot.min.css", "/patentpool-console/uPlot.min.css");
    private static final List<String> PARAMETERS = List.of("q", "climateTag", "jurisdiction", "status", "owner",
            "member", "filedFrom", "filedTo");
    /** Filters that take several values, separated by commas. */
    private static final Set<String> LISTS = Set.of("climateTag", "jurisdiction", "status");

    private final transient PatentSearch search;
    private final transient Patents patents;
    private final transient Imports imports;
    private final transient CsrfToken csrf = new CsrfToken();
    private volatile long maxImportBytes;

    /** The counts the charts show. */
    public record Chart(long total, List<FacetValue> climateTag, List<FacetValue> member) {
    }

    /** An import job as the imports table shows it (without its rejections). */
    public record Job(String id, String format, String fileName, String state, long itemsRead, long imported,
            long updated, long unchanged, long rejected, String message, Instant createdAt, String createdBy,
            String memberTenantId, String member) {
        static Job of(ImportView v, PatentSearch names) {
            return new Job(v.id(), v.format(), v.fileName(), v.state(), v.itemsRead(), v.imported(), v.updated(),
                    v.unchanged(), v.rejected(), v.message(), v.createdAt(), v.createdBy(), v.memberTenantId(),
                    v.memberTenantId() == null ? null : names.memberName(v.memberTenantId()));
        }
    }

    @Activate
    public PatentPoolPage(@Reference PatentSearch search, @Reference Patents patents, @Reference Imports imports,
            PatentPoolConfig config) {
        this.search = search;
        this.patents = patents;
        this.imports = imports;
        configure(config);
    }

    @Modified
    void configure(PatentPoolConfig config) {
        this.maxImportBytes = config.maxImportBytes();
    }

    @Override
    protected URL getResource(String path) {
        String file = RESOURCES.get(subPath(path));
        return file == null ? null : getClass().getResource(file);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String sub = subPath(req.getPathInfo());
        AlliancePrincipal operator = operator(req);
        switch (sub) {
            case "", "/" -> {
                // nothing answered: the console renders the page around renderContent
            }
            case "/imports.json" -> ApiServlet.writeJson(resp, 200, Map.of("items", CurrentPrincipal.supplyAs(operator,
                    () -> imports.recent(operator)).stream().map(j -> Job.of(j, search)).toList()));
            case "/chart.json" -> ApiServlet.writeJson(resp, 200, CurrentPrincipal.supplyAs(operator, this::chart));
            default -> {
                if (getResource(req.getPathInfo()) == null) {
                    resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                } else {
                    super.doGet(req, resp);
                }
            }
        }
    }

    /** Counts over the whole pool (withdrawn patents left out), from the facets of a search for everything. */
    private Chart chart() {
        SearchResult all = search.search(new SearchQuery("", Map.of(), null, null, "relevance", 0, 1, false, false),
                PatentSearch.today());
        return new Chart(all.total(), all.facets().climateTag(), all.facets().member());
    }

    @Override
    public void renderContent(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AlliancePrincipal operator = operator(req);
        String root = pluginRoot(req);
        PrintWriter out = resp.getWriter();
        out.println("<div id='patentpool' data-root='" + forHtmlAttribute(root) + "'>");
        renderSearch(req, out, operator);
        renderExpiring(out, CurrentPrincipal.supplyAs(operator, patents::expiringWithinYear));
        renderImports(out, CurrentPrincipal.supplyAs(operator, () -> imports.recent(operator)), imports.formats());
        out.println("<h2>Pooled patents</h2><div class='pp-charts'>"
                + "<figure class='pp-figure'><figcaption>Pooled patents by climate tag</figcaption>"
                + "<div id='pp-chart-tags' class='pp-chart'></div></figure>"
                + "<figure class='pp-figure'><figcaption>Pooled patents by member</figcaption>"
                + "<div id='pp-chart-members' class='pp-chart'></div></figure></div>"
                + "<p id='pp-chart-status' class='pp-note'></p>");
        out.println("</div>");
        out.println("<script src='" + forHtmlAttribute(root + "/res/uPlot.iife.min.js") + "'></script>");
        out.println("<script src='" + forHtmlAttribute(root + "/res/patentpool.js") + "'></script>");
    }

    private void renderSearch(HttpServletRequest req, PrintWriter out, AlliancePrincipal operator) {
        out.println("<h2>Search the pool</h2><form method='get' id='pp-search' class='pp-form'>"
                + field(req, "q", "Words", "search", "battery storage, \"heat pump\", 储能")
                + field(req, "climateTag", "Climate tags", "text", "Y02E,Y02B")
                + field(req, "jurisdiction", "Offices", "text", "CN,US")
                + field(req, "status", "Status", "text", "granted,pending")
                + field(req, "owner", "Owner", "text", "as the owner list names it")
                + field(req, "member", "Member", "text", "tenant id")
                + field(req, "filedFrom", "Filed from", "text", "2019-01-01")
                + field(req, "filedTo", "Filed to", "text", "2024-12-31")
                + "<button type='submit' class='ui-button'>Search</button> <a href='?'>Clear</a></form>");
        out.println("<p class='pp-note'>Climate tags: " + forHtml(List.of(ClimateTag.values()).toString())
                + "; status: pending, granted, lapsed, expired, revoked; several values separated by commas.</p>");
        SearchResult result;
        try {
            SearchQuery query = SearchResource.parse(name -> Optional.ofNullable(req.getParameter(name)));
            result = CurrentPrincipal.supplyAs(operator, () -> search.search(query, PatentSearch.today()));
        } catch (ApiException e) {
            out.println("<div class='statline ui-state-error' id='pp-search-message'>" + forHtml(e.getMessage())
                    + (e.details().size() > 1 ? e.details().stream().map(d -> "<li>" + forHtml(d) + "</li>")
                            .collect(Collectors.joining("", "<ul>", "</ul>")) : "") + "</div>");
            return;
        } catch (RuntimeException e) {
            log("Patent pool page: the search failed", e);
            out.println("<div class='statline ui-state-error' id='pp-search-message'>The search failed; see the log."
                    + "</div>");
            return;
        }
        int last = result.offset() + result.items().size();
        out.println("<p id='pp-total'>" + result.total() + (result.totalExact() ? "" : "+") + " patents"
                + (result.items().isEmpty() ? "" : ", showing " + (result.offset() + 1) + " to " + last)
                + (last < result.total() ? " <a href='" + forHtmlAttribute(link(req, "offset", String.valueOf(last)))
                        + "'>next page</a>" : "") + ".</p>");
        out.println("<table class='nicetable' id='pp-results'><tr><th>Number</th><th>Title</th><th>Climate tags</th>"
                + "<th>Status</th><th>Member</th></tr>");
        for (SearchHit h : result.items()) {
            out.println("<tr><td>" + forHtml(h.publicationNumber()) + demo(h.demo()) + "</td><td>"
                    + marked(h.highlights().titleEn(), h.titleEn()) + "<br>" + marked(h.highlights().titleZh(),
                            h.titleZh())
                    + fragment(h.highlights().abstractEn()) + fragment(h.highlights().abstractZh()) + "</td><td>"
                    + forHtml(String.join(", ", h.climateTags())) + "</td><td>" + forHtml(h.legalStatus())
                    + (h.withdrawalEffective() == null ? "" : " (withdrawn " + h.withdrawalEffective() + ")")
                    + "</td><td>" + forHtml(search.memberName(h.memberTenantId())) + "</td></tr>");
        }
        out.println("</table><div class='pp-facets' id='pp-facets'>");
        facet(req, out, "climateTag", "Climate tag", result.facets().climateTag());
        facet(req, out, "jurisdiction", "Office", result.facets().jurisdiction());
        facet(req, out, "status", "Status", result.facets().status());
        facet(req, out, "owner", "Owner", result.facets().owner());
        facet(req, out, "member", "Member", result.facets().member());
        out.println("</div>");
    }

    private static String field(HttpServletRequest req, String name, String label, String type, String hint) {
        String value = req.getParameter(name);
        return "<label>" + forHtml(label) + " <input type='" + type + "' name='" + name + "' maxlength='500' value='"
                + forHtmlAttribute(value == null ? "" : value) + "' placeholder='" + forHtmlAttribute(hint)
                + "'></label> ";
    }

    /** @return a highlighted fragment (already escaped, matches in mark), else the plain text escaped */
    private static String marked(String highlight, String plain) {
        return highlight != null ? highlight : forHtml(plain == null ? "" : plain);
    }

    private static String fragment(String highlight) {
        return highlight == null ? "" : "<div class='pp-fragment'>" + highlight + "</div>";
    }

    private static String demo(boolean demo) {
        return demo ? " <span class='pp-demo' title='made-up demonstration data, not a real patent'>demo</span>" : "";
    }

    /** A facet's values as links that add the value to the current search's filter. */
    private static void facet(HttpServletRequest req, PrintWriter out, String name, String label,
            List<FacetValue> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        out.println("<div class='pp-facet' data-facet='" + name + "'><h3>" + forHtml(label) + "</h3><ul>");
        for (FacetValue v : values) {
            String current = req.getParameter(name);
            String added = current == null || current.isBlank() || !LISTS.contains(name) ? v.value()
                    : List.of(current.split(",")).stream().map(String::strip).anyMatch(v.value()::equals) ? current
                    : current + "," + v.value();
            out.println("<li><a href='" + forHtmlAttribute(link(req, name, added)) + "'>" + forHtml(v.label())
                    + "</a> (" + v.count() + ")</li>");
        }
        out.println("</ul></div>");
    }

    /** @return a query string with the current search's parameters and {@code name} set to {@code value} */
    private static String link(HttpServletRequest req, String name, String value) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : PARAMETERS) {
            String v = req.getParameter(p);
            if (v != null && !v.isBlank()) {
                params.put(p, v);
            }
        }
        params.put(name, value);
        return params.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&", "?", ""));
    }

    private void renderExpiring(PrintWriter out, List<PatentView> expiring) {
        out.println("<h2>Expiring within 12 months</h2>");
        if (expiring.isEmpty()) {
            out.println("<p id='pp-expiring-none'>No pooled patent's term ends within 12 months.</p>");
            return;
        }
        out.println("<table class='nicetable' id='pp-expiring'><tr><th>Number</th><th>Title</th><th>Expires</th>"
                + "<th>Status</th><th>Member</th></tr>");
        for (PatentView p : expiring) {
            out.println("<tr><td>" + forHtml(p.publicationNumber()) + demo(p.demo()) + "</td><td>"
                    + forHtml(p.titleEn() != null ? p.titleEn() : String.valueOf(p.titleZh())) + "</td><td>"
                    + forHtml(String.valueOf(p.expiryDate())) + "</td><td>" + forHtml(p.legalStatus()) + "</td><td>"
                    + forHtml(search.memberName(p.memberTenantId())) + "</td></tr>");
        }
        out.println("</table>");
    }

    private void renderImports(PrintWriter out, List<ImportView> jobs, List<Imports.Format> formats) {
        out.println("<h2>Imports</h2><form id='pp-upload' class='pp-form'>" + csrf.hiddenField()
                + "<label>File <input type='file' name='file' required></label> <label>Format <select name='format'>"
                + formats.stream().map(f -> "<option value='" + forHtmlAttribute(f.format()) + "'>"
                        + forHtml(f.format() + (f.description().isBlank() ? "" : " - " + f.description()))
                        + "</option>").collect(Collectors.joining())
                + "</select></label> <button type='submit' class='ui-button'>Import</button> "
                + "<span id='pp-upload-status' role='status'></span></form>");
        out.println("<p class='pp-note'>Imports started here are the secretariat's: every row must name its member "
                + "(a Member column with the contributing member's tenant id); rows without one are rejected.</p>");
        out.println("<table class='nicetable' id='pp-imports'><thead><tr><th>Started</th><th>File</th><th>Format</th>"
                + "<th>By</th><th>Member</th><th>State</th><th>Progress</th><th>Read</th><th>Imported</th>"
                + "<th>Updated</th><th>Unchanged</th><th>Rejected</th><th>Message</th></tr></thead>"
                + "<tbody id='pp-imports-rows'>");
        for (ImportView j : jobs) {
            boolean active = j.state().equals("queued") || j.state().equals("running");
            String progress = "<progress title='" + j.itemsRead() + " items read'"
                    + (active ? "" : " max='1' value='" + (j.state().equals("done") ? 1 : 0) + "'") + "></progress>";
            out.println("<tr data-job='" + forHtmlAttribute(j.id()) + "'><td>" + forHtml(String.valueOf(j.createdAt()))
                    + "</td><td>" + forHtml(j.fileName() == null ? "" : j.fileName()) + "</td><td>"
                    + forHtml(j.format()) + "</td><td>" + forHtml(j.createdBy()) + "</td><td>"
                    + forHtml(j.memberTenantId() == null ? "(named per row)" : search.memberName(j.memberTenantId()))
                    + "</td><td>"
                    + forHtml(j.state()) + "</td><td>" + progress + "</td><td>" + j.itemsRead() + "</td><td>"
                    + j.imported() + "</td><td>" + j.updated() + "</td><td>" + j.unchanged() + "</td><td>"
                    + j.rejected() + "</td><td>" + forHtml(j.message() == null ? "" : j.message()) + "</td></tr>");
        }
        out.println("</tbody></table>");
    }

    /** {@code POST import?format=..&fileName=..}: starts an import of the body, as the console's operator. */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/import".equals(subPath(req.getPathInfo()))) {
            ApiServlet.discardUnreadBody(req);
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!csrf.matches(req.getHeader(CSRF_HEADER))) {
            ApiServlet.discardUnreadBody(req);
            ApiServlet.writeError(resp, 403, "forbidden", "The page is outdated or not from this console; reload it.",
                    List.of());
            return;
        }
        AlliancePrincipal operator = operator(req);
        try {
            // Read from the query string only: a form-encoded body must not be parsed as parameters.
            Map<String, String> query = queryString(req);
            String format = Optional.ofNullable(query.get("format")).filter(f -> !f.isBlank()).orElseThrow(() ->
                    ApiException.badRequest("Name the file's format.", List.of("format: required")));
            long limit = maxImportBytes;
            if (req.getContentLengthLong() > limit) {
                throw tooLarge(limit);
            }
            InputStream body = new LimitedStream(req.getInputStream(), limit);
            ImportView job = CurrentPrincipal.supplyAs(operator,
                    () -> imports.start(format, query.get("fileName"), body, operator));
            ApiServlet.writeJson(resp, 202, Job.of(job, search));
        } catch (ApiException e) {
            ApiServlet.discardUnreadBody(req);
            ApiServlet.writeError(resp, e);
        }
    }

    private static Map<String, String> queryString(HttpServletRequest req) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = req.getQueryString();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.putIfAbsent(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(413, "payload-too-large", "The file is larger than the limit of " + limit
                + " bytes (Largest import upload, in the pool's configuration).", List.of());
    }

    /** The upload, refused (413) as soon as reading passes the limit. */
    private static final class LimitedStream extends FilterInputStream {
        private final long limit;
        private long count;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            return b < 0 ? b : counted(b, 1);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            return n <= 0 ? n : counted(n, n);
        }

        private int counted(int result, int bytes) {
            count += bytes;
            if (count > limit) {
                throw tooLarge(limit);
            }
            return result;
        }
    }

    /** @return the path below the page's label: {@code /patentpool/res/x.js} gives {@code /res/x.js} */
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
