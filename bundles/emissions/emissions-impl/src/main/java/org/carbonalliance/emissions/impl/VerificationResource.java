package org.carbonalliance.emissions.impl;

import static org.carbonalliance.emissions.impl.EmissionsAccess.MEMBERS;
import static org.carbonalliance.emissions.impl.EmissionsAccess.MEMBER_ADMIN;
import static org.carbonalliance.emissions.impl.EmissionsAccess.VERIFIER;

import java.util.List;
import org.carbonalliance.emissions.impl.EmissionsRecords.AssignmentView;
import org.carbonalliance.emissions.impl.EmissionsRecords.GrantForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.GrantView;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/emissions/verification}: a member-admin grants a verifier (an accredited body's user, by login) one
 * report or all submitted reports; a verifier lists what it was granted.
 */
@Component(service = RestResource.class)
public class VerificationResource implements RestResource {

    private final EmissionsService emissions;

    @Activate
    public VerificationResource(@Reference EmissionsService emissions) {
        this.emissions = emissions;
    }

    @Override
    public String base() {
        return "/emissions/verification";
    }

    @Override
    public String tag() {
        return "emissions";
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.get("/grants").id("listVerifierGrants").summary("The verifiers you granted access")
                        .access(MEMBERS).returnsList(200, GrantView.class)
                        .handle(call -> emissions.reports.grants()),
                Operation.post("/grants").id("grantVerifier")
                        .summary("Grant a verifier (its login) one report (reportId) or all your submitted reports")
                        .access(MEMBER_ADMIN).body(GrantForm.class).returns(201, GrantView.class)
                        .error(404, "no such report of yours")
                        .handle(call -> emissions.reports.grant(call.body(GrantForm.class), call.caller())),
                Operation.delete("/grants/{id}").id("revokeVerifierGrant").summary("Withdraw a verifier's access")
                        .access(MEMBER_ADMIN).returnsNothing(204).error(404, "no such grant of yours")
                        .handle(call -> {
                            emissions.reports.revoke(call.path("id"), call.caller());
                            return null;
                        }),
                Operation.get("/assignments").id("listVerificationAssignments")
                        .summary("For a verifier: the members and reports granted to you").access(VERIFIER)
                        .returnsList(200, AssignmentView.class)
                        .handle(call -> emissions.reports.assignments(call.caller(), emissions::memberName)));
    }
}
