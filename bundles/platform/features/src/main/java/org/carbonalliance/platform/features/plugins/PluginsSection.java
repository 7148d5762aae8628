package org.carbonalliance.platform.features.plugins;

import static org.owasp.encoder.Encode.forHtml;
import static org.owasp.encoder.Encode.forHtmlAttribute;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.felix.webconsole.servlet.User;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.CsrfToken;
import org.carbonalliance.platform.features.plugins.PluginRecords.DeployedPlugin;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginActivation;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginConfigProperty;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginConfiguration;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginExport;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginImport;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginUpload;

/**
 * The Plugins section of the console's Alliance page: the plugin files in deploy/ with Remove buttons, an upload
 * form, and the review of an upload (name, version, imports, services, SHA-256, what it replaces) with Activate and
 * Discard buttons. Its forms post to the page like the page's own forms, with the page's CSRF token; the upload is a
 * multipart form, which the console's servlet parses (Felix HTTP's multipart support, enabled for the console), so
 * the page needs no script. Everything shown is escaped. The Activate form carries the SHA-256 and the replaced
 * file the review showed, so what is activated is what was reviewed.
 */
public final class PluginsSection {

    /** The upload form's file field. */
    static final String FILE_FIELD = "plugin";
    /** The activate form's fields: the SHA-256 the review showed, and the file it said the upload replaces. */
    static final String SHA256_FIELD = "sha256";
    static final String REPLACES_FIELD = "replaces";
    static final String NO_OPERATOR = "Nothing was done: the console did not say who you are, and the audit log must "
            + "name who installs or removes a plugin. Log in to the console again.";
    /** The multipart envelope and the form's other fields around the file, at most. */
    private static final long FORM_OVERHEAD = 64 * 1024;
    private static final long DEFAULT_LIMIT = 52_428_800;
    private static final Set<String> ACTIONS = Set.of("upload-plugin", "activate-plugin", "discard-plugin",
            "remove-plugin");

    /** What an action did: the message to show, and the upload to review next (or null). */
    public record Outcome(String message, String staged) {
    }

    private final PluginInstaller installer;
    private final CsrfToken csrf;

    /** @param installer the installer, or null while it is unavailable (it needs the audit log, so the database) */
    public PluginsSection(PluginInstaller installer, CsrfToken csrf) {
        this.installer = installer;
        this.csrf = csrf;
    }

    /** @return whether {@code action} is one of this section's form actions */
    public static boolean handles(String action) {
        return action != null && ACTIONS.contains(action);
    }

    /**
     * @return whether the request is a multipart upload too large to parse at all; checked before anything reads
     *         the body (reading the CSRF field of a multipart form parses all of it)
     */
    public boolean tooLarge(HttpServletRequest req) {
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return false;
        }
        long length = req.getContentLengthLong();
        return length < 0 || length > limit() + FORM_OVERHEAD;
    }

    /** @return the message of a 413 for {@link #tooLarge} requests */
    public String tooLargeMessage() {
        return "The plugin file is larger than the limit of " + limit() + " bytes.";
    }

    private long limit() {
        return installer == null ? DEFAULT_LIMIT : installer.maxUploadBytes();
    }

    /**
     * Performs a form action of this section as the console's operator, whom the audit log names; without one (the
     * console's security provider bound no Alliance principal to the request) nothing is done.
     */
    public Outcome act(HttpServletRequest req, String action, String target) throws IOException, ServletException {
        if (installer == null) {
            return new Outcome("Plugins cannot be installed now: that needs the audit log, which is not available "
                    + "(see /api/health).", null);
        }
        AlliancePrincipal operator = operator(req);
        if (operator == null) {
            return new Outcome(NO_OPERATOR, null);
        }
        try {
            return CurrentPrincipal.runAs(operator, () -> perform(req, action, target));
        } catch (ApiException e) {
            return new Outcome(e.getMessage(), null);
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private Outcome perform(HttpServletRequest req, String action, String target) throws Exception {
        switch (action) {
            case "upload-plugin" -> {
                return upload(req);
            }
            case "activate-plugin" -> {
                PluginActivation done = installer.activate(target, req.getParameter(SHA256_FIELD),
                        req.getParameter(REPLACES_FIELD));
                return new Outcome("Activated: written to deploy/" + done.file() + (done.replaces() == null ? ""
                        : ", replacing " + done.replaces().file() + " (" + done.replaces().version() + ")")
                        + ". Hot deploy installs and starts it within seconds.", null);
            }
            case "discard-plugin" -> {
                installer.discard(target);
                return new Outcome("Discarded the upload.", null);
            }
            case "remove-plugin" -> {
                installer.remove(target);
                return new Outcome("Removed deploy/" + target + ". Hot deploy uninstalls it within seconds.", null);
            }
            default -> throw new IllegalArgumentException("not a plugins action: " + action);
        }
    }

    private Outcome upload(HttpServletRequest req) throws IOException, ServletException {
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return new Outcome("Upload the plugin file with the form on this page.", null);
        }
        Part part = req.getPart(FILE_FIELD);
        if (part == null || part.getSize() == 0) {
            return new Outcome("Choose a plugin file (.jar or .json) to upload.", null);
        }
        try {
            if (part.getSize() > installer.maxUploadBytes()) {
                return new Outcome(tooLargeMessage(), null);
            }
            try (InputStream in = part.getInputStream()) {
                PluginUpload upload = installer.stage(in);
                return new Outcome("Uploaded " + (upload.symbolicName() != null ? upload.symbolicName()
                        : upload.featureId()) + " " + upload.version() + " for review below. Nothing of it runs "
                        + "until you activate it.", upload.id());
            }
        } finally {
            part.delete();
        }
    }

    /** Writes the section; {@code staged} is the upload to review (from the page's query), or null. */
    public void render(PrintWriter out, String staged) throws IOException {
        out.println("<h2 id='plugins'>Plugins</h2>");
        if (installer == null) {
            out.println("<p id='plugins-unavailable'>Plugins cannot be installed now: that needs the audit log, "
                    + "which is not available (see /api/health).</p>");
            return;
        }
        if (staged != null) {
            review(out, staged);
        }
        out.println("<table class='nicetable' id='deployed-plugins'><tr><th>File in deploy/</th><th>Kind</th>"
                + "<th>Plugin</th><th>Version</th><th>State</th><th>SHA-256</th><th></th></tr>");
        List<DeployedPlugin> deployed;
        try {
            deployed = installer.deployed();
        } catch (ApiException e) {
            out.println("<tr><td colspan='7'>" + forHtml(e.getMessage()) + "</td></tr></table>");
            return;
        }
        for (DeployedPlugin p : deployed) {
            out.println("<tr><td>" + forHtml(p.file()) + "</td><td>" + forHtml(p.kind()) + "</td><td>"
                    + text(p.symbolicName() != null ? p.symbolicName() : p.featureId()) + "</td><td>"
                    + text(p.version()) + "</td><td>" + forHtml(p.state()) + "</td><td><code>" + forHtml(p.sha256())
                    + "</code></td><td>" + form("remove-plugin", p.file(), "Remove") + "</td></tr>");
        }
        if (deployed.isEmpty()) {
            out.println("<tr><td colspan='7'>None.</td></tr>");
        }
        out.println("</table>");
        out.println("<form method='post' enctype='multipart/form-data' id='plugin-upload'>"
                + "<input type='hidden' name='action' value='upload-plugin'>" + csrf.hiddenField()
                + "<label>Bundle (.jar) or feature (.json) <input type='file' name='" + FILE_FIELD
                + "' accept='.jar,.json' required></label> "
                + "<button type='submit' class='ui-button'>Upload for review</button></form>");
        out.println("<p>An upload is shown for review first; nothing of it runs until you activate it. Uploads not "
                + "activated within the review time are discarded. Largest upload: " + installer.maxUploadBytes()
                + " bytes.</p>");
    }

    private void review(PrintWriter out, String id) throws IOException {
        PluginUpload u;
        try {
            u = installer.staged(id);
        } catch (ApiException e) {
            out.println("<p class='statline ui-state-error' id='plugin-review-error'>" + forHtml(e.getMessage())
                    + "</p>");
            return;
        }
        boolean bundle = u.kind().equals(PluginInspector.BUNDLE);
        out.println("<h3>Review the upload</h3><table class='nicetable' id='plugin-review'>");
        row(out, "Kind", forHtml(u.kind()));
        row(out, bundle ? "Symbolic name" : "Feature", text(bundle ? u.symbolicName() : u.featureId()));
        row(out, "Version", text(u.version()));
        row(out, "Name", text(u.name()));
        row(out, "Description", text(u.description()));
        row(out, "SHA-256", "<code id='plugin-sha256'>" + forHtml(u.sha256()) + "</code>");
        row(out, "Size", u.size() + " bytes");
        row(out, "Replaces", u.replaces() == null ? "nothing: a new plugin"
                : forHtml(u.replaces().file() + " (version " + u.replaces().version() + ")"));
        if (bundle) {
            row(out, "Fragment of", u.fragmentHost() == null ? "no fragment"
                    : "<code id='plugin-fragment-host'>" + forHtml(u.fragmentHost()) + "</code>");
            row(out, "Activator", u.activator() == null ? "none"
                    : "<code id='plugin-activator'>" + forHtml(u.activator()) + "</code>");
        }
        row(out, "Discarded at", forHtml(String.valueOf(u.expiresAt())) + " unless activated");
        out.println("</table>");
        if (bundle) {
            out.println("<h3>Services it provides</h3><ul id='plugin-services'>");
            u.services().forEach(s -> out.println("<li>" + forHtml(s) + "</li>"));
            out.println(u.services().isEmpty() ? "<li>None declared.</li></ul>" : "</ul>");
            out.println("<h3>Packages it imports</h3><table class='nicetable' id='plugin-imports'>"
                    + "<tr><th>Package</th><th>Versions</th><th>Optional</th></tr>");
            for (PluginImport i : u.imports()) {
                out.println("<tr><td>" + forHtml(i.packageName()) + "</td><td>" + text(i.version()) + "</td><td>"
                        + (i.optional() ? "optional" : "") + "</td></tr>");
            }
            out.println("</table><h3>Packages it exports</h3><table class='nicetable' id='plugin-exports'>"
                    + "<tr><th>Package</th><th>Version</th></tr>");
            for (PluginExport e : u.exports()) {
                out.println("<tr><td>" + forHtml(e.packageName()) + "</td><td>" + text(e.version()) + "</td></tr>");
            }
            out.println("</table><h3>Capabilities it requires</h3><ul id='plugin-requirements'>");
            u.requirements().forEach(r -> out.println("<li>" + forHtml(r) + "</li>"));
            out.println("</ul>");
            list(out, "Bundles it requires (Require-Bundle)", "plugin-required-bundles", u.requiredBundles());
            list(out, "Packages it may import at run time (DynamicImport-Package)", "plugin-dynamic-imports",
                    u.dynamicImports());
        } else {
            out.println("<h3>Bundles it installs</h3><p>Fetched by their Maven coordinates from system/, then the "
                    + "configured Maven repositories, when it is activated; they are not inspected here.</p>"
                    + "<ul id='plugin-bundles'>");
            u.bundles().forEach(b -> out.println("<li>" + forHtml(b) + "</li>"));
            out.println(u.bundles().isEmpty() ? "<li>None.</li></ul>" : "</ul>");
            out.println("<h3>Configurations it creates</h3><p>Each where its PID has no configuration yet. Values "
                    + "that are long or may be secret are not shown.</p><table class='nicetable' "
                    + "id='plugin-configurations'><tr><th>PID</th><th>Property</th><th>Value</th></tr>");
            for (PluginConfiguration c : u.configurations()) {
                if (c.properties().isEmpty()) {
                    out.println("<tr><td>" + forHtml(c.pid()) + "</td><td></td><td></td></tr>");
                }
                for (PluginConfigProperty p : c.properties()) {
                    out.println("<tr><td>" + forHtml(c.pid()) + "</td><td>" + forHtml(p.name()) + "</td><td>"
                            + (p.hidden() ? "<em>not shown</em>" : text(p.value())) + "</td></tr>");
                }
            }
            if (u.configurations().isEmpty()) {
                out.println("<tr><td colspan='3'>None.</td></tr>");
            }
            out.println("</table>");
        }
        if (u.conflict() != null) {
            out.println("<p class='statline ui-state-error' id='plugin-conflict'>" + forHtml(u.conflict()) + "</p>");
        } else {
            out.print(activateForm(u) + " ");
        }
        out.println(form("discard-plugin", u.id(), "Discard"));
    }

    /** A list of a header's entries, when the bundle has any. */
    private static void list(PrintWriter out, String title, String id, List<String> items) {
        if (!items.isEmpty()) {
            out.println("<h3>" + forHtml(title) + "</h3><ul id='" + forHtmlAttribute(id) + "'>");
            items.forEach(i -> out.println("<li>" + forHtml(i) + "</li>"));
            out.println("</ul>");
        }
    }

    /** The Activate button, with what the review showed: activation is refused if the upload is no longer that. */
    private String activateForm(PluginUpload u) {
        return "<form method='post' style='display:inline' id='plugin-activate'>"
                + "<input type='hidden' name='action' value='activate-plugin'>"
                + "<input type='hidden' name='target' value='" + forHtmlAttribute(u.id()) + "'>"
                + "<input type='hidden' name='" + SHA256_FIELD + "' value='" + forHtmlAttribute(u.sha256()) + "'>"
                + "<input type='hidden' name='" + REPLACES_FIELD + "' value='"
                + forHtmlAttribute(u.replaces() == null ? "" : u.replaces().file()) + "'>"
                + csrf.hiddenField()
                + "<button type='submit' class='ui-button'>Activate</button></form>";
    }

    private static void row(PrintWriter out, String label, String html) {
        out.println("<tr><td>" + forHtml(label) + "</td><td>" + html + "</td></tr>");
    }

    private static String text(String value) {
        return value == null ? "" : forHtml(value);
    }

    /** A one-button form, as the page's own install and uninstall buttons. */
    private String form(String action, String target, String label) {
        return "<form method='post' style='display:inline'>"
                + "<input type='hidden' name='action' value='" + forHtmlAttribute(action) + "'>"
                + "<input type='hidden' name='target' value='" + forHtmlAttribute(target) + "'>"
                + csrf.hiddenField()
                + "<button type='submit' class='ui-button'>" + forHtml(label) + "</button></form>";
    }

    /**
     * @return the console's operator (the console logs in alliance-admins only; see ConsoleSecurityProvider), or null
     *         when the request carries none, or one without the operator's role
     */
    static AlliancePrincipal operator(HttpServletRequest req) {
        Object user = req.getAttribute(User.USER_ATTRIBUTE);
        return user instanceof User u && u.getUserObject() instanceof AlliancePrincipal p
                && p.roles().contains(Roles.ALLIANCE_ADMIN) ? p : null;
    }
}
