package org.carbonalliance.membership.impl;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.carbonalliance.membership.api.ApplicationState;
import org.carbonalliance.membership.impl.ApplicationViews.ApplicantView;
import org.carbonalliance.membership.impl.ApplicationViews.ApplicationPage;
import org.carbonalliance.membership.impl.ApplicationViews.ApplicationView;
import org.carbonalliance.membership.impl.ApplicationViews.Approval;
import org.carbonalliance.membership.impl.ApplicationViews.InformationRequest;
import org.carbonalliance.membership.impl.ApplicationViews.Rejection;
import org.carbonalliance.membership.impl.ApplicationViews.StateView;
import org.carbonalliance.membership.impl.ApplicationViews.Submitted;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Call;
import org.carbonalliance.platform.api.rest.Handler;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.security.Invitation;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.RateLimit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@code /api/membership/applications}. Submitting is public (rate-limited per address); the applicant follows and
 * answers its application with the status token (header {@code X-Status-Token}); alliance-admins list and decide.
 */
@Component(service = RestResource.class, configurationPid = "org.carbonalliance.membership")
@Designate(ocd = MembershipConfig.class)
public class ApplicationsResource implements RestResource {

    static final String TOKEN_HEADER = "X-Status-Token";
    private static final Access SECRETARIAT = Access.anyRole(Roles.ALLIANCE_ADMIN);

    private final Applications applications;
    private final int submissionsPerHour;
    private final RateLimit rateLimit;

    @Activate
    public ApplicationsResource(@Reference Applications applications, MembershipConfig config) {
        this.applications = applications;
        this.submissionsPerHour = config.submissionsPerHour();
        this.rateLimit = new RateLimit(Clock.systemUTC(), submissionsPerHour, Duration.ofHours(1));
    }

    @Override
    public String base() {
        return "/membership/applications";
    }

    @Override
    public String tag() {
        return "membership";
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.post("").id("submitApplication")
                        .summary("Apply for membership (public; a limited number an hour from one address)")
                        .access(Access.PUBLIC).body(ApplicationRequest.class).returns(201, Submitted.class)
                        .error(429, "too many applications from this address").handle(this::submit),
                Operation.get("").id("listApplications").summary("The review queue (alliance-admin)")
                        .access(SECRETARIAT).returns(200, ApplicationPage.class)
                        .query("state", "string", "submitted, under-review, information-requested, approved, "
                                + "rejected or withdrawn")
                        .query("offset", "integer", "how many to skip (default 0)")
                        .query("limit", "integer", "how many, 1 to 200 (default 50)")
                        .handle(this::list),
                Operation.get("/{id}").id("getApplication")
                        .summary("An application: for its applicant (X-Status-Token) and the secretariat")
                        .access(Access.PUBLIC).header(TOKEN_HEADER, "the status token given at submission", false)
                        .returns(200, ApplicantView.class).error(401, "neither a status token nor a login")
                        .error(403, "the token is not this application's").error(404, "no such application")
                        .handle(call -> {
                            // The secretariat gets the full view, a superset of the applicant's.
                            Application application = applicantOrAdmin(call);
                            return isAdmin(call) ? ApplicationView.of(application) : ApplicantView.of(application);
                        }),
                decision("approve", "approveApplication", "Approve: create the member and invite its contact",
                        Approval.class, null, call -> {
                            Invitation invitation = applications.approve(call.path("id"));
                            return new Approval("approved", invitation.tenantId(), invitation.email(),
                                    invitation.activationToken(), invitation.expiresAt());
                        }),
                decision("start-review", "startApplicationReview", "Take up a submitted application",
                        StateView.class, null, call -> {
                            applications.startReview(call.path("id"));
                            return new StateView("under-review");
                        }),
                decision("reject", "rejectApplication", "Reject, with the reason the applicant will read",
                        StateView.class, Rejection.class, call -> {
                            applications.reject(call.path("id"), call.body(Rejection.class).reason().strip());
                            return new StateView("rejected");
                        }),
                decision("request-information", "requestApplicationInformation",
                        "Ask the applicant questions; it answers by resubmitting", StateView.class,
                        InformationRequest.class, call -> {
                            applications.requestInformation(call.path("id"),
                                    call.body(InformationRequest.class).questions().strip());
                            return new StateView("information-requested");
                        }),
                applicantAction("resubmit", "resubmitApplication", "Answer a request for information with a "
                        + "revised form", ApplicationRequest.class, call -> {
                            applications.resubmit(call.path("id"), call.body(ApplicationRequest.class).toForm());
                            return new StateView("submitted");
                        }),
                applicantAction("withdraw", "withdrawApplication", "Withdraw the application", null, call -> {
                    applications.withdraw(call.path("id"));
                    return new StateView("withdrawn");
                }));
    }

    private Submitted submit(Call call) {
        String address = call.clientAddress();
        if (!rateLimit.tryAcquire(address)) {
            long seconds = rateLimit.retryAfter(address).toSeconds() + 1;
            throw ApiException.tooManyRequests("At most " + submissionsPerHour + " applications per hour are "
                    + "accepted from one address; try again in " + (seconds + 59) / 60 + " minute(s).", seconds);
        }
        Applications.Submitted submitted = applications.submit(call.body(ApplicationRequest.class).toForm());
        return new Submitted(submitted.application().id(), submitted.application().state().wire(),
                submitted.statusToken());
    }

    private ApplicationPage list(Call call) {
        ApplicationState state = call.query("state").map(text -> {
            ApplicationState parsed = ApplicationState.fromWire(text);
            if (parsed == null) {
                throw ApiException.badRequest("Unknown state '" + text + "'.", List.of("state: one of submitted, "
                        + "under-review, information-requested, approved, rejected, withdrawn"));
            }
            return parsed;
        }).orElse(null);
        int offset = call.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        int limit = call.queryInt("limit", 50, 1, 200);
        return new ApplicationPage(applications.list(state, offset, limit).stream()
                .map(ApplicationView::of).toList(), offset, limit);
    }

    /** A secretariat decision on {@code /{id}/<action>}; the application's state decides what is possible (409). */
    private Operation decision(String action, String id, String summary, Class<?> response, Class<?> body,
            Handler work) {
        Operation.Builder builder = Operation.post("/{id}/" + action).id(id).summary(summary).access(SECRETARIAT);
        if (body != null) {
            builder.body(body);
        }
        return builder.returns(200, response).error(404, "no such application")
                .error(409, "not possible in the application's state").handle(mapped(work));
    }

    /** An action of the applicant (with the status token) or the secretariat on {@code /{id}/<action>}. */
    private Operation applicantAction(String action, String id, String summary, Class<?> body, Handler work) {
        Operation.Builder builder = Operation.post("/{id}/" + action).id(id).summary(summary).access(Access.PUBLIC)
                .header(TOKEN_HEADER, "the status token given at submission", false).guard(this::applicantOrAdmin);
        if (body != null) {
            builder.body(body);
        }
        return builder.returns(200, StateView.class).error(401, "neither a status token nor a login")
                .error(403, "the token is not this application's").error(404, "no such application")
                .error(409, "not possible in the application's state").handle(mapped(work));
    }

    /** The workflow's exceptions as answers: unknown application 404, wrong state 409. */
    private static Handler mapped(Handler work) {
        return call -> {
            try {
                return work.handle(call);
            } catch (Applications.NotFound e) {
                throw ApiException.notFound(e.getMessage());
            } catch (IllegalStateException e) {
                throw new ApiException(409, "conflict", e.getMessage());
            }
        };
    }

    private static boolean isAdmin(Call call) {
        return call.principal().map(p -> p.hasRole(Roles.ALLIANCE_ADMIN)).orElse(false);
    }

    /** The application, for the secretariat or for whoever shows its status token. */
    private Application applicantOrAdmin(Call call) {
        String id = call.path("id");
        Application application = applications.find(id).orElse(null);
        boolean admin = isAdmin(call);
        if (admin && application != null) {
            return application;
        }
        String token = call.header(TOKEN_HEADER).orElse(null);
        if (token == null && call.principal().isEmpty()) {
            throw new ApiException(401, "unauthorized", "Send the application's status token in the "
                    + TOKEN_HEADER + " header, or log in as an alliance operator.");
        }
        if (application == null || !Applications.tokenMatches(application, token)) {
            throw admin ? ApiException.notFound("There is no application " + id + ".")
                    : ApiException.forbidden("The status token does not belong to application " + id + ".");
        }
        return application;
    }
}
