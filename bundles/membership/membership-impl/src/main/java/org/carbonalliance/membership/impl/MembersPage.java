package org.carbonalliance.membership.impl;

import static org.owasp.encoder.Encode.forHtml;
import static org.owasp.encoder.Encode.forHtmlAttribute;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.User;
import org.carbonalliance.membership.api.ApplicationState;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.audit.AuditRecord;
import org.carbonalliance.platform.api.audit.AuditVerification;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.Invitation;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.CsrfToken;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The console's Members page: the applications queue with check findings and the decisions, the members with
 * suspension and reinstatement, and the audit chain's status. Forms carry a CSRF token; everything shown is escaped.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=members",
        "felix.webconsole.title=Members",
        "felix.webconsole.category=Carbon Alliance" })
public class MembersPage extends AbstractServlet {
    private static final long serialVersionUID = 1L;
    private static final Set<ApplicationState> OPEN = Set.of(ApplicationState.SUBMITTED,
            ApplicationState.UNDER_REVIEW, ApplicationState.INFORMATION_REQUESTED);

    private final transient Applications applications;
    private final transient Members members;
    private final transient AuditLog audit;
    private final transient CsrfToken csrf = new CsrfToken();

    @Activate
    public MembersPage(@Reference Applications applications, @Reference Members members, @Reference AuditLog audit) {
        this.members = members;
        this.applications = applications;
        this.audit = audit;
    }

    @Override
    public void renderContent(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PrintWriter out = resp.getWriter();
        String message = req.getParameter("message");
        if (message != null) {
            out.println("<p class='statline ui-state-highlight' id='members-message'>" + forHtml(message) + "</p>");
        }
        out.println("<h2>Applications to review</h2><table class='nicetable' id='applications'>");
        out.println("<tr><th>Organisation</th><th>Type</th><th>Country</th><th>State</th><th>Findings</th>"
                + "<th>Decision</th></tr>");
        for (Application a : applications.list(null, 0, 200)) {
            if (!OPEN.contains(a.state())) {
                continue;
            }
            out.println("<tr><td>" + forHtml(a.form().organisationName()) + "</td><td>" + forHtml(a.form().type().wire())
                    + "</td><td>" + forHtml(a.form().country()) + "</td><td>" + forHtml(a.state().wire()) + "</td><td>"
                    + findings(a) + "</td><td>"
                    + (a.state() == ApplicationState.SUBMITTED ? form("start-review", a.id(), "Start review", null) : "")
                    + form("approve", a.id(), "Approve", null)
                    + form("reject", a.id(), "Reject", "reason") + form("request-information", a.id(),
                            "Request information", "questions") + "</td></tr>");
        }
        out.println("</table>");

        out.println("<h2>Members</h2><table class='nicetable' id='members'>");
        out.println("<tr><th>Member</th><th>Type</th><th>Country</th><th>Status</th><th></th></tr>");
        for (Member m : members.list(true)) {
            String action = switch (m.status()) {
                case ACTIVE -> form("suspend", m.tenantId(), "Suspend", "reason");
                case SUSPENDED -> form("reinstate", m.tenantId(), "Reinstate", null);
                case WITHDRAWN -> "";
            };
            out.println("<tr><td>" + forHtml(m.name()) + (m.demo() ? " <em>(demo)</em>" : "") + "</td><td>"
                    + forHtml(m.type()) + "</td><td>" + forHtml(m.country()) + "</td><td>"
                    + forHtml(m.status().name().toLowerCase()) + "</td><td>" + action + "</td></tr>");
        }
        out.println("</table>");

        AuditVerification chain = audit.verify();
        out.println("<h2>Audit log</h2><p id='audit-status'>" + (chain.intact()
                ? "Chain intact: " + chain.entries() + " entries."
                : "Chain BROKEN at entry " + chain.firstBrokenSeq() + ".") + " Entries are in data/log/audit.log; "
                + "<code>audit:verify</code> checks the chain from the shell.</p>");
        out.println("<table class='nicetable' id='audit'><tr><th>#</th><th>When</th><th>Who</th><th>Tenant</th>"
                + "<th>What</th><th>Target</th><th>Before</th><th>After</th></tr>");
        for (AuditRecord r : audit.recent(30)) {
            out.println("<tr><td>" + r.seq() + "</td><td>" + forHtml(r.at().toString()) + "</td><td>"
                    + forHtml(r.actor()) + "</td><td>" + forHtml(String.valueOf(r.tenantId())) + "</td><td>"
                    + forHtml(r.action()) + "</td><td>" + forHtml(String.valueOf(r.target())) + "</td><td>"
                    + forHtml(String.valueOf(r.before())) + "</td><td>" + forHtml(String.valueOf(r.after()))
                    + "</td></tr>");
        }
        out.println("</table>");
    }

    private static String findings(Application a) {
        StringBuilder html = new StringBuilder("<ul>");
        for (ApplicationViews.CheckFinding f : ApplicationViews.ApplicationView.of(a).findings()) {
            html.append("<li>").append(forHtml(f.level())).append(' ').append(forHtml(f.check()))
                    .append(": ").append(forHtml(f.message())).append("</li>");
        }
        return html.append("</ul>").toString();
    }

    private String form(String action, String target, String label, String textField) {
        return "<form method='post' style='display:inline'>"
                + "<input type='hidden' name='action' value='" + forHtmlAttribute(action) + "'>"
                + "<input type='hidden' name='target' value='" + forHtmlAttribute(target) + "'>"
                + csrf.hiddenField()
                + (textField == null ? "" : "<input type='text' name='text' required maxlength='2000' placeholder='"
                        + forHtmlAttribute(textField) + "'>")
                + "<button type='submit' class='ui-button' data-action='" + forHtmlAttribute(action) + "'>"
                + forHtml(label) + "</button></form>";
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!csrf.matches(req.getParameter(CsrfToken.FIELD))) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN, "The form is outdated or not from this console; reload.");
            return;
        }
        String target = req.getParameter("target");
        String text = req.getParameter("text");
        String message;
        try {
            message = asOperator(req, () -> act(req.getParameter("action"), target, text));
        } catch (Applications.NotFound | IllegalStateException | IllegalArgumentException e) {
            message = e.getMessage();
        } catch (Exception e) {
            log("Members page action failed", e);
            message = "The action failed; see the log.";
        }
        resp.sendRedirect(req.getRequestURI() + "?message=" + URLEncoder.encode(message, StandardCharsets.UTF_8));
    }

    private String act(String action, String target, String text) {
        if (Set.of("reject", "request-information", "suspend").contains(action)
                && (text == null || text.isBlank() || text.length() > 2000)) {
            throw new IllegalArgumentException("Give a reason or questions (1 to 2000 characters) for " + action + ".");
        }
        switch (action == null ? "" : action) {
            case "approve" -> {
                Invitation invitation = applications.approve(target);
                return "Approved. Pass this one-time activation token to " + invitation.email() + " (valid until "
                        + invitation.expiresAt() + "): " + invitation.activationToken();
            }
            case "start-review" -> applications.startReview(target);
            case "reject" -> applications.reject(target, text.strip());
            case "request-information" -> applications.requestInformation(target, text.strip());
            case "suspend" -> members.suspend(target, text.strip());
            case "reinstate" -> members.reinstate(target);
            default -> throw new IllegalArgumentException("Unknown action " + action + ".");
        }
        return "Done: " + action + ".";
    }

    /** Binds the console's operator, so the audit log names who decided. */
    private static String asOperator(HttpServletRequest req, Callable<String> work) throws Exception {
        Object user = req.getAttribute(User.USER_ATTRIBUTE);
        AlliancePrincipal operator = user instanceof User u && u.getUserObject() instanceof AlliancePrincipal p ? p
                : new AlliancePrincipal("console", null, Set.of(Roles.ALLIANCE_ADMIN));
        return CurrentPrincipal.runAs(operator, work);
    }
}
