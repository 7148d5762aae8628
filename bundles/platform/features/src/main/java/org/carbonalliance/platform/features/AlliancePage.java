package org.carbonalliance.platform.features;

import static org.owasp.encoder.Encode.forHtml;
import static org.owasp.encoder.Encode.forHtmlAttribute;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.carbonalliance.platform.api.web.CsrfToken;
import org.carbonalliance.platform.features.plugins.PluginInstaller;
import org.carbonalliance.platform.features.plugins.PluginsSection;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The console's Alliance page: version, uptime, failing bundles, files in deploy/ that could not be deployed, installed
 * and available features with install and uninstall buttons, and plugins: upload, review, activate, remove (see
 * {@link PluginsSection}).
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=alliance",
        "felix.webconsole.title=Alliance",
        "felix.webconsole.category=Carbon Alliance" })
public class AlliancePage extends AbstractServlet {
    private static final long serialVersionUID = 1L;

    private final transient BundleContext context;
    private final transient Features manager;
    private final transient DeployProblems deployProblems;
    private final transient CsrfToken csrf = new CsrfToken();

    /** Optional: it needs the audit log (the database), and the rest of this page must show without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile PluginInstaller plugins;

    @Activate
    public AlliancePage(BundleContext context, @Reference Features manager,
            @Reference DeployProblems deployProblems) {
        this.context = context;
        this.manager = manager;
        this.deployProblems = deployProblems;
    }

    @Override
    public void renderContent(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PrintWriter out = resp.getWriter();
        String message = req.getParameter("message");
        if (message != null) {
            out.println("<p class='statline ui-state-highlight' id='alliance-message'>" + forHtml(message) + "</p>");
        }
        String version = context.getProperty("alliance.version");
        Duration uptime = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        out.println("<h2>Carbon Alliance Platform</h2><table class='nicetable'>");
        out.println("<tr><td>Version</td><td id='alliance-version'>" + forHtml(String.valueOf(version)) + "</td></tr>");
        out.printf("<tr><td>Uptime</td><td>%dd %dh %dm %ds</td></tr>%n", uptime.toDays(), uptime.toHoursPart(),
                uptime.toMinutesPart(), uptime.toSecondsPart());
        out.println("</table>");

        out.println("<h2>Failing bundles</h2><table class='nicetable' id='failing-bundles'>");
        int failing = 0;
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && bundle.getState() != Bundle.ACTIVE && bundle.getState() != Bundle.STARTING) {
                failing++;
                out.println("<tr><td>" + bundle.getBundleId() + "</td><td>" + forHtml(bundle.getSymbolicName())
                        + "</td><td>" + forHtml(bundle.getVersion().toString()) + "</td><td>"
                        + (bundle.getState() == Bundle.INSTALLED ? "not resolved" : "not started") + "</td></tr>");
            }
        }
        if (failing == 0) {
            out.println("<tr><td>None: every bundle is active.</td></tr>");
        }
        out.println("</table>");

        out.println("<h2>Files in deploy/ that could not be deployed</h2><table class='nicetable' id='deploy-problems'>");
        Map<String, String> undeployable = deployProblems.problems();
        undeployable.forEach((file, cause) -> out.println("<tr><td>" + forHtml(file) + "</td><td>" + forHtml(cause)
                + "</td></tr>"));
        if (undeployable.isEmpty()) {
            out.println("<tr><td>None.</td></tr>");
        }
        out.println("</table>");

        out.println("<h2>Installed features</h2><table class='nicetable' id='installed-features'>");
        out.println("<tr><th>Feature</th><th>Name</th><th>Bundles</th><th>Source</th><th></th></tr>");
        for (FeatureRecord record : manager.installed()) {
            out.println("<tr><td>" + forHtml(record.id()) + "</td><td>" + forHtml(record.name()) + "</td><td>"
                    + record.bundles().size() + "</td><td>" + forHtml(record.source()) + "</td><td>"
                    + ("startup".equals(record.source()) ? "" : form("uninstall", record.id(), "Uninstall"))
                    + "</td></tr>");
        }
        out.println("</table>");

        out.println("<h2>Available features</h2><table class='nicetable' id='available-features'>");
        for (Path file : manager.available()) {
            String name = file.getFileName().toString();
            out.println("<tr><td>" + forHtml(name) + "</td><td>" + form("install", name, "Install") + "</td></tr>");
        }
        out.println("</table>");

        new PluginsSection(plugins, csrf).render(out, req.getParameter("staged"));
    }

    private String form(String action, String target, String label) {
        return "<form method='post' style='display:inline'>"
                + "<input type='hidden' name='action' value='" + forHtmlAttribute(action) + "'>"
                + "<input type='hidden' name='target' value='" + forHtmlAttribute(target) + "'>"
                + csrf.hiddenField()
                + "<button type='submit' class='ui-button'>" + forHtml(label) + "</button></form>";
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        PluginsSection pluginsSection = new PluginsSection(plugins, csrf);
        // Before the token is read: reading a field of a multipart form parses the whole body.
        if (pluginsSection.tooLarge(req)) {
            resp.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, pluginsSection.tooLargeMessage());
            return;
        }
        if (!csrf.matches(req.getParameter(CsrfToken.FIELD))) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN, "The form is outdated or not from this console; reload.");
            return;
        }
        String action = req.getParameter("action");
        String target = req.getParameter("target");
        String message;
        String staged = null;
        try {
            if (PluginsSection.handles(action)) {
                PluginsSection.Outcome outcome = pluginsSection.act(req, action, target);
                message = outcome.message();
                staged = outcome.staged();
            } else if ("install".equals(action)) {
                Path file = manager.availableFile(target == null ? "" : target);
                if (file == null) {
                    throw new FeatureException("There is no feature file " + target + " in features/.");
                }
                message = "Installed " + manager.install(file).id();
            } else if ("uninstall".equals(action)) {
                manager.uninstall(target);
                message = "Uninstalled " + target;
            } else {
                throw new FeatureException("Unknown action " + action);
            }
        } catch (FeatureException e) {
            message = e.getMessage();
        }
        resp.sendRedirect(req.getRequestURI() + "?message=" + java.net.URLEncoder.encode(message,
                java.nio.charset.StandardCharsets.UTF_8) + (staged == null ? "" : "&staged=" + staged + "#plugins"));
    }
}
