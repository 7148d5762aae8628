package org.carbonalliance.telemetry.impl;

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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.apache.felix.webconsole.servlet.User;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.carbonalliance.platform.api.web.CsrfToken;
import org.carbonalliance.telemetry.impl.TelemetryConsole.ConsoleDevice;
import org.carbonalliance.telemetry.impl.TelemetryConsole.ConsoleSeries;
import org.carbonalliance.telemetry.impl.TelemetryConsole.DeviceList;
import org.carbonalliance.telemetry.impl.TelemetryRecords.DeviceWithToken;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The console's Devices page: all members' devices with their state, rotation of a device's token on the member's
 * behalf (the new token shown once, in the notice), and one device's metric over a time range as a chart, at the
 * resolution the REST series' {@code auto} picks. Everything shown is escaped; cross-member reads go through
 * {@link TelemetryConsole}, audited.
 * <p>
 * The rotation form posts back to the page with its CSRF token (the console's RequestGuard also wants the console's
 * own origin); the console then renders the page with the outcome on top. The console allows same-origin scripts
 * only, so the page serves its script and uPlot itself, under {@code res/}; the chart reads
 * {@code chart.json?device=&metric=&from=&to=}, with the same parameters, defaults and checks as the page.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + DevicesPage.LABEL,
        "felix.webconsole.title=Devices",
        "felix.webconsole.category=Carbon Alliance",
        "felix.webconsole.css=/" + DevicesPage.LABEL + "/res/uPlot.min.css",
        "felix.webconsole.css=/" + DevicesPage.LABEL + "/res/devices.css" })
public class DevicesPage extends AbstractServlet {
    private static final long serialVersionUID = 1L;

    static final String LABEL = "devices";
    /** What the page serves under its {@code res/}: the path in this bundle of each file (uPlot's: see bnd.bnd). */
    private static final Map<String, String> RESOURCES = Map.of(
            "/res/devices.js", "/telemetry-console/devices.js",
            "/res/devices.css", "/telemetry-console/devices.css",
            "/res/uPlot.iife.min.js", "/telemetry-console/uPlot.iife.min.js",
            "/res/uPlot.min.css", "/telemetry-console/uPlot.min.css");
    private static final String NOTICE = DevicesPage.class.getName() + ".notice";
    /** The chart's range when none is given: the last seven days. */
    static final Duration DEFAULT_RANGE = Duration.ofDays(7);
    private static final int MAX_PARAMETER = 100;

    private final transient TelemetryConsole console;
    private final transient CsrfToken csrf = new CsrfToken();

    /** The outcome of a post, shown above the sections; {@code token} a new device token, shown this once. */
    record Notice(boolean error, String text, List<String> details, String token) {
    }

    /**
     * The chart's parameters read and checked: {@code device} null when none was chosen (or it is unknown);
     * {@code problems} what to correct, in which case nothing is drawn.
     */
    record ChartQuery(ConsoleDevice device, String metric, Instant from, Instant to, List<String> problems) {
        boolean drawable() {
            return device != null && problems.isEmpty();
        }
    }

    @Activate
    public DevicesPage(@Reference TelemetryService telemetry) {
        this.console = telemetry.console;
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
            case "/chart.json" -> chart(req, resp);
            default -> {
                if (getResource(req.getPathInfo()) == null) {
                    resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                } else {
                    super.doGet(req, resp);
                }
            }
        }
    }

    private void chart(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AlliancePrincipal operator = operator(req);
        try {
            ChartQuery q = CurrentPrincipal.supplyAs(operator, () -> query(req));
            if (!q.problems().isEmpty()) {
                ApiServlet.writeError(resp, 400, "bad-request", q.problems().size() + " parameter(s) to correct; "
                        + "see details.", q.problems());
                return;
            }
            if (q.device() == null) {
                ApiServlet.writeError(resp, 400, "bad-request", "Name a device.", List.of("device: required"));
                return;
            }
            ApiServlet.writeJson(resp, 200, CurrentPrincipal.supplyAs(operator, () -> console.series(
                    q.device().id(), q.metric(), q.from(), q.to())));
        } catch (ApiException e) {
            ApiServlet.writeError(resp, e);
        }
    }

    /**
     * Reads the chart's parameters: {@code device} (an id), {@code metric} (default the device's first),
     * {@code from} and {@code to} (default the last seven days; an instant such as 2026-11-20T10:00:00Z, a UTC date
     * and time such as 2026-11-20T10:00, or a UTC date).
     */
    private ChartQuery query(HttpServletRequest req) {
        List<String> problems = new ArrayList<>();
        String deviceId = given(req, "device");
        String metric = given(req, "metric");
        for (String name : List.of("device", "metric", "from", "to")) {
            String value = given(req, name);
            if (value != null && value.length() > MAX_PARAMETER) {
                problems.add(name + ": at most " + MAX_PARAMETER + " characters");
            }
        }
        Instant to = time(req, "to", problems);
        Instant from = time(req, "from", problems);
        if (to == null && given(req, "to") == null) {
            to = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        }
        if (from == null && given(req, "from") == null && to != null) {
            from = to.minus(DEFAULT_RANGE);
        }
        if (from != null && to != null) {
            if (!from.isBefore(to)) {
                problems.add("from: before to (" + to + ")");
            } else if (Duration.between(from, to).compareTo(TelemetryConsole.MAX_SPAN) > 0) {
                problems.add("to: at most 50 years after from");
            }
        }
        ConsoleDevice device = null;
        if (deviceId != null && deviceId.length() <= MAX_PARAMETER) {
            device = console.device(deviceId).orElse(null);
            if (device == null) {
                problems.add("device: there is no device " + deviceId);
            } else if (metric == null) {
                metric = device.metrics().keySet().stream().findFirst().orElse(null);
                if (metric == null) {
                    problems.add("metric: the device has no metric");
                }
            } else if (metric.length() <= MAX_PARAMETER && !device.metrics().containsKey(metric)) {
                problems.add("metric: one of " + String.join(", ", device.metrics().keySet()));
            }
        } else if (deviceId == null && metric != null) {
            problems.add("device: required with a metric");
        }
        return new ChartQuery(device, metric, from, to, List.copyOf(problems));
    }

    /** @return the parameter as an instant; null when absent or not a time (then a problem is added) */
    private static Instant time(HttpServletRequest req, String name, List<String> problems) {
        String value = given(req, name);
        if (value == null || value.length() > MAX_PARAMETER) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset: try a UTC date and time, then a UTC date
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // not a date and time
        }
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            problems.add(name + ": a time such as 2026-11-20T10:00:00Z, 2026-11-20T10:00 (UTC) or 2026-11-20");
            return null;
        }
    }

    @Override
    public void renderContent(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AlliancePrincipal operator = operator(req);
        String root = pluginRoot(req);
        PrintWriter out = resp.getWriter();
        Notice notice = req.getAttribute(NOTICE) instanceof Notice n ? n : null;
        // A failing read leaves its section a message; the other sections still render.
        DeviceList list = read("devices", () -> CurrentPrincipal.supplyAs(operator, console::devices));
        ChartQuery q = read("chart", () -> CurrentPrincipal.supplyAs(operator, () -> query(req)));
        boolean drawable = q != null && q.drawable();
        out.println("<div id='devices' data-root='" + forHtmlAttribute(root) + "'"
                + (drawable ? " data-device='" + forHtmlAttribute(q.device().id()) + "' data-metric='"
                        + forHtmlAttribute(q.metric()) + "' data-from='" + forHtmlAttribute(q.from().toString())
                        + "' data-to='" + forHtmlAttribute(q.to().toString()) + "'" : "") + ">");
        if (notice != null) {
            renderNotice(out, notice);
        }
        section(out, "devices", () -> {
            if (list == null) {
                throw new IllegalStateException("the devices could not be read");
            }
            renderDevices(out, list);
        });
        section(out, "chart", () -> {
            if (q == null) {
                throw new IllegalStateException("the chart's parameters could not be checked");
            }
            renderChart(req, out, list, q, operator);
        });
        out.println("</div>");
        out.println("<script src='" + forHtmlAttribute(root + "/res/uPlot.iife.min.js") + "'></script>");
        out.println("<script src='" + forHtmlAttribute(root + "/res/devices.js") + "'></script>");
    }

    /** @return what {@code read} gives; null when it fails, logged */
    private <T> T read(String name, Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            log("Devices page: reading for the " + name + " section failed", e);
            return null;
        }
    }

    /** Runs a section; a failure shows as a message in its place, logged, and the other sections still render. */
    private void section(PrintWriter out, String name, Runnable render) {
        try {
            render.run();
        } catch (RuntimeException e) {
            log("Devices page: the " + name + " section failed", e);
            out.println("<div class='statline ui-state-error' id='tm-" + name + "-error'>This section could not be "
                    + "shown; see the log.</div>");
        }
    }

    private static void renderNotice(PrintWriter out, Notice notice) {
        out.println("<div id='tm-notice' role='status' class='statline " + (notice.error() ? "ui-state-error"
                : "ui-state-highlight") + "'>" + forHtml(notice.text())
                + (notice.token() == null ? "" : " <span class='tm-token-label'>New token, shown this once: </span>"
                        + "<code id='tm-new-token'>" + forHtml(notice.token()) + "</code>")
                + (notice.details().isEmpty() ? "" : notice.details().stream().map(d -> "<li>" + forHtml(d)
                        + "</li>").collect(Collectors.joining("", "<ul>", "</ul>"))) + "</div>");
    }

    private void renderDevices(PrintWriter out, DeviceList list) {
        out.println("<h2>Members' devices</h2>");
        if (list.devices().isEmpty()) {
            out.println("<p id='tm-devices-none'>No member has registered a device yet.</p>");
            return;
        }
        out.println("<p class='tm-note' id='tm-devices-count'>" + list.devices().size() + " device"
                + (list.devices().size() == 1 ? "" : "s") + (list.more() ? ", the first "
                        + TelemetryConsole.DEVICE_LIMIT + " shown" : "") + ", by member. Rotating a token replaces it "
                + "at once: the device is refused until it is given the new token, shown once here.</p>");
        out.println("<table class='nicetable' id='tm-devices'><tr><th>Member</th><th>Name</th><th>Id</th><th>Type</th>"
                + "<th>Facility</th><th>Metrics</th><th>Last seen</th><th>State</th><th>Token</th></tr>");
        for (ConsoleDevice d : list.devices()) {
            out.println("<tr data-device='" + forHtmlAttribute(d.id()) + "'><td title='" + forHtmlAttribute(
                    d.tenantId()) + "'>" + forHtml(d.member()) + "</td><td><a href='?device=" + forHtmlAttribute(
                            forUriComponent(d.id())) + "'>" + forHtml(d.name()) + "</a></td><td><code>"
                    + forHtml(d.id()) + "</code></td><td>" + forHtml(d.type()) + "</td><td>" + forHtml(
                            d.facilityId() == null ? "" : d.facilityId()) + "</td><td>" + forHtml(metrics(d))
                    + "</td><td>" + forHtml(d.lastSeenAt() == null ? "" : d.lastSeenAt().toString())
                    + "</td><td class='tm-state tm-state-" + forHtmlAttribute(d.state()) + "'>" + forHtml(d.state())
                    + "</td><td>" + rotateForm(d) + "</td></tr>");
        }
        out.println("</table>");
    }

    private static String metrics(ConsoleDevice d) {
        return d.metrics().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    private String rotateForm(ConsoleDevice d) {
        return "<form method='post' class='tm-inline tm-rotate'><input type='hidden' name='action' value='rotate'>"
                + "<input type='hidden' name='id' value='" + forHtmlAttribute(d.id()) + "'>" + csrf.hiddenField()
                + "<button type='submit' class='ui-button' data-action='rotate'>Rotate token</button></form>";
    }

    private void renderChart(HttpServletRequest req, PrintWriter out, DeviceList list, ChartQuery q,
            AlliancePrincipal operator) {
        out.println("<h2>Readings</h2>");
        StringBuilder options = new StringBuilder("<option value=''>(choose a device)</option>");
        String selected = q.device() == null ? null : q.device().id();
        boolean listed = false;
        for (ConsoleDevice d : list == null ? List.<ConsoleDevice>of() : list.devices()) {
            listed |= d.id().equals(selected);
            options.append(option(d, d.id().equals(selected)));
        }
        if (selected != null && !listed) {
            options.append(option(q.device(), true));
        }
        StringBuilder metrics = new StringBuilder("<option value=''>(the device's first)</option>");
        if (q.device() != null) {
            for (String m : q.device().metrics().keySet()) {
                metrics.append("<option value='").append(forHtmlAttribute(m)).append("'")
                        .append(m.equals(q.metric()) ? " selected" : "").append(">").append(forHtml(m)).append(" (")
                        .append(forHtml(q.device().metrics().get(m))).append(")</option>");
            }
        }
        out.println("<form method='get' id='tm-chart-form' class='tm-form'><label>Device <select name='device' "
                + "id='tm-device-select'>" + options + "</select></label> <label>Metric <select name='metric' "
                + "id='tm-metric-select'>" + metrics + "</select></label> " + timeField(req, "from", "From", q.from())
                + timeField(req, "to", "To", q.to()) + "<button type='submit' class='ui-button'>Show</button> "
                + "<a href='?'>Clear</a></form>");
        out.println("<p class='tm-note'>Times in UTC, such as 2026-11-20T10:00:00Z, 2026-11-20T10:00 or 2026-11-20; "
                + "by default the last 7 days. Raw readings when there are at most " + SeriesQuery.TARGET_POINTS
                + ", else the finest of the minute, hour and day rollups with at most " + SeriesQuery.TARGET_POINTS
                + " buckets (the mean drawn, with minimum and maximum).</p>");
        if (!q.problems().isEmpty()) {
            out.println("<div class='statline ui-state-error' id='tm-chart-message'>The chart was not drawn: correct "
                    + "the parameters.<ul>" + q.problems().stream().map(p -> "<li>" + forHtml(p) + "</li>")
                            .collect(Collectors.joining()) + "</ul></div>");
            return;
        }
        if (q.device() == null) {
            out.println("<p id='tm-chart-none'>Choose a device to see its readings.</p>");
            return;
        }
        ConsoleSeries series;
        try {
            series = CurrentPrincipal.supplyAs(operator, () -> console.series(q.device().id(), q.metric(), q.from(),
                    q.to()));
        } catch (ApiException e) {
            out.println("<div class='statline ui-state-error' id='tm-chart-message'>" + forHtml(e.getMessage())
                    + e.details().stream().map(d -> "<li>" + forHtml(d) + "</li>").collect(Collectors.joining(
                            "", "<ul>", "</ul>")) + "</div>");
            return;
        }
        out.println("<h3 id='tm-chart-title'>" + forHtml(series.deviceName()) + " of " + forHtml(series.member())
                + ": " + forHtml(series.metric()) + " (" + forHtml(series.unit()) + ")</h3>");
        out.println("<p id='tm-resolution'>Resolution: <strong>" + forHtml(series.resolution()) + "</strong>; "
                + series.readings() + " reading" + (series.readings() == 1 ? "" : "s") + ", " + series.points().size()
                + " point" + (series.points().size() == 1 ? "" : "s") + " from " + forHtml(series.from().toString())
                + " to " + forHtml(series.to().toString()) + ".</p>");
        if (series.points().isEmpty()) {
            out.println("<p id='tm-chart-empty'>No readings in this range.</p>");
        }
        out.println("<figure class='tm-figure'><figcaption>" + forHtml(series.metric()) + ", " + forHtml(
                series.unit()) + "</figcaption><div id='tm-chart' class='tm-chart'></div></figure>");
        out.println("<p id='tm-chart-status' class='tm-note' role='status'></p>");
    }

    private static String option(ConsoleDevice d, boolean selected) {
        return "<option value='" + forHtmlAttribute(d.id()) + "'" + (selected ? " selected" : "") + ">"
                + forHtml(d.member() + ": " + d.name()) + "</option>";
    }

    /** A time field: what was typed when it was not valid, else the time used. */
    private static String timeField(HttpServletRequest req, String name, String label, Instant used) {
        String typed = req.getParameter(name);
        String value = used != null ? used.toString() : typed == null ? "" : typed;
        return "<label>" + forHtml(label) + " <input type='text' name='" + name + "' maxlength='" + MAX_PARAMETER
                + "' value='" + forHtmlAttribute(value) + "' placeholder='2026-11-20T10:00:00Z'></label> ";
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
            log("Devices page: the action failed", e);
            notice = new Notice(true, "The action failed; see the log.", List.of(), null);
        }
        req.setAttribute(NOTICE, notice);
    }

    private Notice act(HttpServletRequest req, AlliancePrincipal operator) {
        String action = String.valueOf(req.getParameter("action"));
        if (!action.equals("rotate")) {
            throw ApiException.badRequest("Unknown action.", List.of("action: rotate"));
        }
        String id = given(req, "id");
        if (id == null || id.length() > MAX_PARAMETER) {
            throw ApiException.badRequest("Name the device.", List.of("id: a device id"));
        }
        DeviceWithToken rotated = console.rotate(id, operator);
        String member = console.device(id).map(ConsoleDevice::member).orElse("");
        return new Notice(false, "Rotated the token of " + rotated.device().name() + " (" + rotated.device().id()
                + ") of " + member + ": the old token is refused from now on. Give the member the new token; it is "
                + "not shown again.", List.of(), rotated.token());
    }

    /** @return the parameter stripped, or null when absent or blank */
    private static String given(HttpServletRequest req, String name) {
        String value = req.getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** @return the path below the page's label: {@code /devices/res/x.js} gives {@code /res/x.js} */
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
