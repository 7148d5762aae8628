package org.carbonalliance.membership.impl;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carbonalliance.membership.api.ApplicationForm;
import org.carbonalliance.membership.api.ApplicationState;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.Invitation;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.carbonalliance.platform.api.web.OpenApiContributor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/membership/applications}. Submitting is public (rate-limited per address); the applicant follows and
 * answers its application with the status token (header {@code X-Status-Token}); alliance-admins list and decide.
 */
@Component(service = {Servlet.class, OpenApiContributor.class}, property = {
        "osgi.http.whiteboard.servlet.pattern=/membership/applications/*",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT,
        ApiContext.PUBLIC + "=true" })
public class ApplicationsServlet extends ApiServlet implements OpenApiContributor {
    private static final long serialVersionUID = 1L;
    static final String TOKEN_HEADER = "X-Status-Token";
    private static final int SUBMISSIONS_PER_HOUR = 10;

    /** Body of reject and request-information. */
    public record Note(String reason, String questions) {
    }

    private final transient Applications applications;
    private final transient SubmissionRateLimit rateLimit =
            new SubmissionRateLimit(Clock.systemUTC(), SUBMISSIONS_PER_HOUR, Duration.ofHours(1));

    @Activate
    public ApplicationsServlet(@Reference Applications applications) {
        this.applications = applications;
    }

    private static AlliancePrincipal requireAdmin() {
        AlliancePrincipal caller = CurrentPrincipal.get()
                .orElseThrow(() -> new ApiException(401, "unauthorized", "Log in as an alliance operator."));
        if (!caller.hasRole(Roles.ALLIANCE_ADMIN)) {
            throw ApiException.forbidden("Only the alliance secretariat reviews applications.");
        }
        return caller;
    }

    private static boolean isAdmin() {
        return CurrentPrincipal.get().map(p -> p.hasRole(Roles.ALLIANCE_ADMIN)).orElse(false);
    }

    private Application requireApplicantOrAdmin(HttpServletRequest req, String id) {
        Application application = applications.find(id).orElse(null);
        boolean admin = isAdmin();
        if (admin && application != null) {
            return application;
        }
        String token = req.getHeader(TOKEN_HEADER);
        if (token == null && CurrentPrincipal.get().isEmpty()) {
            throw new ApiException(401, "unauthorized", "Send the application's status token in the "
                    + TOKEN_HEADER + " header, or log in as an alliance operator.");
        }
        if (application == null || !Applications.tokenMatches(application, token)) {
            throw admin ? ApiException.notFound("There is no application " + id + ".")
                    : ApiException.forbidden("The status token does not belong to application " + id + ".");
        }
        return application;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> path = pathSegments(req);
        if (path.isEmpty()) {
            requireAdmin();
            ApplicationState state = null;
            if (req.getParameter("state") != null) {
                state = ApplicationState.fromWire(req.getParameter("state"));
                if (state == null) {
                    throw ApiException.badRequest("Unknown state '" + req.getParameter("state") + "'.",
                            List.of("state: one of submitted, under-review, information-requested, approved, "
                                    + "rejected, withdrawn"));
                }
            }
            int offset = intParam(req, "offset", 0, 0, Integer.MAX_VALUE);
            int limit = intParam(req, "limit", 50, 1, 200);
            writeJson(resp, 200, Map.of("items", applications.list(state, offset, limit).stream()
                    .map(a -> view(a, true)).toList(), "offset", offset, "limit", limit));
            return;
        }
        if (path.size() != 1) {
            throw ApiException.notFound("There is no endpoint at " + req.getRequestURI() + ".");
        }
        Application application = requireApplicantOrAdmin(req, path.get(0));
        writeJson(resp, 200, view(application, isAdmin()));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> path = pathSegments(req);
        if (path.isEmpty()) {
            ApplicationForm form = form(req);
            if (!rateLimit.tryAcquire(req.getRemoteAddr())) {
                long seconds = rateLimit.retryAfter(req.getRemoteAddr()).toSeconds() + 1;
                throw ApiException.tooManyRequests("At most " + SUBMISSIONS_PER_HOUR + " applications per hour are "
                        + "accepted from one address; try again in " + (seconds + 59) / 60 + " minute(s).", seconds);
            }
            Applications.Submitted submitted = applications.submit(form);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", submitted.application().id());
            out.put("state", submitted.application().state().wire());
            out.put("statusToken", submitted.statusToken());
            writeJson(resp, 201, out);
            return;
        }
        if (path.size() != 2) {
            throw ApiException.notFound("There is no endpoint at " + req.getRequestURI() + ".");
        }
        String id = path.get(0);
        try {
            switch (path.get(1)) {
                case "approve" -> {
                    requireAdmin();
                    Invitation invitation = applications.approve(id);
                    writeJson(resp, 200, Map.of("state", "approved", "tenantId", invitation.tenantId(),
                            "memberAdmin", invitation.email(), "activationToken", invitation.activationToken(),
                            "expiresAt", invitation.expiresAt()));
                }
                case "start-review" -> {
                    requireAdmin();
                    applications.startReview(id);
                    writeJson(resp, 200, Map.of("state", "under-review"));
                }
                case "reject" -> {
                    requireAdmin();
                    applications.reject(id, note(req, true));
                    writeJson(resp, 200, Map.of("state", "rejected"));
                }
                case "request-information" -> {
                    requireAdmin();
                    applications.requestInformation(id, note(req, false));
                    writeJson(resp, 200, Map.of("state", "information-requested"));
                }
                case "resubmit" -> {
                    requireApplicantOrAdmin(req, id);
                    applications.resubmit(id, form(req));
                    writeJson(resp, 200, Map.of("state", "submitted"));
                }
                case "withdraw" -> {
                    requireApplicantOrAdmin(req, id);
                    applications.withdraw(id);
                    writeJson(resp, 200, Map.of("state", "withdrawn"));
                }
                default -> throw ApiException.notFound("There is no endpoint at " + req.getRequestURI() + ".");
            }
        } catch (Applications.NotFound e) {
            throw ApiException.notFound(e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "conflict", e.getMessage());
        }
    }

    private ApplicationForm form(HttpServletRequest req) throws IOException {
        ApplicationValidator.Result result = ApplicationValidator.validate(readJson(req, ApplicationRequest.class));
        if (!result.problems().isEmpty()) {
            throw ApiException.badRequest("The application has " + result.problems().size()
                    + " field(s) to correct.", result.problems());
        }
        return result.form();
    }

    private String note(HttpServletRequest req, boolean reason) throws IOException {
        Note body = readJson(req, Note.class);
        String text = reason ? body.reason() : body.questions();
        String field = reason ? "reason" : "questions";
        if (text == null || text.isBlank() || text.length() > 2000) {
            throw ApiException.badRequest("Field '" + field + "' is required: 1 to 2000 characters for the applicant.",
                    List.of(field + ": required, 1-2000 characters"));
        }
        return text.strip();
    }


    private static int intParam(HttpServletRequest req, String name, int fallback, int min, int max) {
        String value = req.getParameter(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("Parameter '" + name + "' must be a whole number from " + min + " to " + max
                + ".", List.of(name + ": " + min + "-" + max));
    }

    private static Map<String, Object> view(Application a, boolean reviewer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id());
        out.put("state", a.state().wire());
        ApplicationForm form = a.form();
        out.put("organisationName", form.organisationName());
        out.put("localName", form.localName());
        out.put("type", form.type().wire());
        out.put("country", form.country());
        out.put("registrationNumber", form.registrationNumber());
        out.put("website", form.website());
        out.put("contactName", form.contactName());
        out.put("contactEmail", form.contactEmail());
        out.put("areas", a.areaSet());
        out.put("statement", form.statement());
        out.put("seeking", form.seeking().wire());
        out.put("decisionNote", a.decisionNote());
        out.put("submittedAt", a.submittedAt());
        out.put("updatedAt", a.updatedAt());
        if (reviewer) {
            out.put("tenantId", a.tenantId());
            try {
                out.put("findings", JSON.readValue(a.findings(), new TypeReference<List<Map<String, Object>>>() { }));
            } catch (IOException e) {
                out.put("findings", List.of());
            }
        }
        return out;
    }

    @Override
    public Map<String, Object> openApiPaths() {
        List<Object> tags = List.of("membership");
        Map<String, Object> idParam = Map.of("name", "id", "in", "path", "required", true,
                "schema", Map.of("type", "string"));
        Map<String, Object> adminDecision = Map.of("tags", tags, "parameters", List.of(idParam),
                "responses", Map.of("200", Map.of("description", "decided"), "403", Map.of("description",
                        "not an alliance-admin"), "404", Map.of("description", "no such application"),
                        "409", Map.of("description", "not possible in the application's state")));
        Map<String, Object> applicantAction = Map.of("tags", tags, "parameters", List.of(idParam,
                Map.of("name", TOKEN_HEADER, "in", "header", "required", true, "schema", Map.of("type", "string"))),
                "responses", Map.of("200", Map.of("description", "done"), "403", Map.of("description",
                        "wrong status token"), "409", Map.of("description", "not possible in this state")));
        return Map.of(
                "/api/membership/applications", Map.of(
                        "post", Map.of("summary", "Apply for membership (no login; 10 per hour per address)",
                                "tags", tags, "security", List.of(),
                                "responses", Map.of("201", Map.of("description", "id and status token"),
                                        "400", Map.of("description", "fields to correct, each named"),
                                        "429", Map.of("description", "too many applications from this address"))),
                        "get", Map.of("summary", "List applications, newest first (alliance-admin)", "tags", tags,
                                "parameters", List.of(Map.of("name", "state", "in", "query",
                                        "schema", Map.of("type", "string")), Map.of("name", "offset", "in", "query",
                                        "schema", Map.of("type", "integer")), Map.of("name", "limit", "in", "query",
                                        "schema", Map.of("type", "integer", "maximum", 200))),
                                "responses", Map.of("200", Map.of("description", "applications with findings")))),
                "/api/membership/applications/{id}", Map.of("get", Map.of(
                        "summary", "One application: with the status token (applicant) or as alliance-admin",
                        "tags", tags, "parameters", List.of(idParam),
                        "responses", Map.of("200", Map.of("description", "the application")))),
                "/api/membership/applications/{id}/start-review", Map.of("post", adminDecision),
                "/api/membership/applications/{id}/approve", Map.of("post", adminDecision),
                "/api/membership/applications/{id}/reject", Map.of("post", adminDecision),
                "/api/membership/applications/{id}/request-information", Map.of("post", adminDecision),
                "/api/membership/applications/{id}/resubmit", Map.of("post", applicantAction),
                "/api/membership/applications/{id}/withdraw", Map.of("post", applicantAction));
    }
}
