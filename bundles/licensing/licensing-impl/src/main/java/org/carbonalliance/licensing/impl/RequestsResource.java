package org.carbonalliance.licensing.impl;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.carbonalliance.licensing.impl.LicensingRecords.Refusal;
import org.carbonalliance.licensing.impl.LicensingRecords.RequestForm;
import org.carbonalliance.licensing.impl.LicensingRecords.RequestView;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Call;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.RateLimit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/licensing/requests}: members (member-admin, logged in) and non-member organisations (not logged in,
 * naming themselves) request licences; every policy judges each request at once; alliance-admins decide those
 * referred to them.
 */
@Component(service = RestResource.class, configurationPid = "org.carbonalliance.licensing")
public class RequestsResource implements RestResource {

    static final String TOKEN_HEADER = "X-Status-Token";
    private static final Access SECRETARIAT = Access.anyRole(Roles.ALLIANCE_ADMIN);
    private static final Access LOGGED_IN = Access.anyRole(Roles.MEMBER_ADMIN, Roles.MEMBER_USER,
            Roles.ALLIANCE_ADMIN);

    private final Licensing licensing;
    private volatile RateLimit anonymous;

    @Activate
    public RequestsResource(@Reference Licensing licensing, LicensingConfig config) {
        this.licensing = licensing;
        configure(config);
    }

    @Modified
    void configure(LicensingConfig config) {
        this.anonymous = new RateLimit(Clock.systemUTC(), config.anonymousRequestsPerHour(), Duration.ofHours(1));
    }

    /** Requests without login are limited per client address; members' are not. */
    private void limitAnonymous(Call call) {
        if (call.principal().isEmpty() && !anonymous.tryAcquire(call.clientAddress())) {
            throw ApiException.tooManyRequests("Too many licence requests from your address; try again later.",
                    anonymous.retryAfter(call.clientAddress()).toSeconds() + 1);
        }
    }

    @Override
    public String base() {
        return "/licensing/requests";
    }

    @Override
    public String tag() {
        return "licensing";
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.post("").id("requestLicence")
                        .summary("Request a licence: a member's member-admin logged in, or a non-member organisation "
                                + "without login (its answer carries the status token to follow the request)")
                        .access(Access.PUBLIC).guard(this::limitAnonymous).body(RequestForm.class)
                        .returns(201, RequestView.class).error(429, "too many requests without login from one address")
                        .handle(call -> licensing.request(call.body(RequestForm.class), call.principal()
                                .orElse(null))),
                Operation.get("").id("listLicenceRequests")
                        .summary("Your organisation's requests (the secretariat: all)").access(LOGGED_IN)
                        .query("state", "string", "requested, under-review, granted, refused")
                        .returnsList(200, RequestView.class)
                        .handle(call -> licensing.requests(call.caller(), state(call.query("state").orElse(null)))),
                Operation.get("/{id}").id("getLicenceRequest")
                        .summary("A request: for its requester (logged in, or with X-Status-Token) and the secretariat")
                        .access(Access.PUBLIC).header(TOKEN_HEADER, "a non-member's status token", false)
                        .returns(200, RequestView.class).error(404, "no such request of yours")
                        .handle(call -> licensing.request(call.path("id"), call.principal().orElse(null),
                                call.header(TOKEN_HEADER).orElse(null)).orElseThrow(() -> ApiException.notFound(
                                        "There is no licence request " + call.path("id") + " you may read."))),
                Operation.post("/{id}/grant").id("grantLicenceRequest")
                        .summary("Grant a referred request: the licence is created (alliance-admins)")
                        .access(SECRETARIAT).returns(200, RequestView.class).error(404, "no such request")
                        .error(409, "already decided, or a patent is no longer licensable")
                        .handle(call -> licensing.grant(call.path("id"), call.caller())),
                Operation.post("/{id}/refuse").id("refuseLicenceRequest").summary("Refuse a request (alliance-admins)")
                        .access(SECRETARIAT).body(Refusal.class).returns(200, RequestView.class)
                        .error(404, "no such request").error(409, "already decided")
                        .handle(call -> licensing.refuse(call.path("id"), call.body(Refusal.class).reason().strip(),
                                call.caller())));
    }

    private static String state(String state) {
        if (state != null && !List.of("requested", "under-review", "granted", "refused").contains(state)) {
            throw ApiException.badRequest("state: one of requested, under-review, granted, refused.",
                    List.of("state: one of requested, under-review, granted, refused"));
        }
        return state;
    }
}
